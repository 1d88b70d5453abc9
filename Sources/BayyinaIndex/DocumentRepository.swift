public import BayyinaCore
import Foundation
import GRDB

/// One change of an ingest batch: a new document, or another arrival (name and links) of stored bytes.
public enum IndexChange: Sendable {
    case newDocument(NewDocument)
    case arrival(Arrival)

    /// How the file arrived, whichever the change.
    public var arrival: Arrival {
        switch self {
        case .newDocument(let new):
            Arrival(hash: new.document.sha256, name: new.document.filenames.first ?? "", folder: new.document.folders.first ?? "",
                    commitments: new.document.commitments, milestones: new.document.milestones,
                    classification: new.document.classification, legalBasis: new.document.legalBasis)
        case .arrival(let arrival): arrival
        }
    }
}

/// The name, folder and links a file arrived with.
public struct Arrival: Sendable {
    public var hash: ContentHash
    public var name: String
    public var folder: String
    public var commitments: [CommitmentID]
    public var milestones: [MilestoneID]
    /// Restricted here restricts a stored public document; a public arrival never opens a restricted one.
    public var classification: Classification
    public var legalBasis: String?

    public init(
        hash: ContentHash, name: String, folder: String, commitments: [CommitmentID], milestones: [MilestoneID],
        classification: Classification = .public, legalBasis: String? = nil
    ) {
        self.hash = hash
        self.name = name
        self.folder = folder
        self.commitments = commitments
        self.milestones = milestones
        self.classification = classification
        self.legalBasis = legalBasis
    }
}

/// What a change did.
public enum IndexChangeResult: Sendable {
    case inserted
    case duplicate
    case failed(BayyinaError)
}

/// A document ready to be recorded: what extraction found plus how it arrived.
public struct NewDocument: Sendable {
    public var document: Document
    public var text: String
    /// Other readings of damaged words, searchable but never shown.
    public var alternativeReadings: [String]
    /// Where each page's text came from and lies in ``text``.
    public var pages: [DocumentPage]
    public var extractor: String
    public var extractorVersion: Int

    public init(
        document: Document, text: String, alternativeReadings: [String] = [], pages: [DocumentPage] = [], extractor: String,
        extractorVersion: Int
    ) {
        self.document = document
        self.text = text
        self.alternativeReadings = alternativeReadings
        self.pages = pages
        self.extractor = extractor
        self.extractorVersion = extractorVersion
    }
}

extension IndexDatabase {
    public func contains(_ hash: ContentHash) throws(BayyinaError) -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT 1 FROM documents WHERE sha256 = ?", arguments: [hash.hex]) != nil }
    }

    /// Applies a batch of ingest changes in one transaction. A new document whose hash is already stored (earlier,
    /// or earlier in the same batch) is recorded as an arrival instead. The batch is first applied whole, with no
    /// savepoint (one around the batch made SQLite copy every page the batch changed, and walk that copy again as each
    /// statement ended); only when a change fails is the transaction rolled back and the batch applied again with a
    /// savepoint per change, so one failure does not undo the others. The new documents then join the full-text index
    /// in one statement (FTS5 writes a segment at every savepoint, so indexing them one by one would cost a segment,
    /// and its merging, per document). `beforeCommit` sees the results and runs inside the transaction, so the
    /// originals can be moved into place before the rows become visible; if it throws, nothing is recorded. The
    /// commit merges the index's segments as `merging` says.
    public func apply(
        _ changes: [IndexChange], merging: SegmentMerging = .incremental, beforeCommit: ([IndexChangeResult]) throws(BayyinaError) -> Void
    ) throws(BayyinaError) -> [IndexChangeResult] {
        var aChangeFailed = false
        do {
            return try write { db in
                try Self.record(merging: merging, db: db, beforeCommit: beforeCommit) {
                    do {
                        return try changes.map { try Self.apply($0, db: db) }
                    } catch {
                        aChangeFailed = true
                        throw error
                    }
                }
            }
        } catch {
            guard aChangeFailed else { throw error }
        }
        return try write { db in
            try Self.record(merging: merging, db: db, beforeCommit: beforeCommit) {
                changes.map { change in
                    do {
                        var result = IndexChangeResult.duplicate
                        try db.inSavepoint {
                            result = try Self.apply(change, db: db)
                            return .commit
                        }
                        return result
                    } catch {
                        return .failed(Self.wrap(error))
                    }
                }
            }
        }
    }

    /// Records a batch's changes with `changes`, then indexes its new documents in one statement and runs
    /// `beforeCommit`.
    private static func record(
        merging: SegmentMerging, db: Database, beforeCommit: ([IndexChangeResult]) throws(BayyinaError) -> Void,
        _ changes: () throws -> [IndexChangeResult]
    ) throws -> [IndexChangeResult] {
        try merging.use(db)
        let lastIndexed = try lastDocumentID(db)
        let results = try changes()
        try db.cachedStatement(sql: """
            INSERT INTO documents_fts(rowid, title, body, alternates) SELECT id, title, body, alternates FROM documents WHERE id > ?
            """).execute(arguments: [lastIndexed])
        try beforeCommit(results)
        return results
    }

    private static func apply(_ change: IndexChange, db: Database) throws -> IndexChangeResult {
        let arrival = change.arrival
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM documents WHERE sha256 = ?"), arguments: [arrival.hash.hex]) {
            try addName(arrival.name, folder: arrival.folder, documentID: id, db: db)
            try link(id, commitments: arrival.commitments, milestones: arrival.milestones, db: db)
            let isPublic = try Bool.fetchOne(db.cachedStatement(sql: "SELECT classification = 'public' FROM documents WHERE id = ?"), arguments: [id])
            if arrival.classification == .restricted, isPublic == true {
                try record(ingestDecision(.restricted, legalBasis: arrival.legalBasis, at: Timestamp.now()), for: arrival.hash, db: db)
            }
            try audit("arrival", "document:\(arrival.hash.hex)", after: try digest([arrival.folder, arrival.name]), db: db)
            return .duplicate
        }
        guard case .newDocument(let new) = change else {
            throw BayyinaError(.unknownDocument, "The document \(arrival.hash) is no longer stored; ingest the file again.")
        }
        let document = new.document
        try db.cachedStatement(sql: """
            INSERT INTO documents(sha256, title, title_source, author, created, language, pages, media_type, size, body,
                alternates, classification, legal_basis, warnings, attachments, properties, extractor, extractor_version, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [document.sha256.hex, document.title, document.titleSource.rawValue, document.author,
                             document.created, document.language?.rawValue, document.pages, document.mediaType,
                             document.size, new.text, new.alternativeReadings.joined(separator: " "),
                             document.classification.rawValue, document.legalBasis,
                             try JSONText.encode(document.warnings), try JSONText.encode(document.attachments),
                             try JSONText.encode(document.properties), new.extractor, new.extractorVersion, document.ingestedAt])
        let id = db.lastInsertedRowID
        try record(ingestDecision(document.classification, legalBasis: document.legalBasis, at: document.ingestedAt),
                   for: document.sha256, db: db)
        try addName(arrival.name, folder: arrival.folder, documentID: id, db: db)
        try link(id, commitments: arrival.commitments, milestones: arrival.milestones, db: db)
        try insertPages(new, documentID: id, db: db)
        try audit("ingest", "document:\(document.sha256.hex)", after: document.sha256.hex, db: db)
        return .inserted
    }

    /// The pages of a stored document, in order.
    public func pages(of hash: ContentHash) throws(BayyinaError) -> [DocumentPage] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT p.* FROM document_pages p JOIN documents d ON d.id = p.document_id WHERE d.sha256 = ? ORDER BY p.page
                """, arguments: [hash.hex]).map(Self.page)
        }
    }

    /// Documents with pages that wait for OCR.
    public func documentsAwaitingOCR() throws(BayyinaError) -> [ContentHash] {
        try read { db in
            try String.fetchAll(db, sql: """
                SELECT DISTINCT d.sha256 FROM document_pages p JOIN documents d ON d.id = p.document_id
                WHERE p.source = 'ocr_pending' ORDER BY d.id
                """).compactMap { ContentHash(hex: $0) }
        }
    }

    static func page(_ row: Row) -> DocumentPage {
        DocumentPage(
            number: row["page"], source: PageSource(rawValue: row["source"]) ?? .textLayer, characters: row["characters"],
            confidence: row["confidence"], start: row["start_offset"], end: row["end_offset"])
    }

    private static func insertPages(_ new: NewDocument, documentID: Int64, db: Database) throws {
        let length = new.text.utf8.count
        let pages = new.pages.sorted { ($0.start, $0.number) < ($1.start, $1.number) }
        let firstTokens = try PageTokens.firstTokens(of: new.text, pageStarts: pages.map { min($0.start, length) }, db: db)
        for (page, firstToken) in zip(pages, firstTokens) {
            try db.cachedStatement(sql: """
                INSERT INTO document_pages(
                    document_id, page, source, characters, confidence, start_offset, end_offset, extractor_version, first_token)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [documentID, page.number, page.source.rawValue, page.characters, page.confidence,
                                 min(page.start, length), min(page.end, length), new.extractorVersion, firstToken])
        }
    }

    /// Documents whose extractor has a newer version than the one that read them.
    public func outdatedExtractions(currentVersions: [String: Int]) throws(BayyinaError) -> [ContentHash] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT sha256, extractor, extractor_version FROM documents ORDER BY id").compactMap { row in
                let version: Int = row["extractor_version"]
                guard let current = currentVersions[row["extractor"]], version < current else { return nil }
                return ContentHash(hex: row["sha256"])
            }
        }
    }

    /// Replaces what extraction found for a stored document (title, metadata, text, warnings); names, links and
    /// classification stay. The update queues the document for the link step, which fingerprints the new text. The full-text index follows through the update trigger.
    public func replaceExtraction(_ new: NewDocument) throws(BayyinaError) {
        let document = new.document
        try write { db in
            try db.execute(sql: """
                UPDATE documents SET title = ?, title_source = ?, author = ?, created = ?, language = ?, pages = ?, media_type = ?,
                    body = ?, alternates = ?, warnings = ?, attachments = ?, properties = ?, extractor = ?, extractor_version = ?
                WHERE sha256 = ?
                """, arguments: [document.title, document.titleSource.rawValue, document.author, document.created,
                                 document.language?.rawValue, document.pages, document.mediaType, new.text,
                                 new.alternativeReadings.joined(separator: " "),
                                 try JSONText.encode(document.warnings), try JSONText.encode(document.attachments),
                                 try JSONText.encode(document.properties), new.extractor, new.extractorVersion, document.sha256.hex])
            guard db.changesCount == 1 else {
                throw BayyinaError(.unknownDocument, "No document has the hash \(document.sha256).",
                                   arabic: "لا توجد وثيقة بالبصمة \(document.sha256).")
            }
            let id = try Self.documentID(document.sha256, db: db)
            try db.execute(sql: "DELETE FROM document_pages WHERE document_id = ?", arguments: [id])
            try Self.insertPages(new, documentID: id, db: db)
            try Self.audit("reextract", "document:\(document.sha256.hex)", after: try Self.digest([new.extractor, String(new.extractorVersion), new.text]),
                           db: db)
        }
    }

    /// Links a stored document to commitments and milestones (a milestone also links its commitment).
    public func link(_ hash: ContentHash, commitments: [CommitmentID], milestones: [MilestoneID]) throws(BayyinaError) {
        try validateLinks(commitments: commitments, milestones: milestones)
        try write { db in
            let id = try Self.documentID(hash, db: db)
            let before = try Self.linkDigest(id, db: db)
            try Self.link(id, commitments: commitments, milestones: milestones, db: db)
            try Self.audit("link", "document:\(hash.hex)", before: before, after: try Self.linkDigest(id, db: db), db: db)
        }
    }

    /// Removes links; unlinking a commitment also removes the links to its milestones.
    public func unlink(_ hash: ContentHash, commitments: [CommitmentID], milestones: [MilestoneID]) throws(BayyinaError) {
        try validateLinks(commitments: commitments, milestones: milestones)
        try write { db in
            let id = try Self.documentID(hash, db: db)
            let before = try Self.linkDigest(id, db: db)
            for commitment in commitments {
                try db.execute(sql: "DELETE FROM document_commitments WHERE document_id = ? AND commitment_id = ?", arguments: [id, commitment.rawValue])
                try db.execute(sql: "DELETE FROM document_milestones WHERE document_id = ? AND milestone_id IN (SELECT id FROM milestones WHERE commitment_id = ?)",
                               arguments: [id, commitment.rawValue])
            }
            for milestone in milestones {
                try db.execute(sql: "DELETE FROM document_milestones WHERE document_id = ? AND milestone_id = ?", arguments: [id, milestone.rawValue])
            }
            try Self.audit("unlink", "document:\(hash.hex)", before: before, after: try Self.linkDigest(id, db: db), db: db)
        }
    }

    /// The digest of a document's links, for the audit trail.
    private static func linkDigest(_ id: Int64, db: Database) throws -> String {
        try digest(try String.fetchAll(db, sql: """
            SELECT commitment_id FROM document_commitments WHERE document_id = ?
            UNION ALL SELECT milestone_id FROM document_milestones WHERE document_id = ? ORDER BY 1
            """, arguments: [id, id]))
    }

    /// A stored document with its text, or nil.
    public func document(_ hash: ContentHash) throws(BayyinaError) -> (Document, String)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE sha256 = ?", arguments: [hash.hex]) else { return nil }
            return (try Self.documents(from: [row], db: db)[0], row["body"])
        }
    }

    /// A stored document without its text (cheaper where the text is not needed), or nil.
    public func metadata(_ hash: ContentHash) throws(BayyinaError) -> Document? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.metadataColumns) FROM documents WHERE sha256 = ?", arguments: [hash.hex])
                .map { try Self.documents(from: [$0], db: db)[0] }
        }
    }

    /// Every document the audience may see, newest first; only those linked to a commitment or milestone when
    /// one is given.
    public func documents(
        for audience: Audience, commitment: CommitmentID? = nil, milestone: MilestoneID? = nil
    ) throws(BayyinaError) -> [Document] {
        try read { db in
            var (conditions, arguments) = Self.linkConditions(commitment: commitment, milestone: milestone, idColumn: "id")
            if audience == .public { conditions.append("classification = 'public'") }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(Self.metadataColumns) FROM documents \(filter) ORDER BY coalesce(created, ingested_at) DESC, id DESC",
                arguments: arguments)
            return try Self.documents(from: rows, db: db)
        }
    }

    /// For each commitment: how many documents the audience may see are linked to it, and the latest document date
    /// among them (the latest date recorded when none of them carries a date of its own).
    public func evidenceSummary(for audience: Audience) throws(BayyinaError) -> [CommitmentID: (count: Int, latest: String?)] {
        try read { db in
            let filter = audience == .public ? "AND d.classification = 'public'" : ""
            var summary: [CommitmentID: (count: Int, latest: String?)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT l.commitment_id AS commitment, count(*) AS count,
                       coalesce(max(substr(d.created, 1, 10)), max(substr(d.ingested_at, 1, 10))) AS latest
                FROM document_commitments l JOIN documents d ON d.id = l.document_id WHERE 1 \(filter) GROUP BY l.commitment_id
                """) {
                if let id = CommitmentID(row["commitment"] as String) { summary[id] = (row["count"], row["latest"]) }
            }
            return summary
        }
    }

    /// The hashes of every stored document.
    public func allHashes() throws(BayyinaError) -> Set<ContentHash> {
        try read { db in Set(try String.fetchAll(db, sql: "SELECT sha256 FROM documents").compactMap(ContentHash.init(hex:))) }
    }

    static func documentID(_ hash: ContentHash, db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE sha256 = ?", arguments: [hash.hex]) else {
            throw BayyinaError(.unknownDocument, "No document has the hash \(hash). Check the sha256 (bayyina search or listing shows it).")
        }
        return id
    }

    private static func addName(_ name: String, folder: String, documentID: Int64, db: Database) throws {
        try db.cachedStatement(sql: "INSERT OR IGNORE INTO document_names(document_id, name, folder, first_seen) VALUES (?, ?, ?, ?)")
            .execute(arguments: [documentID, name, folder, Timestamp.now()])
    }

    static func link(_ id: Int64, commitments: [CommitmentID], milestones: [MilestoneID], db: Database) throws {
        let allCommitments = Set(commitments + milestones.map(\.commitment))
        for commitment in allCommitments {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO document_commitments(document_id, commitment_id) VALUES (?, ?)").execute(arguments: [id, commitment.rawValue])
        }
        for milestone in milestones {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO document_milestones(document_id, milestone_id) VALUES (?, ?)").execute(arguments: [id, milestone.rawValue])
        }
    }

    /// Documents for rows of `documents` (any column set that includes the metadata), with their names and links
    /// loaded in a few statements whatever the number of rows.
    static func documents(from rows: [Row], db: Database) throws -> [Document] {
        var names: [Int64: [(name: String, folder: String)]] = [:]
        var commitments: [Int64: [CommitmentID]] = [:]
        var milestones: [Int64: [MilestoneID]] = [:]
        let ids = rows.map { $0["id"] as Int64 }
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let list = chunk.map(String.init).joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT document_id, name, folder FROM document_names WHERE document_id IN (\(list)) ORDER BY first_seen, rowid") {
                names[row["document_id"], default: []].append((row["name"], row["folder"]))
            }
            for row in try Row.fetchAll(db, sql: "SELECT document_id, commitment_id FROM document_commitments WHERE document_id IN (\(list))") {
                if let id = CommitmentID(row["commitment_id"]) { commitments[row["document_id"], default: []].append(id) }
            }
            for row in try Row.fetchAll(db, sql: "SELECT document_id, milestone_id FROM document_milestones WHERE document_id IN (\(list))") {
                if let id = MilestoneID(row["milestone_id"]) { milestones[row["document_id"], default: []].append(id) }
            }
        }
        return try rows.map { row in
            let id: Int64 = row["id"]
            guard let hash = ContentHash(hex: row["sha256"]) else {
                throw BayyinaError(.databaseFailure, "A stored document has an invalid hash; run bayyina verify.")
            }
            let arrivals = names[id] ?? []
            return Document(
                sha256: hash, title: row["title"], titleSource: TitleSource(rawValue: row["title_source"]) ?? .filename,
                author: row["author"], created: row["created"], language: (row["language"] as String?).flatMap(DocumentLanguage.init),
                pages: row["pages"], mediaType: row["media_type"], size: row["size"], filenames: arrivals.map(\.name),
                folders: arrivals.map(\.folder), classification: Classification(rawValue: row["classification"]) ?? .restricted,
                legalBasis: row["legal_basis"], commitments: (commitments[id] ?? []).sorted(), milestones: (milestones[id] ?? []).sorted(),
                warnings: try JSONText.decode([Notice].self, row["warnings"]), attachments: try JSONText.decode([String].self, row["attachments"]),
                properties: try JSONText.decode(DocumentProperties.self, row["properties"]), ingestedAt: row["ingested_at"])
        }
    }

    /// SQL conditions, with their arguments, that keep the documents (whose row id is `idColumn`) linked to a
    /// commitment and to a milestone, when given.
    static func linkConditions(
        commitment: CommitmentID?, milestone: MilestoneID?, idColumn: String
    ) -> (conditions: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let commitment {
            conditions.append("\(idColumn) IN (SELECT document_id FROM document_commitments WHERE commitment_id = ?)")
            _ = arguments.append(contentsOf: [commitment.rawValue])
        }
        if let milestone {
            conditions.append("\(idColumn) IN (SELECT document_id FROM document_milestones WHERE milestone_id = ?)")
            _ = arguments.append(contentsOf: [milestone.rawValue])
        }
        return (conditions, arguments)
    }

    /// Every column of `documents` but the text.
    static let metadataColumns = "id, sha256, title, title_source, author, created, language, pages, media_type, size, classification, legal_basis, warnings, attachments, properties, ingested_at"
}
