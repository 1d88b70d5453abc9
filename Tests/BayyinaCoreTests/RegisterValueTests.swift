import BayyinaCore
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test func readsDaysAndTheDayOfATimestampButNoImpossibleDay() {
        #expect(CalendarDate("2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate("2025-06-30T09:00:00Z")?.description == "2025-06-30")
        for text in ["2023-02-29", "2025-13-01", "2025-6-30", "30/06/2025", "2025-06-30junk", ""] {
            #expect(CalendarDate(text) == nil, "\(text)")
        }
    }

    @Test func monthsAreAddedToTheLastDayWhenTheMonthIsShorter() throws {
        let day = try #require(CalendarDate("2025-08-31"))
        #expect(day.adding(months: -6).description == "2025-02-28")
        #expect(day.adding(months: 6).description == "2026-02-28")
        #expect(try #require(CalendarDate("2024-12-31")).adding(days: 1).description == "2025-01-01")
        #expect(CalendarDate(Date(timeIntervalSince1970: 1_751_274_000)).description == "2025-06-30")
    }
}

@Suite struct DocumentTypeTests {
    @Test func titleWordsDecideTheTypeWhateverTheirSpelling() {
        #expect(DocumentType.inferred(title: "مَحْضَر إجتماع اللجنة", filenames: [], mediaType: "application/pdf") == .minutes)
        #expect(DocumentType.inferred(title: "كشف الحضور - ورشة الكرك", filenames: [], mediaType: "application/pdf") == .attendanceSheet)
        #expect(DocumentType.inferred(title: "Workshop on open data", filenames: [], mediaType: "application/pdf") == .workshopReport)
        #expect(DocumentType.inferred(title: "scan", filenames: ["press_release_2023.pdf"], mediaType: "application/pdf") == .pressRelease)
    }

    @Test func theMediaTypeDecidesWhenTheWordsDoNot() {
        #expect(DocumentType.inferred(title: "IMG_2031", filenames: [], mediaType: "image/jpeg") == .photo)
        #expect(DocumentType.inferred(title: "projects", filenames: [], mediaType: "text/csv") == .dataset)
        #expect(DocumentType.inferred(title: "Re: meeting", filenames: [], mediaType: "message/rfc822") == .correspondence)
        #expect(DocumentType.inferred(title: "notes", filenames: [], mediaType: "text/plain") == .other)
    }
}
