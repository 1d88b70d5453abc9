public import BayyinaCore
import Foundation
import GRDB

/// A document ready to be recorded: what extraction found plus how it arrived.
public struct NewDocument: Sendable {
    public var document: Document
    public var text: String
    public var extractor: String
    public var extractorVersion: Int

    public init(document: Document, text: String, extractor: String, extractorVersion: Int) {
        self.document = document
        self.text = text
        self.extractor = extractor
        self.extractorVersion = extractorVersion
    }
}

extension IndexDatabase {
    public func contains(_ hash: ContentHash) throws(BayyinaError) -> Bool {
        try read { db in try Int.fetchOne(db, sql: "SELECT 1 FROM documents WHERE sha256 = ?", arguments: [hash.hex]) != nil }
    }

    /// Records a new document with its names and links in one transaction; `beforeCommit` runs inside it,
    /// so the original can be moved into place before the row becomes visible.
    public func insert(_ new: NewDocument, beforeCommit: () throws(BayyinaError) -> Void) throws(BayyinaError) {
        let document = new.document
        try write { db in
            try db.execute(sql: """
                INSERT INTO documents(sha256, title, title_source, author, created, language, pages, media_type, size, body,
                    classification, legal_basis, warnings, attachments, extractor, extractor_version, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [document.sha256.hex, document.title, document.titleSource.rawValue, document.author,
                                 document.created, document.language?.rawValue, document.pages, document.mediaType,
                                 document.size, new.text, document.classification.rawValue, document.legalBasis,
                                 try JSONText.encode(document.warnings), try JSONText.encode(document.attachments),
                                 new.extractor, new.extractorVersion, document.ingestedAt])
            let id = db.lastInsertedRowID
            for (index, name) in document.filenames.enumerated() {
                let folder = document.folders.indices.contains(index) ? document.folders[index] : ""
                try Self.addName(name, folder: folder, documentID: id, db: db)
            }
            try Self.link(id, commitments: document.commitments, milestones: document.milestones, db: db)
            try beforeCommit()
        }
    }

    /// Records another name (and links) for a document already stored; returns false when the hash is unknown.
    public func addArrival(
        of hash: ContentHash, name: String, folder: String, commitments: [CommitmentID], milestones: [MilestoneID]
    ) throws(BayyinaError) -> Bool {
        try write { db in
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM documents WHERE sha256 = ?", arguments: [hash.hex]) else {
                return false
            }
            try Self.addName(name, folder: folder, documentID: id, db: db)
            try Self.link(id, commitments: commitments, milestones: milestones, db: db)
            return true
        }
    }

    /// Links a stored document to commitments and milestones (a milestone also links its commitment).
    public func link(_ hash: ContentHash, commitments: [CommitmentID], milestones: [MilestoneID]) throws(BayyinaError) {
        try validateLinks(commitments: commitments, milestones: milestones)
        try write { db in
            try Self.link(try Self.documentID(hash, db: db), commitments: commitments, milestones: milestones, db: db)
        }
    }

    /// Removes links; unlinking a commitment also removes the links to its milestones.
    public func unlink(_ hash: ContentHash, commitments: [CommitmentID], milestones: [MilestoneID]) throws(BayyinaError) {
        try validateLinks(commitments: commitments, milestones: milestones)
        try write { db in
            let id = try Self.documentID(hash, db: db)
            for commitment in commitments {
                try db.execute(sql: "DELETE FROM document_commitments WHERE document_id = ? AND commitment_id = ?", arguments: [id, commitment.rawValue])
                try db.execute(sql: "DELETE FROM document_milestones WHERE document_id = ? AND milestone_id IN (SELECT id FROM milestones WHERE commitment_id = ?)",
                               arguments: [id, commitment.rawValue])
            }
            for milestone in milestones {
                try db.execute(sql: "DELETE FROM document_milestones WHERE document_id = ? AND milestone_id = ?", arguments: [id, milestone.rawValue])
            }
        }
    }

    /// A stored document with its text, or nil.
    public func document(_ hash: ContentHash) throws(BayyinaError) -> (Document, String)? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM documents WHERE sha256 = ?", arguments: [hash.hex]) else { return nil }
            return (try Self.document(from: row, db: db), row["body"])
        }
    }

    /// Every document the audience may see, newest first.
    public func documents(for audience: Audience) throws(BayyinaError) -> [Document] {
        try read { db in
            let filter = audience == .public ? "WHERE classification = 'public'" : ""
            return try Row.fetchAll(db, sql: "SELECT * FROM documents \(filter) ORDER BY coalesce(created, ingested_at) DESC, id DESC")
                .map { try Self.document(from: $0, db: db) }
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
        try db.execute(sql: "INSERT OR IGNORE INTO document_names(document_id, name, folder, first_seen) VALUES (?, ?, ?, ?)",
                       arguments: [documentID, name, folder, Timestamp.now()])
    }

    private static func link(_ id: Int64, commitments: [CommitmentID], milestones: [MilestoneID], db: Database) throws {
        let allCommitments = Set(commitments + milestones.map(\.commitment))
        for commitment in allCommitments {
            try db.execute(sql: "INSERT OR IGNORE INTO document_commitments(document_id, commitment_id) VALUES (?, ?)", arguments: [id, commitment.rawValue])
        }
        for milestone in milestones {
            try db.execute(sql: "INSERT OR IGNORE INTO document_milestones(document_id, milestone_id) VALUES (?, ?)", arguments: [id, milestone.rawValue])
        }
    }

    static func document(from row: Row, db: Database) throws -> Document {
        let id: Int64 = row["id"]
        let names = try Row.fetchAll(db, sql: "SELECT name, folder FROM document_names WHERE document_id = ? ORDER BY first_seen, rowid", arguments: [id])
        let commitments = try String.fetchAll(db, sql: "SELECT commitment_id FROM document_commitments WHERE document_id = ?", arguments: [id])
            .compactMap(CommitmentID.init).sorted()
        let milestones = try String.fetchAll(db, sql: "SELECT milestone_id FROM document_milestones WHERE document_id = ?", arguments: [id])
            .compactMap(MilestoneID.init).sorted()
        guard let hash = ContentHash(hex: row["sha256"]) else {
            throw BayyinaError(.databaseFailure, "A stored document has an invalid hash; run bayyina verify.")
        }
        return Document(
            sha256: hash, title: row["title"], titleSource: TitleSource(rawValue: row["title_source"]) ?? .filename,
            author: row["author"], created: row["created"], language: (row["language"] as String?).flatMap(DocumentLanguage.init),
            pages: row["pages"], mediaType: row["media_type"], size: row["size"], filenames: names.map { $0["name"] },
            folders: names.map { $0["folder"] }, classification: Classification(rawValue: row["classification"]) ?? .restricted,
            legalBasis: row["legal_basis"], commitments: commitments, milestones: milestones,
            warnings: try JSONText.decode([String].self, row["warnings"]), attachments: try JSONText.decode([String].self, row["attachments"]),
            ingestedAt: row["ingested_at"])
    }
}
