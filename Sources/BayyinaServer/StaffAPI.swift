import BayyinaCore
import BayyinaIngest
import BayyinaListings
import Foundation
import Hummingbird

/// The staff JSON API under `/api/v1`, for callers with a bearer token: uploads (any role), link editing and the
/// review of link suggestions (reviewers and admins). Answers in the one JSON error shape.
struct StaffAPI: Sendable {
    let repository: Repository

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.post("documents") { request, _ in
            try await answer(request) { token in try await upload(request, token: token) }
        }
        api.post("documents/:sha256/links") { request, context in
            try await answer(request) { token in
                try await changeLinks(request, sha256: context.parameters.get("sha256") ?? "", token: token)
            }
        }
        api.get("suggestions") { request, _ in
            try await answer(request) { token in try suggestions(request, token: token) }
        }
        api.post("suggestions/:id/:decision") { request, context in
            try await answer(request) { token in
                try decide(request, id: context.parameters.get("id") ?? "", decision: context.parameters.get("decision") ?? "", token: token)
            }
        }
    }

    /// The open link suggestions, surest first (`suggestions.schema.json`), for reviewers and admins.
    private func suggestions(_ request: Request, token: StaffToken) throws -> Response {
        try requireEditor(token)
        let parameters = request.uri.queryParameters
        let minimum = try parameters.get("min_confidence").map { text throws(Refusal) in
            guard let value = Double(text), (0...1).contains(value) else {
                throw Refusal(.badRequest, BayyinaError(.invalidArgument, "min_confidence is a number from 0 to 1.",
                                                        arabic: "قيمة min_confidence رقم من 0 إلى 1."))
            }
            return value
        } ?? 0.5
        let document = try parameters.get("document").map { text throws(Refusal) in
            guard let hash = ContentHash(hex: text) else { throw Refusal(.notFound, PublicAPI.unknownDocument) }
            return hash
        }
        let list = try repository.index.openSuggestions(minimumConfidence: minimum, document: document)
        return PublicAPI.json(try PublicAPI.encode(SuggestionListJSON(list, language: request.uiLanguage)), status: .ok)
    }

    /// Accepts (the document is linked) or rejects a suggestion in the name of the token.
    private func decide(_ request: Request, id: String, decision: String, token: StaffToken) throws -> Response {
        try requireEditor(token)
        guard let number = Int64(id), ["accept", "reject"].contains(decision) else {
            throw Refusal(.notFound, BayyinaError(.invalidArgument, "POST /api/v1/suggestions/{id}/accept or /reject.",
                                                  arabic: "استخدم POST /api/v1/suggestions/{id}/accept أو /reject."))
        }
        let decided = decision == "accept"
            ? try repository.index.acceptSuggestion(number, by: token.name) : try repository.index.rejectSuggestion(number, by: token.name)
        return PublicAPI.json(try PublicAPI.encode(SuggestionListJSON([decided], language: request.uiLanguage)), status: .ok)
    }

    private func requireEditor(_ token: StaffToken) throws(Refusal) {
        guard token.role.mayEdit else {
            throw Refusal(.forbidden, BayyinaError(.invalidArgument, "Only reviewers and admins may review suggestions.",
                                                   arabic: "مراجعة الاقتراحات للمراجعين والمشرفين فقط."))
        }
    }

    /// The body of a link change: ids of commitments (`C1`) or milestones (`C2.M3`) to link and to unlink.
    struct LinkChange: Decodable {
        var link: [String]?
        var unlink: [String]?
    }

    private func upload(_ request: Request, token: StaffToken) async throws -> Response {
        let upload = try await MultipartUpload.read(request, stagingIn: repository.blobs.staging, fileSizeLimit: repository.pipeline.sizeLimit)
        defer { upload.discard() }
        guard !upload.files.isEmpty else {
            throw Refusal(.badRequest, BayyinaError(.invalidArgument, "Send at least one file in a part named files.",
                                                    arabic: "أرسل ملفاً واحداً على الأقل في جزء باسم files."))
        }
        let outcomes = try await StaffUploads(repository: repository).ingest(upload, agency: token.agency)
        return PublicAPI.json(try PublicAPI.encode(outcomes.map(IngestLineJSON.init)), status: Self.status(of: outcomes))
    }

    /// Links and unlinks a stored document (public or restricted), then answers with its metadata as `show --json`.
    private func changeLinks(_ request: Request, sha256: String, token: StaffToken) async throws -> Response {
        guard token.role.mayEdit else {
            throw Refusal(.forbidden, BayyinaError(.invalidArgument, "Only reviewers and admins may change links.",
                                                   arabic: "تعديل الربط للمراجعين والمشرفين فقط."))
        }
        guard let hash = ContentHash(hex: sha256), try repository.index.metadata(hash) != nil else {
            throw Refusal(.notFound, PublicAPI.unknownDocument)
        }
        guard let body = try? await request.body.collect(upTo: 64 * 1024) else {
            throw Refusal(.contentTooLarge, BayyinaError(.invalidArgument, "A link change must be smaller than 64 KB.",
                                                         arabic: "يجب أن يكون طلب تعديل الربط أصغر من 64 كيلوبايت."))
        }
        guard let change = try? JSONDecoder().decode(LinkChange.self, from: Data(buffer: body)) else {
            throw Refusal(.badRequest, BayyinaError(.invalidArgument, #"Send JSON such as {"link": ["C1", "C2.M3"], "unlink": ["C4"]}."#,
                                                    arabic: #"أرسل JSON مثل {"link": ["C1", "C2.M3"], "unlink": ["C4"]}."#))
        }
        let additions = try Self.targets(change.link ?? [])
        let removals = try Self.targets(change.unlink ?? [])
        do {
            try apply(additions, removals, to: hash)
        } catch {
            let unknownTarget = error.code == .unknownCommitment || error.code == .unknownMilestone
            throw unknownTarget ? Refusal(.badRequest, error) : error
        }
        guard let document = try repository.index.metadata(hash) else {
            throw Refusal(.notFound, PublicAPI.unknownDocument)
        }
        return PublicAPI.json(try PublicAPI.encode(DocumentJSON(document, text: nil)), status: .ok)
    }

    private func apply(
        _ additions: (commitments: [CommitmentID], milestones: [MilestoneID]),
        _ removals: (commitments: [CommitmentID], milestones: [MilestoneID]), to hash: ContentHash
    ) throws(BayyinaError) {
        try repository.index.validateLinks(commitments: additions.commitments + removals.commitments,
                                           milestones: additions.milestones + removals.milestones)
        try repository.index.link(hash, commitments: additions.commitments, milestones: additions.milestones)
        try repository.index.unlink(hash, commitments: removals.commitments, milestones: removals.milestones)
    }

    /// Splits link targets into commitments and milestones; anything else is a bad request.
    private static func targets(_ ids: [String]) throws -> (commitments: [CommitmentID], milestones: [MilestoneID]) {
        var commitments: [CommitmentID] = []
        var milestones: [MilestoneID] = []
        for id in ids {
            if let milestone = MilestoneID(id) {
                milestones.append(milestone)
            } else if let commitment = CommitmentID(id) {
                commitments.append(commitment)
            } else {
                throw Refusal(.badRequest, BayyinaError(.invalidArgument, "'\(id)' is neither a commitment nor a milestone id.",
                                                        arabic: "'\(id)' ليس رمز التزام ولا رمز نشاط."))
            }
        }
        return (commitments, milestones)
    }

    /// 200 when any file was stored; when every file was refused for the same kind of reason, the status of that reason
    /// (413 too large, 415 not an evidence type), else 400.
    private static func status(of outcomes: [IngestOutcome]) -> HTTPResponse.Status {
        guard !outcomes.isEmpty, outcomes.allSatisfy({ $0.status == .rejected }) else { return .ok }
        let statuses = Set(outcomes.map { $0.error.map(PublicAPI.status(for:)) ?? .badRequest })
        return statuses.count == 1 ? statuses.first ?? .badRequest : .badRequest
    }

    /// A refusal with the status to answer it with.
    struct Refusal: Error {
        var status: HTTPResponse.Status
        var error: BayyinaError

        init(_ status: HTTPResponse.Status, _ error: BayyinaError) {
            self.status = status
            self.error = error
        }
    }

    /// Runs a handler for the request's live bearer token, answering 401 without one and the error shape on failure.
    private func answer(_ request: Request, _ handler: (StaffToken) async throws -> Response) async throws -> Response {
        do {
            guard let token = try StaffAccess(repository: repository).bearer(request) else {
                throw Refusal(.unauthorized, BayyinaError(.invalidArgument, "Send a staff token: Authorization: Bearer TOKEN.",
                                                          arabic: "أرسل رمز موظف: Authorization: Bearer TOKEN."))
            }
            return try await handler(token)
        } catch let refusal as Refusal {
            return PublicAPI.error(refusal.error, status: refusal.status)
        } catch let error as BayyinaError {
            return PublicAPI.error(error, status: PublicAPI.status(for: error))
        } catch {
            return PublicAPI.error(BayyinaError(.databaseFailure, "The request failed.", arabic: "تعذّر تنفيذ الطلب."), status: .internalServerError)
        }
    }
}
