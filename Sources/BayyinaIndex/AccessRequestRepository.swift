public import BayyinaCore
import Foundation
import GRDB

/// What a new request says; the register adds the reference, the rules and the deadline.
public struct NewAccessRequest: Sendable {
    public var received: CalendarDate
    public var channel: RequestChannel
    public var applicant: Applicant
    public var subject: String
    public var preferredFormat: String?
    public var officer: String?

    public init(
        received: CalendarDate, channel: RequestChannel = .written, applicant: Applicant, subject: String, preferredFormat: String? = nil,
        officer: String? = nil
    ) {
        self.received = received
        self.channel = channel
        self.applicant = applicant
        self.subject = subject
        self.preferredFormat = preferredFormat
        self.officer = officer
    }
}

/// A decision as staff record it.
public struct RequestDecisionRecord: Sendable {
    public var decision: RequestDecision
    public var decided: CalendarDate
    public var legalGround: String?
    public var reasons: String?
    public var releasedDocuments: [ContentHash]
    public var feeFils: Int?
    public var transferredTo: String?

    public init(
        decision: RequestDecision, decided: CalendarDate, legalGround: String? = nil, reasons: String? = nil,
        releasedDocuments: [ContentHash] = [], feeFils: Int? = nil, transferredTo: String? = nil
    ) {
        self.decision = decision
        self.decided = decided
        self.legalGround = legalGround
        self.reasons = reasons
        self.releasedDocuments = releasedDocuments
        self.feeFils = feeFils
        self.transferredTo = transferredTo
    }
}

extension IndexDatabase {
    /// Files a request: the rules in force on the day it was received time it; it is acknowledged on `at`'s day.
    public func fileRequest(_ new: NewAccessRequest, by actor: String, at time: String) throws(BayyinaError) -> AccessRequest {
        let subject = new.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = new.applicant.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty, !name.isEmpty else {
            throw BayyinaError(.invalidArgument, "A request needs its subject and the applicant's name.",
                               arabic: "يحتاج الطلب إلى موضوعه واسم مقدّمه.")
        }
        let reference = try write { db in
            let rules = try Self.rules(inForceOn: new.received, db: db)
            let calendar = try Self.calendar(for: rules, db: db)
            let year = new.received.year
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM access_requests WHERE reference GLOB ?", arguments: ["ATI-\(year)-*"]) ?? 0
            let reference = "ATI-\(year)-" + String(format: "%04d", count + 1)
            let acknowledged = CalendarDate(time).map { max($0, new.received) }
            try db.execute(sql: """
                INSERT INTO access_requests(reference, received, channel, applicant_kind, applicant_name, applicant_nationality,
                    applicant_residence, applicant_contact, subject, preferred_format, officer, acknowledged, rules_id, due)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [reference, new.received.description, new.channel.rawValue, new.applicant.kind.rawValue, name,
                                 new.applicant.nationality, new.applicant.residence, new.applicant.contact, subject, new.preferredFormat,
                                 new.officer, acknowledged?.description, rules.id,
                                 calendar.adding(workingDays: rules.answerWorkingDays, after: new.received).description])
            let id = db.lastInsertedRowID
            try Self.recordEvent(id, "filed", ["channel": new.channel.rawValue], actor: actor, at: time, db: db)
            if let acknowledged {
                try Self.recordEvent(id, "acknowledged", ["on": acknowledged.description], actor: actor, at: time, db: db)
            }
            return reference
        }
        guard let request = try request(reference) else {
            throw BayyinaError(.databaseFailure, "The request \(reference) was filed but cannot be read back.")
        }
        return request
    }

    /// Names the competent officer of a request.
    public func assignRequest(_ reference: String, officer: String, by actor: String, at time: String) throws(BayyinaError) -> AccessRequest {
        let name = officer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw BayyinaError(.invalidArgument, "Name the competent officer (--officer).", arabic: "اذكر اسم الموظف المختص (--officer).")
        }
        try write { db in
            let id = try Self.requestID(reference, db: db)
            try db.execute(sql: "UPDATE access_requests SET officer = ? WHERE id = ?", arguments: [name, id])
            try Self.recordEvent(id, "assigned", ["officer": name], actor: actor, at: time, db: db)
        }
        return try requireRequest(reference)
    }

    /// Extends a request's deadline by up to the rules' maximum, once as often as the rules allow, with a reason.
    public func extendRequest(
        _ reference: String, workingDays: Int, reason: String, by actor: String, at time: String
    ) throws(BayyinaError) -> AccessRequest {
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        try write { db in
            let request = try Self.requireRequest(reference, db: db)
            guard request.decision == nil else {
                throw BayyinaError(.invalidArgument, "The request \(reference) is already decided; its deadline can no longer change.",
                                   arabic: "بُتّ في الطلب \(reference) فلا يمكن تمديد مهلته.")
            }
            let extensions = try Int.fetchOne(db, sql: "SELECT count(*) FROM access_request_events WHERE request_id = ? AND kind = 'extended'",
                                              arguments: [try Self.requestID(reference, db: db)]) ?? 0
            guard extensions < request.rules.extensionsAllowed else {
                throw BayyinaError(.invalidArgument, "The rules allow \(request.rules.extensionsAllowed) extension(s); \(reference) has had them.",
                                   arabic: "تسمح القواعد بـ\(request.rules.extensionsAllowed) تمديد فقط، واستُنفد للطلب \(reference).")
            }
            guard (1...max(1, request.rules.extensionMaxWorkingDays)).contains(workingDays), request.rules.extensionMaxWorkingDays > 0 else {
                throw BayyinaError(.invalidArgument, "An extension is 1 to \(request.rules.extensionMaxWorkingDays) working days.",
                                   arabic: "التمديد من يوم عمل واحد إلى \(request.rules.extensionMaxWorkingDays) أيام عمل.")
            }
            guard !why.isEmpty else {
                throw BayyinaError(.invalidArgument, "An extension needs its reason (--reason).", arabic: "يحتاج التمديد إلى سببه (--reason).")
            }
            let calendar = try Self.calendar(for: request.rules, db: db)
            let extended = calendar.adding(workingDays: workingDays, after: request.deadline)
            let id = try Self.requestID(reference, db: db)
            try db.execute(sql: "UPDATE access_requests SET extended_due = ?, extension_reason = ? WHERE id = ?",
                           arguments: [extended.description, why, id])
            try Self.recordEvent(id, "extended", ["workingDays": String(workingDays), "due": extended.description, "reason": why],
                                 actor: actor, at: time, db: db)
        }
        return try requireRequest(reference)
    }

    /// Records the decision on a request; refusals and partial grants must cite their legal ground, released
    /// documents must be in the repository.
    public func decideRequest(
        _ reference: String, _ record: RequestDecisionRecord, by actor: String, at time: String
    ) throws(BayyinaError) -> AccessRequest {
        let ground = record.legalGround?.trimmingCharacters(in: .whitespacesAndNewlines)
        if record.decision.needsLegalGround && (ground ?? "").isEmpty {
            throw BayyinaError(.invalidArgument, "A refusal, whole or partial, must cite its legal ground: article and paragraph (--ground).",
                               arabic: "يجب أن يذكر الرفض الكلي أو الجزئي سنده القانوني: المادة والفقرة (--ground).")
        }
        if record.decision == .transferred && (record.transferredTo ?? "").isEmpty {
            throw BayyinaError(.invalidArgument, "A transfer names the body it goes to (--transferred-to).",
                               arabic: "تحدد الإحالة الجهة المحال إليها (--transferred-to).")
        }
        if let fee = record.feeFils, fee < 0 {
            throw BayyinaError(.invalidArgument, "A fee cannot be negative.", arabic: "لا يمكن أن يكون الرسم سالباً.")
        }
        try write { db in
            let request = try Self.requireRequest(reference, db: db)
            guard request.decision == nil else {
                throw BayyinaError(.invalidArgument, "The request \(reference) is already decided (\(request.decision?.rawValue ?? "")).",
                                   arabic: "سبق البتّ في الطلب \(reference).")
            }
            guard record.decided >= request.received else {
                throw BayyinaError(.invalidArgument, "A decision cannot come before the request was received (\(request.received)).",
                                   arabic: "لا يمكن أن يسبق القرار تاريخ استلام الطلب (\(request.received)).")
            }
            let id = try Self.requestID(reference, db: db)
            for hash in record.releasedDocuments {
                try db.execute(sql: "INSERT OR IGNORE INTO access_request_documents(request_id, document_id) VALUES (?, ?)",
                               arguments: [id, try Self.documentID(hash, db: db)])
            }
            try db.execute(sql: """
                UPDATE access_requests SET decision = ?, decided = ?, legal_ground = ?, reasons = ?, transferred_to = ?, fee_fils = ?
                WHERE id = ?
                """, arguments: [record.decision.rawValue, record.decided.description, ground, record.reasons, record.transferredTo,
                                 record.feeFils, id])
            var details = ["decision": record.decision.rawValue, "decided": record.decided.description]
            details["ground"] = ground
            details["documents"] = record.releasedDocuments.isEmpty ? nil : record.releasedDocuments.map(\.hex).joined(separator: ",")
            try Self.recordEvent(id, "decided", details, actor: actor, at: time, db: db)
        }
        return try requireRequest(reference)
    }

    /// Records a complaint or an appeal, or its outcome when `review.decided` is set on the open one of that kind.
    public func recordReview(_ reference: String, _ review: RequestReview, by actor: String, at time: String) throws(BayyinaError) -> AccessRequest {
        guard (review.decided == nil) == (review.outcome == nil), review.decided.map({ $0 >= review.filed }) ?? true else {
            throw BayyinaError(.invalidArgument, "An outcome comes with the day it was decided, on or after the day the review was filed.",
                               arabic: "تُسجَّل النتيجة مع تاريخ صدورها، في يوم تقديم المراجعة أو بعده.")
        }
        try write { db in
            let request = try Self.requireRequest(reference, db: db)
            guard request.decision != nil || request.status(on: review.filed) == .deemedRefused else {
                throw BayyinaError(.invalidArgument, "Only a decided (or deemed refused) request can be taken to the Information Council or to court.",
                                   arabic: "لا يُشتكى أو يُطعن إلا في طلب بُتّ فيه أو عُدّ مرفوضاً.")
            }
            let id = try Self.requestID(reference, db: db)
            let open = try Int64.fetchOne(db, sql: """
                SELECT id FROM access_request_reviews WHERE request_id = ? AND kind = ? AND filed = ? AND decided IS NULL
                """, arguments: [id, review.kind.rawValue, review.filed.description])
            if let open, review.decided != nil {
                try db.execute(sql: "UPDATE access_request_reviews SET decided = ?, outcome = ?, notes = coalesce(?, notes) WHERE id = ?",
                               arguments: [review.decided?.description, review.outcome?.rawValue, review.notes, open])
                try Self.recordEvent(id, "review_decided", ["kind": review.kind.rawValue, "outcome": review.outcome?.rawValue ?? "",
                                                           "decided": review.decided?.description ?? ""], actor: actor, at: time, db: db)
            } else {
                try db.execute(sql: "INSERT INTO access_request_reviews(request_id, kind, filed, decided, outcome, notes) VALUES (?, ?, ?, ?, ?, ?)",
                               arguments: [id, review.kind.rawValue, review.filed.description, review.decided?.description,
                                           review.outcome?.rawValue, review.notes])
                try Self.recordEvent(id, review.kind.rawValue, ["filed": review.filed.description], actor: actor, at: time, db: db)
            }
        }
        return try requireRequest(reference)
    }

    /// A request with its released documents, reviews and history; nil when there is none with this reference.
    public func request(_ reference: String) throws(BayyinaError) -> AccessRequest? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM access_requests WHERE reference = ?", arguments: [reference]) else { return nil }
            return try Self.request(row, db: db)
        }
    }

    /// Every request (or only the decided ones), the most urgent first: undecided ones by deadline, then decided ones,
    /// newest decision first.
    public func requests(decidedOnly: Bool = false) throws(BayyinaError) -> [AccessRequest] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM access_requests \(decidedOnly ? "WHERE decision IS NOT NULL" : "")
                ORDER BY decision IS NOT NULL, CASE WHEN decision IS NULL THEN coalesce(extended_due, due) END, decided DESC, id
                """).map { try Self.request($0, db: db) }
        }
    }

    /// The deadline rule sets, oldest first.
    public func deadlineRules() throws(BayyinaError) -> [DeadlineRules] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM deadline_rules ORDER BY effective_from").map(Self.rules) }
    }

    /// Adds rule sets, or replaces those with the same id; requests already filed keep their deadlines.
    public func importDeadlineRules(_ rules: [DeadlineRules]) throws(BayyinaError) {
        for rule in rules { try rule.validate() }
        try write { db in
            for rule in rules {
                try db.execute(sql: """
                    INSERT INTO deadline_rules VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET effective_from = excluded.effective_from, answer_working_days = excluded.answer_working_days,
                        extension_max_working_days = excluded.extension_max_working_days, extensions_allowed = excluded.extensions_allowed,
                        silence_is_refusal = excluded.silence_is_refusal, working_weekdays = excluded.working_weekdays, source = excluded.source
                    """, arguments: [rule.id, rule.effectiveFrom.description, rule.answerWorkingDays, rule.extensionMaxWorkingDays,
                                     rule.extensionsAllowed, rule.silenceIsRefusal, try JSONText.encode(rule.workingWeekdays), rule.source])
            }
            try Self.audit("deadline-rules-import", "deadline-rules", after: try Self.digest(rules), db: db)
        }
    }

    /// The holidays, in date order.
    public func holidays() throws(BayyinaError) -> [Holiday] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM holidays ORDER BY day").compactMap { row in
                CalendarDate(row["day"] as String).map { Holiday(day: $0, nameAr: row["name_ar"], nameEn: row["name_en"]) }
            }
        }
    }

    /// Adds holidays, or renames those already on the calendar. Deadlines already computed do not move.
    public func importHolidays(_ holidays: [Holiday]) throws(BayyinaError) {
        try write { db in
            for holiday in holidays {
                try db.execute(sql: """
                    INSERT INTO holidays(day, name_ar, name_en) VALUES (?, ?, ?)
                    ON CONFLICT(day) DO UPDATE SET name_ar = excluded.name_ar, name_en = excluded.name_en
                    """, arguments: [holiday.day.description, holiday.nameAr, holiday.nameEn])
            }
            try Self.audit("holidays-import", "holidays", after: try Self.digest(holidays), db: db)
        }
    }

    /// The working calendar of a rule set: its working week less every holiday on file.
    public func workingCalendar(for rules: DeadlineRules) throws(BayyinaError) -> WorkingCalendar {
        try read { db in try Self.calendar(for: rules, db: db) }
    }
}
