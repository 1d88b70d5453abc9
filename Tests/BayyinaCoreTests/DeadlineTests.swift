import BayyinaCore
import Testing

/// Deadlines of the 2024 law: 15 working days from the day after submission, Sunday to Thursday, holidays skipped.
@Suite struct DeadlineTests {
    static let jordanWeek = [1, 2, 3, 4, 5]

    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static func calendar(_ holidays: [String] = []) -> WorkingCalendar {
        WorkingCalendar(workingWeekdays: jordanWeek, holidays: holidays.map(day))
    }

    @Test func fridaysAndSaturdaysAreNotCounted() {
        #expect(Self.calendar().adding(workingDays: 15, after: Self.day("2025-01-09")) == Self.day("2025-01-30"))
    }

    @Test func aRequestReceivedAtTheWeekendCountsFromTheNextWorkingDay() {
        for received in ["2025-01-10", "2025-01-11"] {
            #expect(Self.calendar().adding(workingDays: 15, after: Self.day(received)) == Self.day("2025-01-30"))
        }
    }

    @Test func holidaysMoveTheDeadlineAndSoDoesTheExtension() {
        let calendar = Self.calendar(["2025-05-25", "2025-06-05", "2025-06-08", "2025-06-09", "2025-06-26"])
        let due = calendar.adding(workingDays: 15, after: Self.day("2025-05-22"))
        #expect(due == Self.day("2025-06-18"))
        #expect(calendar.adding(workingDays: 10, after: due) == Self.day("2025-07-03"))
    }

    @Test func theCountCrossesTheYearAndItsHolidays() {
        #expect(Self.calendar().adding(workingDays: 15, after: Self.day("2025-12-24")) == Self.day("2026-01-14"))
        let holidays = Self.calendar(["2025-12-25", "2026-01-01"])
        let due = holidays.adding(workingDays: 15, after: Self.day("2025-12-24"))
        #expect(due == Self.day("2026-01-18"))
        #expect(holidays.adding(workingDays: 10, after: due) == Self.day("2026-02-01"))
    }

    @Test func workingDaysLeftSkipTheWeekend() {
        #expect(Self.calendar().workingDays(after: Self.day("2025-01-09"), through: Self.day("2025-01-16")) == 5)
        #expect(Self.calendar().workingDays(after: Self.day("2025-01-16"), through: Self.day("2025-01-09")) == 0)
    }

    @Test func silenceAfterTheDeadlineIsRefusalWhereTheRulesSaySo() {
        let rules = DeadlineRules(id: "r", effectiveFrom: Self.day("2024-01-01"), answerWorkingDays: 15, extensionMaxWorkingDays: 10,
                                  extensionsAllowed: 1, silenceIsRefusal: true, workingWeekdays: Self.jordanWeek, source: "test")
        var request = AccessRequest(reference: "ATI-2025-0001", received: Self.day("2025-01-09"), channel: .written,
                                    applicant: Applicant(name: "A"), subject: "s", rules: rules, due: Self.day("2025-01-30"))
        #expect(request.status(on: Self.day("2025-01-30")) == .open)
        #expect(request.status(on: Self.day("2025-01-31")) == .deemedRefused)
        request.rules.silenceIsRefusal = false
        #expect(request.status(on: Self.day("2025-01-31")) == .overdue)
        request.extendedDue = Self.day("2025-02-13")
        #expect(request.status(on: Self.day("2025-01-31")) == .extended)
        request.decision = .granted
        #expect(request.status(on: Self.day("2025-03-01")) == .decided)
    }
}
