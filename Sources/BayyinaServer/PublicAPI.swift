import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaListings
import BayyinaSchemas
import Foundation
import Hummingbird

/// The public JSON API under `/api/v1`: the same JSON as the CLI (`search --json`, `show --json`, the plan file),
/// for anonymous callers (public documents only), with the one JSON error shape.
struct PublicAPI: Sendable {
    let repository: Repository

    func register(on router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("search") { request, _ in try await offload { respond { try search(request) } } }
        api.get("documents/:sha256") { request, context in
            respond { try document(context.parameters.get("sha256") ?? "", text: request.formQuery["text"] == "1") }
        }
        api.get("documents") { request, _ in
            respond {
                let parameters = request.formQuery
                let (commitment, milestone) = try links(parameters["commitment"], parameters["milestone"])
                return try Listing(index: repository.index, audience: .public, filter: ListingFilter(commitment: commitment, milestone: milestone)).json()
            }
        }
        api.get("commitments") { _, _ in respond { try Self.encode(try commitments()) } }
        api.get("commitments/:id") { _, context in respond { try Self.encode(try commitment(context.parameters.get("id") ?? "")) } }
        api.get("openapi.json") { _, _ in respond { try SchemaFiles.openAPIDocument() } }
        api.get("json/:file") { _, context in
            respond {
                let file = context.parameters.get("file") ?? ""
                guard file.hasSuffix(".schema.json"), let schema = try? SchemaFiles.jsonSchema(named: String(file.dropLast(".schema.json".count))) else {
                    throw BayyinaError(.unknownDocument, "There is no schema \(file).", arabic: "لا يوجد مخطط بهذا الاسم.")
                }
                return schema
            }
        }
        api.get("plan") { _, _ in
            respond {
                guard let plan = try repository.index.plan() else {
                    throw BayyinaError(.unknownDocument, "No plan has been imported yet.", arabic: "لم تُستورد أي خطة بعد.")
                }
                return try PlanFile.encode(plan)
            }
        }
    }

    private func search(_ request: Request) throws -> Data {
        let parameters = request.formQuery
        guard let text = parameters["q"], !text.isEmpty else {
            throw BayyinaError(.invalidQuery, "Give the words to search for in q.", arabic: "اكتب كلمات البحث في المعامل q.")
        }
        let limit = min(100, max(1, Int(parameters["limit"] ?? "20") ?? 20))
        let offset = max(0, Int(parameters["offset"] ?? "0") ?? 0)
        let (commitment, milestone) = try links(parameters["commitment"], parameters["milestone"])
        let clock = ContinuousClock()
        let started = clock.now
        let page = try repository.index.search(SearchRequest(
            query: try SearchQuery(text), audience: .public, commitment: commitment, milestone: milestone, limit: limit, offset: offset,
            collapseVersions: parameters["versions"] == "one"))
        let elapsed = started.duration(to: clock.now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return try Self.encode(SearchResponseJSON(query: text, page: page, tookMs: milliseconds))
    }

    /// Commitment and milestone filters, checked against the plan.
    private func links(_ commitmentText: String?, _ milestoneText: String?) throws -> (CommitmentID?, MilestoneID?) {
        let commitment = try commitmentText.map { text throws(BayyinaError) in
            guard let id = CommitmentID(text) else { throw BayyinaError(.unknownCommitment, "'\(text)' is not a commitment id.") }
            return id
        }
        let milestone = try milestoneText.map { text throws(BayyinaError) in
            guard let id = MilestoneID(text) else { throw BayyinaError(.unknownMilestone, "'\(text)' is not a milestone id.") }
            return id
        }
        try repository.index.validateLinks(commitments: commitment.map { [$0] } ?? [], milestones: milestone.map { [$0] } ?? [])
        return (commitment, milestone)
    }

    private func commitments() throws -> CommitmentsJSON {
        guard let plan = try repository.index.plan() else { return CommitmentsJSON(commitments: []) }
        let summary = try repository.index.evidenceSummary(for: .public)
        return CommitmentsJSON(commitments: plan.commitments.map { commitment in
            let statuses = commitment.milestones.compactMap(\.status)
            return CommitmentsJSON.Entry(
                id: commitment.id.rawValue, title: commitment.title, leadAgency: commitment.leadAgency,
                milestoneStatus: Dictionary(uniqueKeysWithValues: MilestoneStatus.allCases.map { status in
                    (status.rawValue, statuses.filter { $0 == status }.count)
                }),
                evidenceCount: summary[commitment.id]?.count ?? 0, lastEvidence: summary[commitment.id]?.latest)
        })
    }

    private func commitment(_ id: String) throws -> CommitmentJSON {
        guard let commitmentID = CommitmentID(id), let plan = try repository.index.plan(),
              let commitment = plan.commitments.first(where: { $0.id == commitmentID }) else {
            throw BayyinaError(.unknownCommitment, "There is no commitment \(id) in the plan.", arabic: "لا يوجد الالتزام \(id) في الخطة.")
        }
        let documents = try repository.index.documents(for: .public, commitment: commitmentID)
        return CommitmentJSON(
            id: commitment.id.rawValue, title: commitment.title, leadAgency: commitment.leadAgency,
            milestones: commitment.milestones.map { milestone in
                CommitmentJSON.Milestone(
                    id: milestone.id.rawValue, title: milestone.title, status: milestone.status?.rawValue, start: milestone.start,
                    end: milestone.end, documents: documents.filter { $0.milestones.contains(milestone.id) }.map(\.sha256.hex))
            },
            documents: documents.map(\.sha256.hex))
    }

    private func document(_ sha256: String, text: Bool) throws -> Data {
        guard let hash = ContentHash(hex: sha256), let (document, body) = try repository.index.document(hash),
              document.classification == .public else {
            throw Self.unknownDocument
        }
        return try Self.encode(DocumentJSON(document, text: text ? body : nil))
    }

    /// Runs a handler and answers with its JSON, or with the error shape and the status its code calls for.
    private func respond(_ body: () throws -> Data) -> Response {
        do {
            return Self.json(try body(), status: .ok)
        } catch let error as BayyinaError {
            return Self.error(error, status: Self.status(for: error))
        } catch {
            return Self.error(BayyinaError(.databaseFailure, "The request failed.", arabic: "تعذّر تنفيذ الطلب."), status: .internalServerError)
        }
    }

    /// The answer for a hash no document (the caller may see) has.
    static let unknownDocument = BayyinaError(.unknownDocument, "No document has this hash.", arabic: "لا توجد وثيقة بهذه البصمة.")

    /// An error in the one JSON error shape.
    /// The HTTP status of an error: 404 for unknown ids, 413 for a file over the limit, 415 for a type that is not
    /// evidence, 400 for other faults of the request, 500 for faults of the server.
    static func status(for error: BayyinaError) -> HTTPResponse.Status {
        switch error.code {
        case .unknownDocument, .unknownCommitment, .unknownMilestone, .unknownSuggestion: .notFound
        case .tooLarge: .contentTooLarge
        case .unsupportedType, .disallowedType: .unsupportedMediaType
        case .storageFailure, .databaseFailure, .extractionFailed, .extractionTimeout: .internalServerError
        default: .badRequest
        }
    }

    static func error(_ error: BayyinaError, status: HTTPResponse.Status) -> Response {
        json((try? encode(ErrorJSON(error))) ?? Data(), status: status)
    }

    static func json(_ data: Data, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

/// `GET /api/v1/commitments`: each commitment with its milestone status counts and public evidence.
struct CommitmentsJSON: Encodable {
    struct Entry: Encodable {
        var id: String
        var title: LocalizedText
        @Nullable var leadAgency: LocalizedText?
        var milestoneStatus: [String: Int]
        var evidenceCount: Int
        @Nullable var lastEvidence: String?
    }

    var commitments: [Entry]
}

/// `GET /api/v1/commitments/{id}`: the commitment, its milestones with their public evidence, and all its evidence.
struct CommitmentJSON: Encodable {
    struct Milestone: Encodable {
        var id: String
        var title: LocalizedText
        @Nullable var status: String?
        @Nullable var start: String?
        @Nullable var end: String?
        var documents: [String]
    }

    var id: String
    var title: LocalizedText
    @Nullable var leadAgency: LocalizedText?
    var milestones: [Milestone]
    var documents: [String]
}
