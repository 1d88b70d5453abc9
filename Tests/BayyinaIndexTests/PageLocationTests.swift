import BayyinaCore
@testable import BayyinaIndex
import Foundation
import GRDB
import Testing

/// Search names the pages a result matches on from where each page begins in the index.
@Suite struct PageLocationTests {
    static let pageTexts = [
        "محضر اجتماع الفريق الوطني حول الخطة",
        "",
        "ناقش الأعضاء مؤشرات الشفافية — وأكّد الأعضاء أهمية النشر",
        "Annex: attendance of members and the indicators — مؤشرات الشفافية",
    ]

    /// A paged document (the second page empty, as a scan awaiting OCR is) joined as extraction joins pages.
    static func pagedDocument() -> IndexChange {
        guard case .newDocument(var new) = TestIndex.newDocument("minutes", pageTexts.joined(separator: "\n\n"), mediaType: "application/pdf") else {
            preconditionFailure("newDocument makes a new document")
        }
        var offset = 0
        new.pages = pageTexts.enumerated().map { index, text in
            defer { offset += text.utf8.count + 2 }
            return DocumentPage(
                number: index + 1, source: text.isEmpty ? .ocrPending : .textLayer, characters: text.count,
                start: offset, end: offset + text.utf8.count)
        }
        return .newDocument(new)
    }

    @Test func resultsNameEveryPageTheyMatchOnAndThePageOfTheSnippet() throws {
        let index = try TestIndex()
        _ = try index.database.apply([Self.pagedDocument()]) { _ in }
        let arabic = try #require(try index.search("الأعضاء").hits.first)
        #expect(arabic.pages == [3])
        #expect(arabic.snippetPage == 3)
        let both = try #require(try index.search("الشفافية").hits.first)
        #expect(both.pages == [3, 4])
        let first = try #require(try index.search("الخطة").hits.first)
        #expect(first.pages == [1])
        #expect(first.snippetPage == 1)
    }

    @Test func pagesStoredWithoutTheirPositionAreCountedWhenTheDatabaseOpens() throws {
        let index = try TestIndex()
        _ = try index.database.apply([Self.pagedDocument()]) { _ in }
        let path = index.path
        let counted = try DatabaseQueue(path: path).read { db in
            try Int?.fetchAll(db, sql: "SELECT first_token FROM document_pages ORDER BY page")
        }
        #expect(counted == [0, 6, 6, 14])
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "UPDATE document_pages SET first_token = NULL") }
        let reopened = try IndexDatabase(path: path)
        let recounted = try DatabaseQueue(path: path).read { db in
            try Int?.fetchAll(db, sql: "SELECT first_token FROM document_pages ORDER BY page")
        }
        #expect(recounted == counted)
        let hit = try #require(try reopened.search(SearchRequest(query: try SearchQuery("members"), audience: .internal)).hits.first)
        #expect(hit.pages == [4])
    }
}
