import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaListings
import Foundation
import Hummingbird

/// The public pages, Arabic by default (`?lang=en` for English): plan overview, commitment pages, search,
/// document pages and downloads. An anonymous visitor sees public documents only; anything else is a 404.
struct PublicPages: Sendable {
    let repository: Repository
    let templates: PageTemplates
    static let pageSize = 20

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in try overview(request) }
        router.get("/static/site.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: templates.styleSheet)))
        }
        router.get("/commitments/:id") { request, context in try commitment(request, id: context.parameters.get("id") ?? "") }
        router.get("/search") { request, _ in try await offload { try search(request) } }
        router.get("/documents/:sha256") { request, context in try document(request, sha256: context.parameters.get("sha256") ?? "") }
        router.get("/documents/:sha256/download") { request, context in
            try await download(request, sha256: context.parameters.get("sha256") ?? "", context: context)
        }
    }

    private func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    private func message(_ key: String, _ request: Request, status: HTTPResponse.Status) -> Response {
        let language = request.uiLanguage
        let text = UIStrings.strings(language)[key] ?? key
        return html(templates.render("message", ["message": text], language: language, title: text, path: request.uri.description),
                    status: status)
    }

    private func overview(_ request: Request) throws -> Response {
        let language = request.uiLanguage
        guard let plan = try repository.index.plan() else { return message("noEvidence", request, status: .ok) }
        let summary = try repository.index.evidenceSummary(for: .public)
        let commitments: [[String: Any]] = plan.commitments.map { commitment in
            let statuses = commitment.milestones.compactMap(\.status)
            var values: [String: Any] = [
                "id": commitment.id.rawValue, "title": commitment.title.text(preferring: language.rawValue) ?? "",
                "completed": statuses.filter { $0 == .completed }.count, "inProgress": statuses.filter { $0 == .inProgress }.count,
                "notStarted": statuses.filter { $0 == .notStarted }.count, "evidenceCount": summary[commitment.id]?.count ?? 0,
            ]
            if let lead = commitment.leadAgency?.text(preferring: language.rawValue) { values["leadAgency"] = lead }
            if let latest = summary[commitment.id]?.latest { values["lastEvidence"] = latest }
            return values
        }
        let title = plan.title.text(preferring: language.rawValue) ?? plan.id
        return html(templates.render("overview", ["planTitle": title, "commitments": commitments, "query": ""],
                                     language: language, title: title, path: request.uri.description))
    }

    private func commitment(_ request: Request, id: String) throws -> Response {
        let language = request.uiLanguage
        guard let commitmentID = CommitmentID(id), let plan = try repository.index.plan(),
              let commitment = plan.commitments.first(where: { $0.id == commitmentID }) else {
            return message("notFound", request, status: .notFound)
        }
        let all = try repository.index.documents(for: .public, commitment: commitmentID)
        var shown = Set<ContentHash>()
        let milestones: [[String: Any]] = commitment.milestones.map { milestone in
            let documents = all.filter { $0.milestones.contains(milestone.id) }
            shown.formUnion(documents.map(\.sha256))
            var values: [String: Any] = [
                "id": milestone.id.rawValue, "anchor": milestone.id.rawValue.replacingOccurrences(of: ".", with: "-"),
                "title": milestone.title.text(preferring: language.rawValue) ?? "",
                "statusKey": milestone.status?.rawValue ?? "",
                "status": milestone.status.map { UIStrings.strings(language)[$0.rawValue] ?? $0.rawValue } ?? "—",
                "hasDocuments": !documents.isEmpty, "documents": documents.map { Self.listItem($0) },
            ]
            if milestone.start != nil || milestone.end != nil { values["dates"] = "\(milestone.start ?? "…") – \(milestone.end ?? "…")" }
            return values
        }
        let whole = all.filter { !shown.contains($0.sha256) }
        var values: [String: Any] = [
            "id": commitment.id.rawValue, "title": commitment.title.text(preferring: language.rawValue) ?? "",
            "milestones": milestones, "whole": ["hasDocuments": !whole.isEmpty, "documents": whole.map { Self.listItem($0) }],
        ]
        if let lead = commitment.leadAgency?.text(preferring: language.rawValue) { values["leadAgency"] = lead }
        return html(templates.render("commitment", values, language: language, title: commitment.id.rawValue, path: request.uri.description))
    }

    /// The filters a search page understands, read from its query string.
    private struct SearchForm {
        static let keys = ["commitment", "milestone", "type", "language", "year", "agency", "versions"]
        var text: String
        var page: Int
        var sort: SearchSort
        var filters: [String: String]

        init(_ request: Request) {
            let parameters = request.formQuery
            text = parameters["q"] ?? ""
            page = max(1, Int(parameters["page"] ?? "1") ?? 1)
            sort = parameters["sort"].flatMap(SearchSort.init(rawValue:)) ?? .relevance
            filters = parameters.filter { Self.keys.contains($0.key) && !$0.value.isEmpty }
        }

        func request(_ query: SearchQuery, limit: Int) -> SearchRequest {
            SearchRequest(
                query: query, audience: .public, commitment: filters["commitment"].flatMap { CommitmentID($0) },
                milestone: filters["milestone"].flatMap { MilestoneID($0) },
                language: filters["language"].flatMap(DocumentLanguage.init(rawValue:)), mediaType: filters["type"],
                year: filters["year"].flatMap { Int($0) }, agency: filters["agency"], limit: limit, offset: (page - 1) * limit,
                sort: sort, collapseVersions: filters["versions"] == "one")
        }

        /// This search's address with some parameters changed (nil removes one); the page goes back to 1.
        func url(_ language: UILanguage, changing changes: [String: String?] = [:], page: Int? = nil) -> String {
            var items = [URLQueryItem(name: "q", value: text), URLQueryItem(name: "lang", value: language.rawValue)]
            var values = filters
            values["sort"] = sort == .relevance ? nil : sort.rawValue
            for (key, value) in changes { values[key] = value }
            items += values.sorted { $0.key < $1.key }.map { URLQueryItem(name: $0.key, value: $0.value) }
            if let page, page > 1 { items.append(URLQueryItem(name: "page", value: String(page))) }
            return "/search?" + FormEncoding.encode(items)
        }
    }

    private func search(_ request: Request) throws -> Response {
        let language = request.uiLanguage
        let strings = UIStrings.strings(language)
        let form = SearchForm(request)
        var values: [String: Any] = [
            "query": form.text, "collapsed": form.filters["versions"] == "one", "hasQuery": !form.text.trimmingCharacters(in: .whitespaces).isEmpty,
        ]
        if values["hasQuery"] as? Bool == true {
            var results = SearchPage(total: 0, hits: [])
            var facets = SearchFacets()
            if let query = try? SearchQuery(form.text) {
                let searchRequest = form.request(query, limit: Self.pageSize)
                results = try repository.index.search(searchRequest)
                facets = try repository.index.facets(searchRequest)
            }
            values["total"] = results.total
            values["firstNumber"] = (form.page - 1) * Self.pageSize + 1
            values["hits"] = results.hits.map { hit -> [String: Any] in
                var item = Self.listItem(hit.document)
                item["snippet"] = hit.snippet.marked(start: "<mark>", end: "</mark>", escaping: Self.escape)
                if let page = hit.snippetPage { item["snippetPage"] = page }
                let links = (hit.document.commitments.map(\.rawValue) + hit.document.milestones.map(\.rawValue)).joined(separator: ", ")
                if !links.isEmpty { item["links"] = links }
                return item
            }
            if form.page > 1 { values["previousURL"] = form.url(language, page: form.page - 1) }
            if form.page * Self.pageSize < results.total { values["nextURL"] = form.url(language, page: form.page + 1) }
            values["sorts"] = SearchSort.allCases.map { sort -> [String: Any] in
                ["label": strings[sort == .relevance ? "sortRelevance" : "sortNewest"] ?? "", "url": form.url(language, changing: ["sort": sort.rawValue]),
                 "current": sort == form.sort]
            }
            let groups: [(key: String, title: String, counts: [(value: String, count: Int)], label: (String) -> String)] = [
                ("commitment", "facetCommitment", facets.commitments, { $0 }), ("milestone", "facetMilestone", facets.milestones, { $0 }),
                ("type", "facetType", facets.mediaTypes, Listing.formatName), ("language", "facetLanguage", facets.languages, { strings[$0] ?? $0 }),
                ("year", "facetYear", facets.years, { $0 }), ("agency", "facetAgency", facets.agencies, { $0 }),
            ]
            values["facets"] = groups.filter { !$0.counts.isEmpty }.map { group -> [String: Any] in
                ["title": strings[group.title] ?? "", "values": group.counts.map { entry -> [String: Any] in
                    let selected = form.filters[group.key] == entry.value
                    return ["label": group.label(entry.value), "count": entry.count, "selected": selected,
                            "url": form.url(language, changing: [group.key: selected ? nil : entry.value])]
                }]
            }
            if !form.filters.isEmpty {
                values["clearURL"] = form.url(language, changing: Dictionary(uniqueKeysWithValues: form.filters.keys.map { ($0, nil) }))
            }
        }
        let title = strings["navSearch"] ?? ""
        return html(templates.render("search", values, language: language, title: form.text.isEmpty ? title : form.text,
                                     path: request.uri.description))
    }

    /// The values of the staff classification form: the scheme's levels and the document's current record.
    private func classificationForm(_ hash: ContentHash, language: UILanguage) throws -> [String: Any] {
        let current = try repository.index.classificationHistory(hash).last
        let labels = Listing.statusLabels(current?.listingStatus ?? "withheld")
        return [
            "classification": "\(language == .ar ? labels.ar : labels.en)",
            "levels": try repository.index.classificationLevels().map {
                ["code": $0.code, "name": $0.name(language), "selected": $0.code == current?.level]
            },
            "accessOptions": AccessStatus.allCases.map {
                ["code": $0.rawValue, "label": $0.label(language), "checked": $0 == current?.access]
            },
            "legalBasis": current?.legalBasis ?? "", "reviewDate": current?.reviewDate ?? "", "withdrawn": current?.withdrawn ?? false,
        ]
    }

    private func document(_ request: Request, sha256: String) throws -> Response {
        let language = request.uiLanguage
        let session = try StaffAccess(repository: repository).session(request)
        guard let hash = ContentHash(hex: sha256), let (document, text) = try repository.index.document(hash),
              document.classification == .public || session != nil else {
            return message("notFound", request, status: .notFound)
        }
        var values = Self.listItem(document)
        values["author"] = document.author
        values["language"] = document.language.map { UIStrings.strings(language)[$0.rawValue] ?? $0.rawValue }
        values["pages"] = document.pages
        values["size"] = ByteCountFormatter.string(fromByteCount: document.size, countStyle: .file)
        values["fileNames"] = document.filenames.joined(separator: "، ")
        values["preview"] = String(text.prefix(20_000))
        values["previewDirection"] = Self.direction(of: text)
        values["links"] = !document.commitments.isEmpty
        values["linkList"] = (document.commitments.map { ["commitment": $0.rawValue, "label": $0.rawValue] }
            + document.milestones.map { ["commitment": $0.commitment.rawValue, "label": $0.rawValue] })
        let versions = try repository.index.otherVersions(of: hash, audience: session == nil ? .public : .internal)
        values["versions"] = versions.map(Self.listItem)
        values["hasVersions"] = !versions.isEmpty
        if let session, session.token.role.mayEdit {
            values["staff"] = true
            values["csrf"] = session.csrfToken
            values.merge(try classificationForm(hash, language: language)) { _, new in new }
            let suggestions = try repository.index.openSuggestions(minimumConfidence: 0.2, document: hash)
            values["suggestions"] = SuggestionPages.rows(suggestions, language: language)
            values["hasSuggestions"] = !suggestions.isEmpty
            values["returnTo"] = "/documents/\(hash.hex)?lang=\(language.rawValue)"
        }
        var response = html(templates.render("document", values, language: language, title: document.title, path: request.uri.description))
        if document.classification != .public { response.headers[.cacheControl] = "private, no-store" }
        return response
    }

    /// The original, streamed from the store: PDFs and images inline, everything else (HTML and SVG included) as
    /// an attachment, with an RFC 5987 file name so Arabic names survive. Signed-in staff also get restricted
    /// originals, never cached.
    private func download(_ request: Request, sha256: String, context: BasicRequestContext) async throws -> Response {
        guard let hash = ContentHash(hex: sha256), let document = try repository.index.metadata(hash) else {
            throw HTTPError(.notFound)
        }
        let isPublic = document.classification == .public
        guard try isPublic || StaffAccess(repository: repository).session(request) != nil else { throw HTTPError(.notFound) }
        let inline = ["application/pdf", "image/jpeg", "image/png"].contains(document.mediaType)
        let name = document.filenames.first ?? hash.hex
        let body = try await FileIO().loadFile(path: repository.blobs.url(for: hash).path, context: context)
        var headers: HTTPFields = [
            .contentType: document.mediaType,
            .contentDisposition: Self.contentDisposition(name, inline: inline),
            .contentLength: String(document.size),
        ]
        if !isPublic { headers[.cacheControl] = "private, no-store" }
        return Response(status: .ok, headers: headers, body: body)
    }

    static func contentDisposition(_ name: String, inline: Bool) -> String {
        let fallback = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? fallback
        return "\(inline ? "inline" : "attachment"); filename=\"\(fallback)\"; filename*=UTF-8''\(encoded)"
    }

    /// The direction of a text's first strong letter, as `dir="auto"` would find it. The preview states it because
    /// browsers render `<pre dir="auto">` as plaintext bidi, which lays out each line on its own and mirrors the
    /// brackets of a Latin line in an Arabic document.
    static func direction(of text: String) -> String {
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFF: return "rtl"
            default: return "ltr"
            }
        }
        return "auto"
    }

    static func listItem(_ document: Document) -> [String: Any] {
        [
            "sha256": document.sha256.hex, "title": document.title, "created": String((document.created ?? "").prefix(10)),
            "mediaLabel": Listing.formatName(document.mediaType),
        ]
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
