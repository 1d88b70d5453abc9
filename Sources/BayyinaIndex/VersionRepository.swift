public import BayyinaCore
import Foundation
import GRDB

extension IndexDatabase {
    /// Records a document's fingerprint and puts it in the version group of every stored document whose text it
    /// nearly repeats, merging their groups; a group is named by its smallest document id.
    static func recordFingerprint(_ fingerprint: TextFingerprint, documentID: Int64, db: Database) throws {
        var groups: Set<Int64> = [documentID]
        if fingerprint.isComparable {
            let keys = fingerprint.bandKeys
            let bandMatch = keys.indices.map { _ in "(b.band = ? AND b.bucket = ?)" }.joined(separator: " OR ")
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT f.document_id, f.signature, f.shingles, f.version_group
                FROM fingerprint_bands b JOIN document_fingerprints f ON f.document_id = b.document_id
                WHERE (\(bandMatch)) AND f.signature IS NOT NULL
                """), arguments: StatementArguments(keys.enumerated().flatMap { [Int64($0.offset), $0.element] }))
            for row in rows {
                guard let other = TextFingerprint(bytes: [UInt8](row["signature"] as Data), shingles: row["shingles"]),
                      fingerprint.similarity(to: other) >= TextFingerprint.versionThreshold else { continue }
                groups.insert(row["version_group"])
            }
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO fingerprint_bands(band, bucket, document_id) VALUES (?, ?, ?)")
            for (band, key) in keys.enumerated() { try insert.execute(arguments: [band, key, documentID]) }
        }
        let group = groups.min()!
        try db.cachedStatement(sql: "INSERT INTO document_fingerprints(document_id, signature, shingles, version_group) VALUES (?, ?, ?, ?)")
            .execute(arguments: [documentID, fingerprint.isComparable ? Data(fingerprint.bytes) : nil, fingerprint.shingles, group])
        let others = groups.subtracting([group, documentID])
        if !others.isEmpty {
            try db.execute(sql: "UPDATE document_fingerprints SET version_group = ? WHERE version_group IN (\(others.map { _ in "?" }.joined(separator: ",")))",
                           arguments: StatementArguments([group] + Array(others)))
        }
    }

    /// Removes a re-extracted document's old fingerprint and its band entries (looked up by key, never by scanning
    /// the bands), so that it finds its group anew.
    static func forgetFingerprint(of documentID: Int64, db: Database) throws {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT signature, shingles FROM document_fingerprints WHERE document_id = ?"),
                                         arguments: [documentID]) else { return }
        if let bytes = row["signature"] as Data?, let old = TextFingerprint(bytes: [UInt8](bytes), shingles: row["shingles"]) {
            for (band, key) in old.bandKeys.enumerated() {
                try db.execute(sql: "DELETE FROM fingerprint_bands WHERE band = ? AND bucket = ? AND document_id = ?",
                               arguments: [band, key, documentID])
            }
        }
        try db.execute(sql: "DELETE FROM document_fingerprints WHERE document_id = ?", arguments: [documentID])
    }

    /// The other documents of a document's version group that the audience may see, oldest first.
    public func otherVersions(of hash: ContentHash, audience: Audience) throws(BayyinaError) -> [Document] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.metadataColumns) FROM documents
                WHERE id IN (
                    SELECT f.document_id FROM documents me
                    JOIN document_fingerprints mine ON mine.document_id = me.id
                    JOIN document_fingerprints f ON f.version_group = mine.version_group AND f.document_id <> me.id
                    WHERE me.sha256 = ?)
                \(audience == .public ? "AND classification = 'public'" : "")
                ORDER BY id
                """, arguments: [hash.hex])
            return try Self.documents(from: rows, db: db)
        }
    }

    /// The version groups with more than one member, each as the hashes of its documents, oldest first.
    public func versionGroups() throws(BayyinaError) -> [[ContentHash]] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT f.version_group, d.sha256 FROM document_fingerprints f JOIN documents d ON d.id = f.document_id
                WHERE f.version_group IN (SELECT version_group FROM document_fingerprints GROUP BY 1 HAVING count(*) > 1)
                ORDER BY f.version_group, d.id
                """)
            var groups: [Int64: [ContentHash]] = [:]
            var order: [Int64] = []
            for row in rows {
                let group: Int64 = row["version_group"]
                if groups[group] == nil { order.append(group) }
                if let hash = ContentHash(hex: row["sha256"]) { groups[group, default: []].append(hash) }
            }
            return order.compactMap { groups[$0] }
        }
    }
}
