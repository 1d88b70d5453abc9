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
        #expect(try index.segments() == 1)
        #expect(try index.titles("كلمه47999") == ["تقرير 23"])
    }
}

/// An ingest that merges the whole index when it ends leaves its batches' segments to that merge; other commits merge
/// them as they go, four at a time, and give that setting back after a deferred ingest.
@Suite struct SegmentMergingTests {
    /// A batch of 3 documents of 2,000 mostly new words: more than the 64 pages FTS5 writes before it merges.
    static func batch(_ number: Int) -> [IndexChange] {
        (0..<3).map { document in
            let words = (0..<2_000).map { "مادة\(number)x\(document * 2_000 + $0) term\($0 % 89)" }
            return TestIndex.newDocument("دفعة \(number)-\(document)", words.joined(separator: " "))
        }
    }

    @Test func deferredCommitsLeaveTheirSegmentsWhereIncrementalOnesMergeFourOfThem() throws {
        for merging in [SegmentMerging.incremental, .deferred] {
            let index = try TestIndex()
            for number in 0..<6 { _ = try index.database.apply(Self.batch(number), merging: merging) { _ in } }
            let segments = try index.segments()
            #expect(merging == .deferred ? segments == 6 : segments < 6, "\(merging): \(segments) segments")
            #expect(try index.titles("ماده5x5999") == ["دفعة 5-2"])
        }
    }

    @Test func anIncrementalCommitAfterADeferredOneGivesBackFTS5sOwnMerging() throws {
        let index = try TestIndex()
        _ = try index.database.apply([TestIndex.newDocument("أول", "نص أول")], merging: .deferred) { _ in }
        #expect(try index.automerge() == 16)
        _ = try index.database.apply([TestIndex.newDocument("ثان", "نص ثان")]) { _ in }
        #expect(try index.automerge() == 4)
        try index.database.useSegmentMerging(.deferred)
        #expect(try index.automerge() == 16)
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

extension TestIndex {
    /// The segments of the full-text index, read through a connection of its own.
    func segments() throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(DISTINCT segid) FROM documents_fts_idx") ?? 0
        }
    }

    /// FTS5's `automerge` as the index stores it (4 when it stores none).
    func automerge() throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT v FROM documents_fts_config WHERE k = 'automerge'") ?? 4
        }
    }
}
