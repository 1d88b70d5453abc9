import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import Foundation
import Hummingbird

/// The staff side of the site: sign-in with a token (a session cookie, HttpOnly and SameSite=Strict), upload of
/// several files at once (streamed to disk, size-limited) and, for reviewers and admins, editing of links and
/// classification. Every form carries the session's CSRF secret.
struct StaffPages: Sendable {
    let repository: Repository
    let templates: PageTemplates

    private var access: StaffAccess { StaffAccess(repository: repository) }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/staff/signin") { request, _ in page("signin", [:], request, titleKey: "signIn") }
        router.post("/staff/signin") { request, _ in
            let fields = try await StaffAccess.formFields(request)
            guard let cookie = try access.signIn(secret: fields["token"] ?? "") else {
                return page("signin", ["failed": true], request, titleKey: "signIn", status: .unauthorized)
            }
            return Self.redirect("/staff/upload?lang=\(request.uiLanguage.rawValue)", cookie: cookie)
        }
        router.post("/staff/signout") { request, _ in
            let fields = try await StaffAccess.formFields(request)
            guard let session = try access.session(request), StaffAccess.validCSRF(fields["csrf"], for: session) else {
                return templates.forbidden(request)
            }
            try access.signOut(request)
            return Self.redirect("/?lang=\(request.uiLanguage.rawValue)", cookie: StaffAccess.clearedCookie)
        }
        router.get("/staff/upload") { request, _ in
            guard let session = try access.session(request) else { return Self.redirect(signInURL(request)) }
            return page("upload", ["csrf": session.csrfToken, "staffName": session.token.name, "staffRole": session.token.role.rawValue],
                        request, titleKey: "upload")
        }
        router.post("/staff/upload") { request, _ in
            guard let session = try access.session(request) else { return Self.redirect(signInURL(request)) }
            let upload: MultipartUpload
            do {
                upload = try await MultipartUpload.read(request, stagingIn: repository.blobs.staging, fileSizeLimit: repository.pipeline.sizeLimit)
            } catch let error as BayyinaError {
                return page("message", ["message": error.message(in: request.uiLanguage)], request, titleKey: "badRequest", status: .badRequest)
            }
            defer { upload.discard() }
            guard StaffAccess.validCSRF(upload.field("csrf"), for: session) else { return templates.forbidden(request) }
            let outcomes = try await StaffUploads(repository: repository).ingest(upload, agency: session.token.agency)
            let strings = UIStrings.strings(request.uiLanguage)
            let results: [[String: Any]] = zip(upload.files, outcomes).map { file, outcome in
                var item: [String: Any] = ["name": file.name, "statusKey": outcome.status.rawValue,
                                           "status": strings[outcome.status.rawValue] ?? outcome.status.rawValue]
                if outcome.status != .rejected, let hash = outcome.sha256 { item["sha256"] = hash.hex; item["title"] = outcome.title ?? file.name }
                if let error = outcome.error { item["error"] = error.message(in: request.uiLanguage) }
                return item
            }
            return page("upload-results", ["results": results], request, titleKey: "uploadResults")
        }
        router.post("/staff/documents/:sha256/links") { request, context in
            try await edit(request, sha256: context.parameters.get("sha256") ?? "") { hash, fields, _ in
                let target = (fields["target"] ?? "").trimmingCharacters(in: .whitespaces)
                let milestones = MilestoneID(target).map { [$0] } ?? []
                let commitments = milestones.isEmpty ? (CommitmentID(target).map { [$0] } ?? []) : []
                guard !milestones.isEmpty || !commitments.isEmpty else {
                    throw BayyinaError(.invalidArgument, "'\(target)' is neither a commitment nor a milestone id.")
                }
                if fields["action"] == "unlink" {
                    try repository.index.unlink(hash, commitments: commitments, milestones: milestones)
                } else {
                    try repository.index.link(hash, commitments: commitments, milestones: milestones)
                }
            }
        }
        router.post("/staff/documents/:sha256/classification") { request, context in
            try await edit(request, sha256: context.parameters.get("sha256") ?? "") { hash, fields, session in
                guard let level = fields["level"], let access = fields["access"].flatMap(AccessStatus.init(rawValue:)) else {
                    throw BayyinaError(.invalidArgument, "Choose a classification level and an access status.",
                                       arabic: "اختر مستوى التصنيف وحالة الإتاحة.")
                }
                func field(_ name: String) -> String? {
                    fields[name].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
                }
                try repository.index.classify(hash, ClassificationDecision(
                    level: level, access: access, withdrawn: fields["withdrawn"] == "on", legalBasis: field("legal_basis"),
                    decidedBy: session.token.name, decidedAt: Timestamp.now(), reviewDate: field("review_date"), note: field("note")))
            }
        }
    }

    /// Runs an edit for a signed-in reviewer or admin whose form carries the right CSRF secret, then returns to the
    /// document page.
    private func edit(
        _ request: Request, sha256: String, _ change: (ContentHash, [String: String], StaffSession) throws -> Void
    ) async throws -> Response {
        let fields = try await StaffAccess.formFields(request)
        guard let session = try access.editor(request), StaffAccess.validCSRF(fields["csrf"], for: session) else {
            return templates.forbidden(request)
        }
        guard let hash = ContentHash(hex: sha256), try repository.index.metadata(hash) != nil else {
            return page("message", ["message": UIStrings.strings(request.uiLanguage)["notFound"] ?? ""], request,
                        titleKey: "notFound", status: .notFound)
        }
        do {
            try change(hash, fields, session)
        } catch let error as BayyinaError {
            return page("message", ["message": error.message(in: request.uiLanguage)], request, titleKey: "badRequest",
                        status: .badRequest)
        }
        return Self.redirect("/documents/\(hash.hex)?lang=\(request.uiLanguage.rawValue)")
    }

    private func signInURL(_ request: Request) -> String { "/staff/signin?lang=\(request.uiLanguage.rawValue)" }

    private func page(
        _ name: String, _ values: [String: Any], _ request: Request, titleKey: String, status: HTTPResponse.Status = .ok
    ) -> Response {
        let language = request.uiLanguage
        let html = templates.render(name, values, language: language, title: UIStrings.strings(language)[titleKey] ?? "",
                                    path: request.uri.description)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var headers: HTTPFields = [.location: location]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }
}

/// Ingests uploaded files with the links and classification of their form.
struct StaffUploads: Sendable {
    let repository: Repository

    func ingest(_ upload: MultipartUpload, agency: String?) async throws -> [IngestOutcome] {
        let commitments = (upload.fields["commitment"] ?? []).flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " }) }
            .compactMap { CommitmentID(String($0)) }
        let milestones = (upload.fields["milestone"] ?? []).flatMap { $0.split(whereSeparator: { $0 == "," || $0 == " " }) }
            .compactMap { MilestoneID(String($0)) }
        try repository.index.validateLinks(commitments: commitments, milestones: milestones)
        let classification = upload.field("classification").flatMap(Classification.init(rawValue:)) ?? .public
        let basis = upload.field("legal_basis").flatMap { $0.isEmpty ? nil : $0 }
        var outcomes: [IngestOutcome] = []
        var requests: [IngestRequest] = []
        var positions: [Int] = []
        for (index, file) in upload.files.enumerated() {
            if file.tooLarge {
                outcomes.append(IngestOutcome(
                    path: file.name, status: .rejected, sha256: nil, title: nil,
                    error: BayyinaError(.tooLarge, "The file is larger than the upload limit of \(repository.pipeline.sizeLimit >> 20) MB."),
                    warnings: [], size: file.size))
                continue
            }
            outcomes.append(IngestOutcome(path: file.name, status: .rejected, warnings: [], size: file.size))
            positions.append(index)
            requests.append(IngestRequest(
                source: file.url, originalName: file.name, folder: agency ?? "", commitments: commitments, milestones: milestones,
                classification: classification, legalBasis: basis))
        }
        var next = 0
        await repository.pipeline.ingest(requests) { outcome in
            var named = outcome
            named.path = upload.files[positions[next]].name
            outcomes[positions[next]] = named
            next += 1
        }
        return outcomes
    }
}
