import BayyinaCore
import Foundation
import GRDB

/// Reading requests, rules and calendars from their rows, and recording request events.
extension IndexDatabase {
    func requireRequest(_ reference: String) throws(BayyinaError) -> AccessRequest {
        guard let request = try request(reference) else { throw Self.unknownRequest(reference) }
        return request
    }

    static func requireRequest(_ reference: String, db: Database) throws -> AccessRequest {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM access_requests WHERE reference = ?", arguments: [reference]) else {
            throw unknownRequest(reference)
        }
        return try request(row, db: db)
    }

    static func requestID(_ reference: String, db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM access_requests WHERE reference = ?", arguments: [reference]) else {
            throw unknownRequest(reference)
        }
        return id
    }

    static func unknownRequest(_ reference: String) -> BayyinaError {
        BayyinaError(.unknownDocument, "There is no request \(reference).", arabic: "لا يوجد طلب بالرقم \(reference).")
    }

    static func rules(inForceOn day: CalendarDate, db: Database) throws -> DeadlineRules {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM deadline_rules WHERE effective_from <= ? ORDER BY effective_from DESC LIMIT 1",
                                         arguments: [day.description]) else {
            throw BayyinaError(.invalidArgument, "No deadline rules were in force on \(day); import rules that cover it.",
                               arabic: "لا توجد قواعد مهل سارية في \(day)؛ استورد قواعد تشمله.")
        }
        return try Self.rules(row)
    }

    static func calendar(for rules: DeadlineRules, db: Database) throws -> WorkingCalendar {
        WorkingCalendar(workingWeekdays: rules.workingWeekdays,
                        holidays: try String.fetchAll(db, sql: "SELECT day FROM holidays").compactMap(CalendarDate.init))
    }

    static func rules(_ row: Row) throws -> DeadlineRules {
        guard let effective = CalendarDate(row["effective_from"] as String) else {
            throw BayyinaError(.databaseFailure, "A deadline rule set has an invalid date; run bayyina verify.")
        }
        return DeadlineRules(
            id: row["id"], effectiveFrom: effective, answerWorkingDays: row["answer_working_days"],
            extensionMaxWorkingDays: row["extension_max_working_days"], extensionsAllowed: row["extensions_allowed"],
            silenceIsRefusal: row["silence_is_refusal"], workingWeekdays: try JSONText.decode([Int].self, row["working_weekdays"]),
            source: row["source"])
    }

    static func request(_ row: Row, db: Database) throws -> AccessRequest {
        let id: Int64 = row["id"]
        func day(_ column: String) -> CalendarDate? { (row[column] as String?).flatMap(CalendarDate.init) }
        guard let received = day("received"), let due = day("due"),
              let rulesRow = try Row.fetchOne(db, sql: "SELECT * FROM deadline_rules WHERE id = ?", arguments: [row["rules_id"] as String]) else {
            throw BayyinaError(.databaseFailure, "The request \(row["reference"] as String) is damaged; run bayyina verify.")
        }
        let documents = try String.fetchAll(db, sql: """
            SELECT d.sha256 FROM access_request_documents r JOIN documents d ON d.id = r.document_id WHERE r.request_id = ? ORDER BY d.id
            """, arguments: [id]).compactMap(ContentHash.init(hex:))
        let reviews = try Row.fetchAll(db, sql: "SELECT * FROM access_request_reviews WHERE request_id = ? ORDER BY id", arguments: [id])
            .compactMap { review -> RequestReview? in
                guard let kind = RequestReview.Kind(rawValue: review["kind"]), let filed = CalendarDate(review["filed"] as String) else { return nil }
                return RequestReview(kind: kind, filed: filed, decided: (review["decided"] as String?).flatMap(CalendarDate.init),
                                     outcome: (review["outcome"] as String?).flatMap(RequestReview.Outcome.init), notes: review["notes"])
            }
        let history = try Row.fetchAll(db, sql: "SELECT * FROM access_request_events WHERE request_id = ? ORDER BY id", arguments: [id])
            .map { RequestEvent(kind: $0["kind"], details: (try? JSONText.decode([String: String].self, $0["details"])) ?? [:],
                                actor: $0["actor"], at: $0["at"]) }
        return AccessRequest(
            reference: row["reference"], received: received, channel: RequestChannel(rawValue: row["channel"]) ?? .written,
            applicant: Applicant(kind: Applicant.Kind(rawValue: row["applicant_kind"]) ?? .natural, name: row["applicant_name"],
                                 nationality: row["applicant_nationality"], residence: row["applicant_residence"], contact: row["applicant_contact"]),
            subject: row["subject"], preferredFormat: row["preferred_format"], officer: row["officer"], acknowledged: day("acknowledged"),
            rules: try rules(rulesRow), due: due, extendedDue: day("extended_due"), extensionReason: row["extension_reason"],
            decision: (row["decision"] as String?).flatMap(RequestDecision.init), decided: day("decided"), legalGround: row["legal_ground"],
            reasons: row["reasons"], transferredTo: row["transferred_to"], feeFils: row["fee_fils"], releasedDocuments: documents,
            reviews: reviews, history: history)
    }

    /// Appends to the request's history and to the audit trail, whose after-digest covers the request's row.
    static func recordEvent(_ id: Int64, _ kind: String, _ details: [String: String], actor: String, at time: String, db: Database) throws {
        try db.execute(sql: "INSERT INTO access_request_events(request_id, kind, details, actor, at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [id, kind, try JSONText.encode(details), actor, time])
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM access_requests WHERE id = ?", arguments: [id]) else { return }
        let state = Dictionary(uniqueKeysWithValues: row.columnNames.map { ($0, row[$0].map { String(describing: $0) } ?? "") })
        try audit("request-\(kind)", "request:\(row["reference"] as String)", after: try digest(state), actor: actor, db: db)
    }
}
