public import BayyinaCore
import GRDB

extension IndexDatabase {
    /// The classification scheme, least sensitive level first.
    public func classificationLevels() throws(BayyinaError) -> [ClassificationLevel] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM classification_levels ORDER BY rank").map(Self.level) }
    }

    /// Replaces the scheme; a level still used by a decision cannot be removed.
    public func replaceClassificationScheme(_ levels: [ClassificationLevel]) throws(BayyinaError) {
        guard !levels.isEmpty, Set(levels.map(\.code)).count == levels.count, Set(levels.map(\.rank)).count == levels.count,
              levels.contains(where: \.publishable) else {
            throw BayyinaError(.invalidArgument, "A classification scheme needs distinct codes and ranks and one publishable level.",
                               arabic: "يحتاج نظام التصنيف إلى رموز ورتب مختلفة ومستوى واحد على الأقل قابل للنشر.")
        }
        try write { db in
            try db.execute(sql: "UPDATE classification_levels SET rank = rank + 1000000")
            for level in levels {
                try db.execute(sql: """
                    INSERT INTO classification_levels(code, name_ar, name_en, rank, publishable) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(code) DO UPDATE SET name_ar = excluded.name_ar, name_en = excluded.name_en,
                        rank = excluded.rank, publishable = excluded.publishable
                    """, arguments: [level.code, level.nameAr, level.nameEn, level.rank, level.publishable])
            }
            let kept = levels.map(\.code)
            let unused = try String.fetchAll(db, sql: """
                SELECT code FROM classification_levels WHERE code NOT IN (SELECT value FROM json_each(?))
                AND code IN (SELECT level FROM classification_decisions)
                """, arguments: [try JSONText.encode(kept)])
            if let used = unused.first {
                throw BayyinaError(.invalidArgument, "The level '\(used)' is used by classification decisions and cannot be removed.",
                                   arabic: "المستوى «\(used)» مستخدم في قرارات تصنيف فلا يمكن حذفه.")
            }
            try db.execute(sql: "DELETE FROM classification_levels WHERE code NOT IN (SELECT value FROM json_each(?))",
                           arguments: [try JSONText.encode(kept)])
            try Self.audit("scheme", "classification-scheme", after: try Self.digest(levels), db: db)
        }
    }

    /// Records a new classification decision on a stored document; earlier decisions stay in its history.
    public func classify(_ hash: ContentHash, _ decision: ClassificationDecision) throws(BayyinaError) {
        try write { db in
            _ = try Self.documentID(hash, db: db)
            guard let level = try Row.fetchOne(db, sql: "SELECT * FROM classification_levels WHERE code = ?",
                                               arguments: [decision.level]).map(Self.level) else {
                let codes = try String.fetchAll(db, sql: "SELECT code FROM classification_levels ORDER BY rank")
                throw BayyinaError(.invalidArgument, "'\(decision.level)' is not a classification level; use one of \(codes.joined(separator: ", ")).",
                                   arabic: "«\(decision.level)» ليس مستوى تصنيف؛ استخدم أحد: \(codes.joined(separator: "، ")).")
            }
            try decision.validate(against: level)
            let before = try Row.fetchOne(db, sql: "SELECT * FROM classification_decisions WHERE sha256 = ? ORDER BY id DESC LIMIT 1",
                                          arguments: [hash.hex]).map { try Self.digest(Self.decision($0)) }
            try Self.record(decision, for: hash, db: db)
            try Self.audit("classify", "document:\(hash.hex)", before: before, after: try Self.digest(decision), actor: decision.decidedBy, db: db)
        }
    }

    /// Every decision on a document, oldest first; empty for a hash never stored.
    public func classificationHistory(_ hash: ContentHash) throws(BayyinaError) -> [ClassificationDecision] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM classification_decisions WHERE sha256 = ? ORDER BY id", arguments: [hash.hex])
                .map { Self.decision($0) }
        }
    }

    static func record(_ decision: ClassificationDecision, for hash: ContentHash, db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO classification_decisions(sha256, level, access, withdrawn, legal_basis, decided_by, decided_at, review_date, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [hash.hex, decision.level, decision.access.rawValue, decision.withdrawn, decision.legalBasis,
                             decision.decidedBy, decision.decidedAt, decision.reviewDate, decision.note])
    }

    /// The decision an ingest takes: public as it arrived, or restricted and withheld.
    static func ingestDecision(_ classification: Classification, legalBasis: String?, at time: String) -> ClassificationDecision {
        classification == .public
            ? ClassificationDecision(level: "public", access: .public, decidedBy: "ingest", decidedAt: time)
            : ClassificationDecision(level: "restricted", access: .withheld, legalBasis: legalBasis, decidedBy: "ingest", decidedAt: time)
    }

    /// A decision from a row; `prefix` names columns of a joined query (`c_level` …).
    static func decision(_ row: Row, prefix: String = "") -> ClassificationDecision {
        ClassificationDecision(
            level: row[prefix + "level"], access: AccessStatus(rawValue: row[prefix + "access"]) ?? .withheld,
            withdrawn: row[prefix + "withdrawn"], legalBasis: row[prefix + "legal_basis"], decidedBy: row[prefix + "decided_by"],
            decidedAt: row[prefix + "decided_at"], reviewDate: row[prefix + "review_date"], note: row[prefix + "note"])
    }

    private static func level(_ row: Row) -> ClassificationLevel {
        ClassificationLevel(code: row["code"], nameAr: row["name_ar"], nameEn: row["name_en"], rank: row["rank"],
                            publishable: row["publishable"])
    }
}
