import BayyinaDigest
import BayyinaCore
import BayyinaIngest
import BayyinaListings
import BayyinaStorage
import Foundation
import Hummingbird

/// The access-to-information register and the completeness report: pages, printable and downloadable renderings,
/// and `/api/v1` routes. Anonymous callers get the public edition; `audience=internal` needs a reviewer or admin
/// (web session or bearer token).
struct RegisterRoutes: Sendable {
    let repository: Repository
    let templates: PageTemplates
    let configuration: ServerConfiguration

    func register(on router: Router<BasicRequestContext>) {
        router.get("/listing") { request, _ in try page(request) { audience in try listingPage(request, audience: audience) } }
        for format in ["csv", "json", "jsonld", "html"] {
            router.get("/listing.\(format)") { request, _ in
                try page(request) { audience in try listingFile(format, try listing(request, audience: audience)) }
            }
        }
        router.get("/reports/completeness") { request, _ in try page(request) { audience in try reportPage(request, audience: audience) } }
        for format in ["csv", "json", "html"] {
            router.get("/reports/completeness.\(format)") { request, _ in
                try page(request) { audience in try reportFile(format, try report(request, audience: audience)) }
            }
        }
        router.get("/api/v1/listing") { request, _ in
            api(request) { audience in try listingFile(request.formQuery["format"] ?? "json", try listing(request, audience: audience)) }
        }
        router.get("/api/v1/reports/completeness") { request, _ in
            api(request) { audience in try reportFile(request.formQuery["format"] ?? "json", try report(request, audience: audience)) }
        }
    }

    // MARK: Building the values

    private func listing(_ request: Request, audience: Audience) throws -> Listing {
        let query = request.formQuery
        let filter = ListingFilter(
            commitment: try Self.parsed(query, "commitment") { CommitmentID($0) },
            milestone: try Self.parsed(query, "milestone") { MilestoneID($0) },
            agency: query["agency"].flatMap { $0.isEmpty ? nil : $0 },
            type: try Self.parsed(query, "type") { DocumentType(rawValue: $0) },
            from: try Self.parsed(query, "from") { CalendarDate($0) }, to: try Self.parsed(query, "to") { CalendarDate($0) })
        try repository.index.validateLinks(commitments: filter.commitment.map { [$0] } ?? [], milestones: filter.milestone.map { [$0] } ?? [])
        return try Listing(index: repository.index, audience: audience, filter: filter, baseURL: configuration.baseURL(for: request), clock: configuration.clock)
    }

    private func report(_ request: Request, audience: Audience) throws -> CompletenessReport {
        var asOf: CalendarDate?
        if let text = request.formQuery["as-of"], !text.isEmpty {
            guard let day = CalendarDate(text) else {
                throw BayyinaError(.invalidArgument, "'\(text)' is not a date of the form YYYY-MM-DD.", arabic: "«\(text)» ليس تاريخاً بالصيغة YYYY-MM-DD.")
            }
            asOf = day
        }
        return try CompletenessReport(index: repository.index, audience: audience, asOf: asOf, clock: configuration.clock)
    }

    /// A query parameter read by `parse`; nil when absent or empty, an error when it cannot be read.
    private static func parsed<T>(_ query: [String: String], _ name: String, _ parse: (String) -> T?) throws(BayyinaError) -> T? {
        guard let text = query[name], !text.isEmpty else { return nil }
        guard let value = parse(text) else {
            throw BayyinaError(.invalidArgument, "'\(text)' is not a valid \(name).", arabic: "«\(text)» ليست قيمة صالحة للمعامل \(name).")
        }
        return value
    }

    // MARK: Renderings

    private func listingFile(_ format: String, _ listing: Listing) throws -> Response {
        switch format {
        case "csv": file(Data(listing.csv().utf8), type: "text/csv; charset=utf-8", name: "bayyina-listing.csv")
        case "json": file(try listing.json(), type: "application/json; charset=utf-8", name: nil)
        case "jsonld": file(try listing.jsonLD(), type: "application/ld+json; charset=utf-8", name: nil)
        case "html": printable(try listing.html())
        default: throw BayyinaError(.invalidArgument, "format is json, jsonld, csv or html.", arabic: "الصيغة json أو jsonld أو csv أو html.")
        }
    }

    private func reportFile(_ format: String, _ report: CompletenessReport) throws -> Response {
        switch format {
        case "csv": file(Data(report.csv().utf8), type: "text/csv; charset=utf-8", name: "bayyina-completeness-\(report.asOf).csv")
        case "json": file(try report.json(), type: "application/json; charset=utf-8", name: nil)
        case "html": printable(try report.html())
        default: throw BayyinaError(.invalidArgument, "format is json, csv or html.", arabic: "الصيغة json أو csv أو html.")
        }
    }

    private func file(_ data: Data, type: String, name: String?) -> Response {
        var headers: HTTPFields = [.contentType: type]
        if let name { headers[.contentDisposition] = PublicPages.contentDisposition(name, inline: false) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Entries shown on one page of the register; the downloads hold them all.
    static let pageSize = 100

    private static func listingURL(_ query: String, page: Int, language: UILanguage) -> String {
        "/listing?" + [query, "page=\(page)", "lang=\(language.rawValue)"].filter { !$0.isEmpty }.joined(separator: "&")
    }

    /// A printable page carries its own style sheet, so it prints the same when saved; its policy allows exactly
    /// that style block, by hash, and nothing else.
    private func printable(_ page: String) -> Response {
        var response = file(Data(page.utf8), type: "text/html; charset=utf-8", name: nil)
        response.headers[SecurityHeadersMiddleware<BasicRequestContext>.contentSecurityPolicy] = Self.policy(for: page)
        return response
    }

    /// The Content-Security-Policy of a printable page: its one style block, by hash, and nothing else.
    static func policy(for page: String) -> String {
        var style = ""
        if let start = page.range(of: "<style>"), let end = page.range(of: "</style>", range: start.upperBound..<page.endIndex) {
            style = String(page[start.upperBound..<end.lowerBound])
        }
        let hex = SHA256Hasher.hash(Array(style.utf8)).hex
        let digest = stride(from: 0, to: hex.count, by: 2).map { UInt8(hex.dropFirst($0).prefix(2), radix: 16) ?? 0 }
        return "default-src 'none'; style-src 'sha256-\(Data(digest).base64EncodedString())'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
    }

    private func listingPage(_ request: Request, audience: Audience) throws -> Response {
        let language = request.uiLanguage
        let listing = try listing(request, audience: audience)
        let query = request.formQuery
        let pages = max(1, (listing.entries.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(pages, max(1, Int(query["page"] ?? "1") ?? 1))
        let shown = listing.entries.dropFirst((page - 1) * Self.pageSize).prefix(Self.pageSize)
        let entries: [[String: Any]] = shown.map { entry in
            let labels = Listing.statusLabels(entry.accessStatus)
            let status = language == .ar ? labels.ar : labels.en
            return [
                "reference": entry.reference, "sha256": entry.sha256,
                "title": (language == .ar ? entry.titleAr ?? entry.titleEn : entry.titleEn ?? entry.titleAr) ?? entry.title,
                "type": language == .ar ? entry.typeAr : entry.typeEn, "links": (entry.commitments + entry.milestones).joined(separator: " "),
                "date": entry.documentDate ?? "—", "status": status, "downloadable": entry.url != nil, "format": entry.format,
            ]
        }
        let exportQuery = FormEncoding.encode(["commitment", "milestone", "agency", "type", "from", "to", "audience"].compactMap { name in
            query[name].flatMap { $0.isEmpty ? nil : URLQueryItem(name: name, value: $0) }
        })
        let types: [[String: Any]] = DocumentType.allCases.map {
            ["code": $0.rawValue, "label": $0.label(language), "selected": query["type"] == $0.rawValue]
        }
        return html(templates.render("listing", [
            "entries": entries, "total": listing.entries.count, "exportQuery": exportQuery, "types": types,
            "first": shown.isEmpty ? 0 : (page - 1) * Self.pageSize + 1, "last": (page - 1) * Self.pageSize + shown.count,
            "previous": page > 1 ? Self.listingURL(exportQuery, page: page - 1, language: language) : false,
            "next": page < pages ? Self.listingURL(exportQuery, page: page + 1, language: language) : false,
            "commitment": query["commitment"] ?? "", "milestone": query["milestone"] ?? "", "agency": query["agency"] ?? "",
            "from": query["from"] ?? "", "to": query["to"] ?? "", "internal": audience == .internal,
        ], language: language, title: UIStrings.strings(language)["navListing"] ?? "", path: request.uri.description))
    }

    private func reportPage(_ request: Request, audience: Audience) throws -> Response {
        let language = request.uiLanguage
        let report = try report(request, audience: audience)
        func row(_ id: String, _ title: String?, _ status: String?, _ count: Int, _ latest: String?, _ flags: [CompletenessReport.Flag],
                 _ suggested: CompletenessReport.Suggestion, commitment: Bool) -> [String: Any] {
            [
                "id": id, "title": title ?? "", "status": status.flatMap(MilestoneStatus.init).map { CompletenessReport.statusLabel($0, language) } ?? "",
                "count": count, "latest": latest ?? "—", "flags": flags.map { $0.label(language) }, "commitment": commitment,
                "level": suggested.level.label(language), "levelCode": suggested.level.rawValue,
                "reason": language == .ar ? suggested.reasonAr : suggested.reasonEn,
            ]
        }
        var rows: [[String: Any]] = []
        for commitment in report.commitments {
            rows.append(row(commitment.id, language == .ar ? commitment.titleAr ?? commitment.titleEn : commitment.titleEn ?? commitment.titleAr,
                            nil, commitment.evidenceCount, commitment.latestEvidenceDate, commitment.flags, commitment.suggested, commitment: true))
            rows += commitment.milestones.map {
                row($0.id, language == .ar ? $0.titleAr ?? $0.titleEn : $0.titleEn ?? $0.titleAr, $0.reportedStatus, $0.evidenceCount,
                    $0.latestEvidenceDate, $0.flags, $0.suggested, commitment: false)
            }
        }
        let audienceQuery = audience == .internal ? "&audience=internal" : ""
        return html(templates.render("completeness", [
            "rows": rows, "asOf": report.asOf.description, "exportQuery": "as-of=\(report.asOf)\(audienceQuery)",
        ], language: language, title: UIStrings.strings(language)["navReport"] ?? "", path: request.uri.description))
    }

    // MARK: Access

    /// The audience a request may have: internal only for a signed-in reviewer or admin (session or bearer token).
    private func audience(_ request: Request) throws -> Audience? {
        guard request.formQuery["audience"] == "internal" else { return .public }
        let access = StaffAccess(repository: repository)
        let role = try access.session(request)?.token.role ?? access.bearer(request)?.role
        return role?.mayEdit == true ? .internal : nil
    }

    private func page(_ request: Request, _ body: (Audience) throws -> Response) throws -> Response {
        let language = request.uiLanguage
        do {
            guard let audience = try audience(request) else {
                return html(templates.render("message", ["message": UIStrings.strings(language)["forbidden"] ?? ""], language: language,
                                             title: UIStrings.strings(language)["forbidden"] ?? "", path: request.uri.description), status: .forbidden)
            }
            return try body(audience)
        } catch let error as BayyinaError {
            let status = PublicAPI.status(for: error)
            return html(templates.render("message", ["message": error.message(in: language)], language: language,
                                         title: UIStrings.strings(language)["badRequest"] ?? "", path: request.uri.description), status: status)
        }
    }

    private func api(_ request: Request, _ body: (Audience) throws -> Response) -> Response {
        do {
            guard let audience = try audience(request) else {
                return PublicAPI.error(BayyinaError(.invalidArgument, "audience=internal needs a reviewer's or an admin's token.",
                                                    arabic: "النسخة الداخلية تحتاج إلى رمز مراجع أو مسؤول."), status: .forbidden)
            }
            return try body(audience)
        } catch let error as BayyinaError {
            return PublicAPI.error(error, status: PublicAPI.status(for: error))
        } catch {
            return PublicAPI.error(BayyinaError(.databaseFailure, "The request failed.", arabic: "تعذّر تنفيذ الطلب."), status: .internalServerError)
        }
    }

    private func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }
}
