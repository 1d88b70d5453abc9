import BayyinaCore
import BayyinaIndex
import BayyinaTestSupport
import Foundation
import GRDB
import Testing

@Suite struct AccessRequestTests {
    static let now = "2025-06-01T10:00:00Z"

    static func index() throws -> TestIndex {
        let index = try TestIndex()
        try index.database.importHolidays(["2025-05-25", "2025-06-05", "2025-06-08", "2025-06-09", "2025-06-26", "2025-12-25", "2026-01-01"]
            .map { Holiday(day: CalendarDate($0)!, nameAr: "عطلة", nameEn: "Holiday") })
        return index
    }

    static func file(_ index: TestIndex, received: String, name: String = "سارة الخطيب") throws -> AccessRequest {
        try index.database.fileRequest(NewAccessRequest(
            received: CalendarDate(received)!, channel: .electronic, applicant: Applicant(name: name, contact: "sara@example.jo"),
            subject: "محاضر المنتدى متعدد الأطراف لعام 2023"), by: "officer", at: now)
    }

    @Test func filingNumbersByYearAndTimesByTheRulesInForce() throws {
        let index = try Self.index()
        let first = try Self.file(index, received: "2025-05-22")
        #expect(first.reference == "ATI-2025-0001" && first.due.description == "2025-06-18" && first.rules.id == "jo-ati-2024")
        #expect(first.acknowledged?.description == "2025-06-01")
        #expect(first.history.map(\.kind) == ["filed", "acknowledged"])
        #expect(try Self.file(index, received: "2025-05-25").reference == "ATI-2025-0002")
        #expect(try Self.file(index, received: "2026-01-04").reference == "ATI-2026-0001")
    }

    @Test func aRuleChangeAppliesToRequestsReceivedFromItsDayOnly() throws {
        let index = try Self.index()
        try index.database.importDeadlineRules([DeadlineRules(
            id: "jo-ati-2026", effectiveFrom: CalendarDate("2026-01-01")!, answerWorkingDays: 10, extensionMaxWorkingDays: 5,
            extensionsAllowed: 2, silenceIsRefusal: false, workingWeekdays: [2, 3, 4, 5, 6], source: "a later amendment")])
        let before = try Self.file(index, received: "2025-12-24")
        let after = try Self.file(index, received: "2026-01-04")
        #expect(before.rules.id == "jo-ati-2024" && before.due.description == "2026-01-18")
        #expect(after.rules.id == "jo-ati-2026" && after.due.description == "2026-01-16")
        #expect(try index.database.request(before.reference)?.due.description == "2026-01-18")
    }

    @Test func oneExtensionWithAReasonAndWithinTheMaximum() throws {
        let index = try Self.index()
        let request = try Self.file(index, received: "2025-05-22")
        #expect(throws: BayyinaError.self) { try index.database.extendRequest(request.reference, workingDays: 11, reason: "x", by: "o", at: Self.now) }
        #expect(throws: BayyinaError.self) { try index.database.extendRequest(request.reference, workingDays: 5, reason: " ", by: "o", at: Self.now) }
        let extended = try index.database.extendRequest(request.reference, workingDays: 10, reason: "consulting another body", by: "o", at: Self.now)
        #expect(extended.deadline.description == "2025-07-03" && extended.due.description == "2025-06-18")
        #expect(throws: BayyinaError.self) { try index.database.extendRequest(request.reference, workingDays: 1, reason: "again", by: "o", at: Self.now) }
    }

    @Test func refusalsCiteTheirGroundAndReleasedDocumentsMustBeStored() throws {
        let index = try Self.index()
        let request = try Self.file(index, received: "2025-05-22")
        let day = CalendarDate("2025-06-10")!
        #expect(throws: BayyinaError.self) { try index.database.decideRequest(request.reference, RequestDecisionRecord(decision: .refused, decided: day), by: "o", at: Self.now) }
        let missing = ContentHash(digest: [UInt8](repeating: 7, count: 32))
        #expect(throws: BayyinaError.self) {
            try index.database.decideRequest(request.reference, RequestDecisionRecord(decision: .granted, decided: day, releasedDocuments: [missing]),
                                             by: "o", at: Self.now)
        }
        #expect(try index.database.request(request.reference)?.decision == nil)
        let minutes = try index.add("محضر المنتدى", "نص المحضر")
        let decided = try index.database.decideRequest(request.reference, RequestDecisionRecord(
            decision: .partlyGranted, decided: day, legalGround: "ATI Law art. 13(b)", releasedDocuments: [minutes], feeFils: 1500),
            by: "o", at: Self.now)
        #expect(decided.releasedDocuments == [minutes] && decided.feeFils == 1500 && decided.status(on: day) == .decided)
        #expect(throws: BayyinaError.self) {
            try index.database.decideRequest(request.reference, RequestDecisionRecord(decision: .granted, decided: day), by: "o", at: Self.now)
        }
    }

    @Test func complaintsAndAppealsAreTrackedWithTheirOutcomes() throws {
        let index = try Self.index()
        let request = try Self.file(index, received: "2025-05-22")
        let filed = CalendarDate("2025-06-25")!
        let complaint = try index.database.recordReview(request.reference, RequestReview(kind: .complaint, filed: filed), by: "o", at: Self.now)
        #expect(complaint.reviews.count == 1)
        let outcome = try index.database.recordReview(request.reference, RequestReview(
            kind: .complaint, filed: filed, decided: CalendarDate("2025-07-20"), outcome: .upheld), by: "o", at: Self.now)
        #expect(outcome.reviews == [RequestReview(kind: .complaint, filed: filed, decided: CalendarDate("2025-07-20"), outcome: .upheld)])
        #expect(outcome.history.map(\.kind).suffix(2) == ["complaint", "review_decided"])
        let early = try Self.file(index, received: "2025-06-01")
        #expect(throws: BayyinaError.self) {
            try index.database.recordReview(early.reference, RequestReview(kind: .appeal, filed: CalendarDate("2025-06-02")!), by: "o", at: Self.now)
        }
    }

    @Test func requestHistoryCannotBeRewritten() throws {
        let index = try Self.index()
        _ = try Self.file(index, received: "2025-05-22")
        let queue = try DatabaseQueue(path: index.path)
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "UPDATE access_request_events SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try queue.write { try $0.execute(sql: "DELETE FROM access_request_events") } }
    }

    @Test func verifyFindsARequestWrittenAroundTheRegister() throws {
        let index = try Self.index()
        _ = try Self.file(index, received: "2025-05-22")
        #expect(try index.database.integrityProblems().isEmpty)
        let queue = try DatabaseQueue(path: index.path)
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO access_requests(reference, received, channel, applicant_kind, applicant_name, subject, rules_id, due, decision, decided)
                VALUES ('ATI-2025-0099', '2025-05-01', 'written', 'natural', 'x', 'y', 'jo-ati-2024', '2025-05-22', 'not_held', '2025-05-02')
                """)
        }
        #expect(try index.database.integrityProblems() == ["request ATI-2025-0099: its history does not record how it was filed or decided"])
    }

    @Test func theQueueListsUndecidedRequestsByDeadlineFirst() throws {
        let index = try Self.index()
        let late = try Self.file(index, received: "2025-06-10")
        let early = try Self.file(index, received: "2025-05-22")
        let decided = try Self.file(index, received: "2025-05-01")
        _ = try index.database.decideRequest(decided.reference, RequestDecisionRecord(decision: .notHeld, decided: CalendarDate("2025-05-10")!),
                                             by: "o", at: Self.now)
        #expect(try index.database.requests().map(\.reference) == [early.reference, late.reference, decided.reference])
    }
}
