public import BayyinaCore
import Foundation
import GRDB

/// A stored document's text as the link step reads it.
public struct LinkStepInput: Sendable {
    public var documentID: Int64
    public var title: String
    /// The title, then the body.
    public var text: String
}

/// What the link step found for one document.
public struct LinkStepResult: Sendable {
    public var documentID: Int64
    /// Nil when only the suggestions are refreshed.
    public var fingerprint: TextFingerprint?
    public var suggestions: [LinkSuggestion]

    public init(documentID: Int64, fingerprint: TextFingerprint?, suggestions: [LinkSuggestion]) {
        self.documentID = documentID
        self.fingerprint = fingerprint
        self.suggestions = suggestions
    }
}

extension IndexDatabase {
    /// Documents queued for the link step (stored or re-extracted since it last ran), oldest first; or, with `all`,
    /// every document after `afterID`. None after `lastID`.
    public func linkStepInputs(
        all: Bool = false, after afterID: Int64 = 0, through lastID: Int64 = .max, limit: Int
    ) throws(BayyinaError) -> [LinkStepInput] {
        try read { db in
            let source = all ? "documents d WHERE d.id > ?" : "link_step_queue q JOIN documents d ON d.id = q.document_id WHERE q.document_id > ?"
            return try Row.fetchAll(db, sql: """
                SELECT d.id, d.title, d.title || char(10) || d.body AS text FROM \(source) AND d.id <= ? ORDER BY d.id LIMIT ?
                """, arguments: [afterID, lastID, limit])
                .map { LinkStepInput(documentID: $0["id"], title: $0["title"], text: $0["text"]) }
        }
    }

    /// How many documents are stored.
    public func documentCount() throws(BayyinaError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0 }
    }

    /// The id of the newest document; 0 when there is none.
    public func lastDocumentID() throws(BayyinaError) -> Int64 {
        try read(Self.lastDocumentID)
    }

    /// The id of the newest document as `db` sees it; 0 when there is none.
    static func lastDocumentID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db.cachedStatement(sql: "SELECT coalesce(max(id), 0) FROM documents")) ?? 0
    }

    /// The bm25 idf of each stem in the index: ln(1 + (N − n + 0.5) / (n + 0.5)) for n of N documents holding it.
    public func termWeights(stems: Set<String>) throws(BayyinaError) -> [String: Double] {
        try read { db in
            let documents = Double(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0)
            var counts: [String: Double] = [:]
            let marker = String(ArabicTokenizer.Marker.stem.rawValue)
            // One equality lookup per term: fts5vocab reads just that term's postings (an IN list scans the whole index).
            let statement = try db.cachedStatement(sql: "SELECT doc FROM documents_fts_terms WHERE term = ?")
            for stem in stems {
                counts[stem] = try Double.fetchOne(statement, arguments: [marker + stem])
            }
            return Dictionary(uniqueKeysWithValues: stems.map { stem in
                let held = counts[stem] ?? 0
                return (stem, log(1 + (documents - held + 0.5) / (held + 0.5)))
            })
        }
    }

    /// Records the link step's findings in one transaction: fingerprints, taking each document off the queue (and
    /// skipping those another step took meanwhile), and suggestions, which replace a document's open ones and never revive accepted or rejected ones.
    public func recordLinkStep(_ results: [LinkStepResult]) throws(BayyinaError) {
        let now = Timestamp.now()
        try write { db in
            for result in results {
                if let fingerprint = result.fingerprint {
                    try db.cachedStatement(sql: "DELETE FROM link_step_queue WHERE document_id = ?").execute(arguments: [result.documentID])
                    guard db.changesCount == 1 else { continue }
                    try Self.forgetFingerprint(of: result.documentID, db: db)
                    try Self.recordFingerprint(fingerprint, documentID: result.documentID, db: db)
                }
                // `+state`: look rows up by document, never by the state index, which would scan every open suggestion.
                try db.cachedStatement(sql: """
                    DELETE FROM link_suggestions WHERE document_id = ? AND +state = 'open' AND target NOT IN (SELECT value FROM json_each(?))
                    """).execute(arguments: [result.documentID, try JSONText.encode(result.suggestions.map(\.target.rawValue))])
                for suggestion in result.suggestions {
                    try db.cachedStatement(sql: """
                        INSERT INTO link_suggestions(document_id, target, confidence, reason_en, reason_ar, proposed_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT(document_id, target) DO UPDATE SET confidence = excluded.confidence, reason_en = excluded.reason_en,
                            reason_ar = excluded.reason_ar, proposed_at = excluded.proposed_at
                        WHERE state = 'open'
                        """).execute(arguments: [result.documentID, suggestion.target.rawValue, suggestion.confidence,
                                                 suggestion.reason.en ?? "", suggestion.reason.ar ?? "", now])
                }
            }
        }
    }

    /// Open suggestions at or above a confidence whose target is not linked yet, surest first; of one document when given.
    public func openSuggestions(minimumConfidence: Double = 0, document: ContentHash? = nil, limit: Int = .max) throws(BayyinaError) -> [StoredSuggestion] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.*, d.sha256, d.title FROM link_suggestions s JOIN documents d ON d.id = s.document_id
                WHERE \(document == nil ? "s.state = 'open'" : "+s.state = 'open' AND s.document_id = (SELECT id FROM documents WHERE sha256 = ?)")
                AND s.confidence >= ?
                AND NOT EXISTS (SELECT 1 FROM document_commitments l WHERE l.document_id = s.document_id AND l.commitment_id = s.target)
                AND NOT EXISTS (SELECT 1 FROM document_milestones l WHERE l.document_id = s.document_id AND l.milestone_id = s.target)
                ORDER BY s.confidence DESC, s.id LIMIT ?
                """, arguments: StatementArguments((document.map { [$0.hex] as [any DatabaseValueConvertible] } ?? []) + [minimumConfidence, limit]))
            return rows.compactMap(Self.suggestion)
        }
    }

    /// Accepts an open suggestion: the document is linked to its target (a milestone also to its commitment), and the
    /// suggestion records who accepted it and when.
    public func acceptSuggestion(_ id: Int64, by reviewer: String) throws(BayyinaError) -> StoredSuggestion {
        try decide(id, .accepted, by: reviewer) { suggestion, documentID, db in
            switch suggestion.suggestion.target {
            case .commitment(let commitment): try Self.link(documentID, commitments: [commitment], milestones: [], db: db)
            case .milestone(let milestone): try Self.link(documentID, commitments: [], milestones: [milestone], db: db)
            }
        }
    }

    /// Rejects an open suggestion; it is never proposed again for that document.
    public func rejectSuggestion(_ id: Int64, by reviewer: String) throws(BayyinaError) -> StoredSuggestion {
        try decide(id, .rejected, by: reviewer) { _, _, _ in }
    }

    private func decide(
        _ id: Int64, _ state: SuggestionState, by reviewer: String, apply: (StoredSuggestion, Int64, Database) throws -> Void
    ) throws(BayyinaError) -> StoredSuggestion {
        guard !reviewer.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw BayyinaError(.invalidArgument, "Say who decides the suggestion (--by NAME).", arabic: "اذكر من يقرّر الاقتراح (--by NAME).")
        }
        return try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT s.*, d.sha256, d.title FROM link_suggestions s JOIN documents d ON d.id = s.document_id WHERE s.id = ?
                """, arguments: [id]), var suggestion = Self.suggestion(row) else {
                throw BayyinaError(.unknownSuggestion, "There is no suggestion \(id); list them with `bayyina suggestions`.")
            }
            guard suggestion.state == .open else {
                let who = suggestion.decidedBy ?? "?", when = suggestion.decidedAt ?? "?"
                throw BayyinaError(.invalidArgument, "Suggestion \(id) was already \(suggestion.state.rawValue) by \(who) at \(when).",
                                   arabic: "سبق أن \(suggestion.state == .accepted ? "قُبل" : "رُفض") الاقتراح \(id)، قرّره \(who) في \(when).")
            }
            try apply(suggestion, row["document_id"], db)
            let now = Timestamp.now()
            try db.execute(sql: "UPDATE link_suggestions SET state = ?, decided_by = ?, decided_at = ? WHERE id = ?",
                           arguments: [state.rawValue, reviewer, now, id])
            try Self.audit("suggestion-\(state.rawValue)", "document:\(suggestion.sha256.hex)",
                           after: try Self.digest([suggestion.suggestion.target.rawValue, String(id)]), actor: reviewer, db: db)
            suggestion.state = state
            suggestion.decidedBy = reviewer
            suggestion.decidedAt = now
            return suggestion
        }
    }

    private static func suggestion(_ row: Row) -> StoredSuggestion? {
        guard let hash = ContentHash(hex: row["sha256"]), let target = LinkTarget(row["target"]),
              let state = SuggestionState(rawValue: row["state"]) else { return nil }
        return StoredSuggestion(
            id: row["id"], sha256: hash, documentTitle: row["title"],
            suggestion: LinkSuggestion(target: target, confidence: row["confidence"], reason: LocalizedText(ar: row["reason_ar"], en: row["reason_en"])),
            state: state, decidedBy: row["decided_by"], decidedAt: row["decided_at"])
    }
}
