import BayyinaCore
import BayyinaIndex
import BayyinaTestSupport
import Foundation

/// A real SQLite index in a temporary folder, with the corpus plan imported.
struct TestIndex {
    let folder: TemporaryDirectory
    let database: IndexDatabase

    /// The database file, for tests that open connections of their own.
    var path: String { folder.url.appendingPathComponent("bayyina.sqlite").path }

    init() throws {
        folder = try TemporaryDirectory()
        database = try IndexDatabase(path: folder.url.appendingPathComponent("bayyina.sqlite").path)
        try database.importPlan(try PlanFile.decode(try Data(contentsOf: Fixtures.planFile)))
    }

    /// Stores a document with the given text; its hash is derived from the text.
    @discardableResult
    func add(
        _ title: String, _ text: String, classification: Classification = .public, commitments: [String] = [],
        milestones: [String] = [], created: String? = nil, mediaType: String = "text/plain"
    ) throws -> ContentHash {
        let change = Self.newDocument(title, text, classification: classification, commitments: commitments, milestones: milestones,
                                      created: created, mediaType: mediaType)
        _ = try database.apply([change]) { _ in }
        return change.arrival.hash
    }

    /// The change that records a document with the given text; its hash is derived from the text.
    static func newDocument(
        _ title: String, _ text: String, classification: Classification = .public, commitments: [String] = [],
        milestones: [String] = [], created: String? = nil, mediaType: String = "text/plain"
    ) -> IndexChange {
        var digest = [UInt8](repeating: 0, count: 32)
        for (index, byte) in Array((title + text).utf8).enumerated() { digest[index % 32] = digest[index % 32] &* 31 &+ byte }
        let document = Document(
            sha256: ContentHash(digest: digest), title: title, titleSource: .metadata, author: nil, created: created,
            language: DocumentLanguage.detect(in: text), pages: nil, mediaType: mediaType, size: Int64(text.utf8.count),
            filenames: ["\(title).txt"], classification: classification, commitments: commitments.compactMap { CommitmentID($0) },
            milestones: milestones.compactMap { MilestoneID($0) }, ingestedAt: Timestamp.now())
        return .newDocument(NewDocument(document: document, text: text, extractor: "text", extractorVersion: 1))
    }

    func search(_ text: String, audience: Audience = .internal, commitment: String? = nil, milestone: String? = nil,
                language: DocumentLanguage? = nil, year: Int? = nil) throws -> SearchPage {
        try database.search(SearchRequest(
            query: try SearchQuery(text), audience: audience, commitment: commitment.flatMap { CommitmentID($0) },
            milestone: milestone.flatMap { MilestoneID($0) }, language: language, year: year))
    }

    func titles(_ text: String, audience: Audience = .internal) throws -> [String] {
        try search(text, audience: audience).hits.map(\.document.title)
    }
}
