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
    /// Documents the link step has not seen (no fingerprint yet), oldest first; or, with `all`, every document after `afterID`.
    public func linkStepInputs(all: Bool = false, after afterID: Int64 = 0, limit: Int) throws(BayyinaError) -> [LinkStepInput] {
        try read { db in
            let pending = all ? "" : "AND id NOT IN (SELECT document_id FROM document_fingerprints)"
            return try Row.fetchAll(db, sql: "SELECT id, title, title || char(10) || body AS text FROM documents WHERE id > ? \(pending) ORDER BY id LIMIT ?",
                                    arguments: [afterID, limit])
                .map { LinkStepInput(documentID: $0["id"], title: $0["title"], text: $0["text"]) }
        }
    }

    /// The bm25 idf of each stem in the index: ln(1 + (N − n + 0.5) / (n + 0.5)) for n of N documents holding it.
    public func termWeights(stems: Set<String>) throws(BayyinaError) -> [String: Double] {
        try read { db in
            let documents = Double(try Int.fetchOne(db, sql: "SELECT count(*) FROM documents") ?? 0)
            var counts: [String: Double] = [:]
            let marker = String(ArabicTokenizer.Marker.stem.rawValue)
            for chunk in Array(stems).chunked(into: 400) {
                let rows = try Row.fetchAll(db, sql: "SELECT term, doc FROM documents_fts_terms WHERE term IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                            arguments: StatementArguments(chunk.map { marker + $0 }))
                for row in rows { counts[String((row["term"] as String).dropFirst())] = row["doc"] }
            }
            return Dictionary(uniqueKeysWithValues: stems.map { stem in
                let held = counts[stem] ?? 0
                return (stem, log(1 + (documents - held + 0.5) / (held + 0.5)))
            })
        }
    }

    /// Records the link step's findings in one transaction: fingerprints (skipping documents another step recorded
    /// meanwhile) and suggestions, which replace a document's open ones and never revive accepted or rejected ones.
    public func recordLinkStep(_ results: [LinkStepResult]) throws(BayyinaError) {
        let now = Timestamp.now()
        try write { db in
            for result in results {
                if let fingerprint = result.fingerprint {
                    guard try Int.fetchOne(db, sql: "SELECT 1 FROM document_fingerprints WHERE document_id = ?", arguments: [result.documentID]) == nil
                    else { continue }
                    try Self.recordFingerprint(fingerprint, documentID: result.documentID, db: db)
                }
                let kept = result.suggestions.map(\.target.rawValue)
                try db.execute(sql: "DELETE FROM link_suggestions WHERE document_id = ? AND state = 'open' AND target NOT IN (\(kept.map { _ in "?" }.joined(separator: ",")))",
                               arguments: StatementArguments([result.documentID] + kept))
                for suggestion in result.suggestions {
                    try db.execute(sql: """
                        INSERT INTO link_suggestions(document_id, target, confidence, reason_en, reason_ar, proposed_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT(document_id, target) DO UPDATE SET confidence = excluded.confidence, reason_en = excluded.reason_en,
                            reason_ar = excluded.reason_ar, proposed_at = excluded.proposed_at
                        WHERE state = 'open'
                        """, arguments: [result.documentID, suggestion.target.rawValue, suggestion.confidence, suggestion.reason.en ?? "",
                                         suggestion.reason.ar ?? "", now])
                }
            }
        }
    }

    /// Open suggestions at or above a confidence whose target is not linked yet, surest first; of one document when given.
    public func openSuggestions(minimumConfidence: Double = 0, document: ContentHash? = nil, limit: Int = 10_000) throws(BayyinaError) -> [StoredSuggestion] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT s.*, d.sha256, d.title FROM link_suggestions s JOIN documents d ON d.id = s.document_id
                WHERE s.state = 'open' AND s.confidence >= ? \(document == nil ? "" : "AND d.sha256 = ?")
                AND NOT EXISTS (SELECT 1 FROM document_commitments l WHERE l.document_id = s.document_id AND l.commitment_id = s.target)
                AND NOT EXISTS (SELECT 1 FROM document_milestones l WHERE l.document_id = s.document_id AND l.milestone_id = s.target)
                ORDER BY s.confidence DESC, s.id LIMIT ?
                """, arguments: StatementArguments([minimumConfidence] + (document.map { [$0.hex] } ?? []) + [limit]))
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

extension Array {
    func chunked(into size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
