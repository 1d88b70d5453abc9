import BayyinaCore
import BayyinaIndex
import Foundation
import GRDB
import Testing

/// A batch of documents joins the full-text index as one segment, written when the batch commits: FTS5 writing a
/// batch's terms out a megabyte at a time made many small segments, and merging them cost a third of ingest's index time.
@Suite struct FullTextSegmentTests {
    @Test func aBatchOfSeveralMegabytesOfTextJoinsTheIndexAsOneSegment() throws {
        let index = try TestIndex()
        // 24 documents of 2,000 words each, most of them seen once: several megabytes of new terms for FTS5 to hold.
        let changes = (0..<24).map { number in
            let words = (0..<2_000).map { "كلمة\(number * 2_000 + $0) word\($0 % 97)" }
            return TestIndex.newDocument("تقرير \(number)", words.joined(separator: " "))
        }
        _ = try index.database.apply(changes) { _ in }
        let connection = try DatabaseQueue(path: index.folder.url.appendingPathComponent("bayyina.sqlite").path)
        let segments = try connection.read { db in try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM documents_fts_idx") }
        #expect(segments == 1)
        #expect(try index.titles("كلمه47999") == ["تقرير 23"])
    }
}

/// Merging the full-text index into one segment changes no search result, and a merged index has nothing to merge.
@Suite struct FullTextMergeTests {
    @Test func mergingTheSegmentsOfSeveralBatchesKeepsEverySearchResult() throws {
        let index = try TestIndex()
        let words = ["الموازنة", "المفتوحة", "المشاركة", "الإلكترونية", "الشفافية", "budget", "open", "participation"]
        for batch in 0..<5 {
            let changes = (0..<20).map { number in
                TestIndex.newDocument("تقرير \(batch)-\(number)", (0..<30).map { words[($0 * 3 + number + batch) % words.count] }.joined(separator: " "))
            }
            _ = try index.database.apply(changes) { _ in }
        }
        let queries = ["الموازنه", "\"المشاركة الالكترونية\"", "الشفاف*", "open budget"]
        let before = try queries.map { try index.search($0) }
        #expect(try index.database.mergeFullTextSegments() > 0)
        let after = try queries.map { try index.search($0) }
        #expect(after.map { $0.hits.map(\.document.sha256) } == before.map { $0.hits.map(\.document.sha256) })
        #expect(after.map(\.total) == before.map(\.total))
        #expect(after.map { $0.hits.map(\.snippet) } == before.map { $0.hits.map(\.snippet) })
        #expect(try index.database.mergeFullTextSegments() == 0)
    }
}
