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
