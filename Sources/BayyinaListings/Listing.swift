public import BayyinaCore
public import BayyinaIndex
public import Foundation

/// An access-to-information listing: every document an audience may see, one row each.
public struct Listing: Sendable {
    public struct Entry: Sendable, Encodable {
        public var sha256: String
        public var title: String
        public var author: String?
        public var created: String?
        public var language: String?
        public var mediaType: String
        public var size: Int64
        public var pages: Int?
        public var filenames: [String]
        public var classification: String
        public var commitments: [String]
        public var milestones: [String]
        public var ingestedAt: String
    }

    public var audience: Audience
    public var generatedAt: String
    public var entries: [Entry]

    /// Builds the listing from the index; a public listing holds public documents only, and a commitment or
    /// milestone limits it to the documents linked to it.
    public init(
        index: IndexDatabase, audience: Audience, commitment: CommitmentID? = nil, milestone: MilestoneID? = nil
    ) throws(BayyinaError) {
        self.audience = audience
        generatedAt = Timestamp.now()
        entries = try index.documents(for: audience, commitment: commitment, milestone: milestone).map { document in
            Entry(
                sha256: document.sha256.hex, title: document.title, author: document.author, created: document.created,
                language: document.language?.rawValue, mediaType: document.mediaType, size: document.size, pages: document.pages,
                filenames: document.filenames, classification: document.classification.rawValue,
                commitments: document.commitments.map(\.rawValue), milestones: document.milestones.map(\.rawValue),
                ingestedAt: document.ingestedAt)
        }
    }

    /// `{"audience", "generatedAt", "total", "entries": [...]}`.
    public func json() throws(BayyinaError) -> Data {
        struct Body: Encodable {
            var audience: String
            var generatedAt: String
            var total: Int
            var entries: [Entry]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(Body(audience: audience.rawValue, generatedAt: generatedAt, total: entries.count, entries: entries))
        } catch {
            throw BayyinaError(.invalidArgument, "The listing could not be written as JSON.", underlying: error)
        }
    }

    /// RFC 4180 CSV with a header row; multi-valued cells are joined with "; ".
    public func csv() -> String {
        let header = ["sha256", "title", "author", "created", "language", "media_type", "size", "pages", "filenames",
                      "classification", "commitments", "milestones", "ingested_at"]
        var lines = [header.joined(separator: ",")]
        for entry in entries {
            let cells = [entry.sha256, entry.title, entry.author ?? "", entry.created ?? "", entry.language ?? "", entry.mediaType,
                         String(entry.size), entry.pages.map(String.init) ?? "", entry.filenames.joined(separator: "; "),
                         entry.classification, entry.commitments.joined(separator: "; "), entry.milestones.joined(separator: "; "),
                         entry.ingestedAt]
            lines.append(cells.map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func quoted(_ cell: String) -> String {
        let needsQuotes = cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        let safe = cell.first.map { "=+-@".contains($0) } == true ? "'" + cell : cell
        return needsQuotes || safe != cell ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
    }
}
