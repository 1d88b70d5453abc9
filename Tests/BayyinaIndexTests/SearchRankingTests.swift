import BayyinaCore
@testable import BayyinaIndex
import Foundation
import GRDB
import Testing

/// A search ranked in ranges of rowids on several connections at once (see `RankingParts`) must give exactly the
/// page and the total that one statement over the whole index gives.
@Suite struct SearchRankingTests {
    /// 1,200 documents of the rank tests, a tenth restricted, some linked to a commitment, and duplicates of a few
    /// texts, whose scores tie.
    static func index() throws -> TestIndex {
        let index = try RelevanceRankTests.largeIndex()
        _ = try index.database.apply((0..<120).map { number in
            TestIndex.newDocument(
                "ملحق \(number)", "الخطة الوطنية للشفافية budget report \(number % 3)",
                classification: number % 10 == 0 ? .restricted : .public, commitments: number % 4 == 0 ? ["C2"] : [])
        }) { _ in }
        return index
    }

    static func requests() throws -> [SearchRequest] {
        var requests: [SearchRequest] = []
        for text in ["الخطة", "الوطنيه المساءله", "\"الخطه وزاره\"", "open government", "budget report", "تقرير 7", "التخط*", "gov* report"] {
            let query = try SearchQuery(text)
            requests += [
                SearchRequest(query: query, audience: .internal),
                SearchRequest(query: query, audience: .public, limit: 7, offset: 13),
                SearchRequest(query: query, audience: .public, commitment: CommitmentID("C2")),
                SearchRequest(query: query, audience: .internal, language: .ar, limit: 50),
            ]
        }
        return requests
    }

    @Test(arguments: [2, 3, 5])
    func rankingInPartsGivesThePageAndTotalOfOneStatement(parts: Int) throws {
        let index = try Self.index()
        for request in try Self.requests() {
            let whole = try index.database.search(request, parts: 1)
            let split = try index.database.search(request, parts: parts, minimumSpan: 1)
            let label = "\(request.query.expression) offset \(request.offset)"
            #expect(split.total == whole.total, "\(label)")
            #expect(split.hits.map(\.document.sha256) == whole.hits.map(\.document.sha256), "\(label)")
            #expect(split.hits.map(\.score) == whole.hits.map(\.score), "\(label)")
            #expect(split.hits.map(\.snippet) == whole.hits.map(\.snippet), "\(label)")
        }
        #expect(try index.database.search(Self.requests()[0], parts: 1).total > 1_000)
    }

    @Test func rangesCoverEveryRowidOnceAndSmallIndexesAreNotCut() throws {
        let index = try Self.index()
        try index.database.read { db in
            let ranges = try RankingParts.ranges(3, minimumSpan: 1, db: db)
            #expect(ranges.count == 3)
            #expect(ranges.first?.lowerBound == Int64.min && ranges.last?.upperBound == Int64.max)
            #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound + 1 == $1.lowerBound })
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM documents")
            let sizes = ranges.map { range in ids.filter(range.contains).count }
            #expect(sizes.allSatisfy { abs($0 - ids.count / 3) < ranges.count }, "\(sizes)")
            #expect(try RankingParts.ranges(3, minimumSpan: Int64(ids.count + 1), db: db) == [Int64.min...Int64.max])
        }
    }

    @Test func anIndexOfFewerDocumentsThanPartsIsRankedWhole() throws {
        let index = try TestIndex()
        try index.add("first", "الخطة الوطنية")
        try index.add("second", "الخطة الخامسة")
        #expect(try index.database.read { db in try RankingParts.ranges(5, minimumSpan: 1, db: db) } == [Int64.min...Int64.max])
        let page = try index.database.search(SearchRequest(query: try SearchQuery("الخطة"), audience: .public), parts: 5, minimumSpan: 1)
        #expect(page.total == 2 && page.hits.count == 2)
    }

    @Test func aPublicPageLeavesOutADocumentRestrictedAfterItWasRanked() throws {
        let index = try TestIndex()
        try index.add("open", "الخطة الوطنية للشفافية")
        try index.add("closed", "الخطة الوطنية للمساءلة", classification: .restricted)
        let query = try SearchQuery("الخطة")
        let ranking = try index.database.read { db in
            try IndexDatabase.rank(SearchRequest(query: query, audience: .internal), within: nil, db: db)
        }
        #expect(ranking.matches.count == 2)
        for (audience, titles) in [(Audience.public, ["open"]), (.internal, ["closed", "open"])] {
            let page = try index.database.read { db in try IndexDatabase.page(of: ranking, SearchRequest(query: query, audience: audience), db: db) }
            #expect(page.hits.map(\.document.title).sorted() == titles)
        }
    }

    @Test func versionGroupsAndNewestFirstAreRankedInOneStatement() throws {
        let requests = [
            SearchRequest(query: try SearchQuery("الخطة"), audience: .public, collapseVersions: true),
            SearchRequest(query: try SearchQuery("الخطة"), audience: .public, sort: .newest),
        ]
        #expect(requests.allSatisfy { !RankingParts.canSplit($0) })
        #expect(RankingParts.canSplit(SearchRequest(query: try SearchQuery("الخطة \"open government\" التخط*"), audience: .public)))
    }
}

/// English words are indexed once as their stem, which stands for their light form (the same word); Arabic words
/// keep both.
@Suite struct EnglishFormTests {
    @Test func englishWordsHaveNoLightTokenAndAreFoundInEveryFormAndPhrase() throws {
        let index = try TestIndex()
        try index.add("mixed", "Budgets report: open الخطة الوطنية")
        try index.add("other", "unrelated text about الشفافية")
        let terms = try DatabaseQueue(path: index.path, configuration: IndexDatabase.configuration()).write { db in
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.words USING fts5vocab(main, documents_fts, 'row')")
            return Set(try String.fetchAll(db, sql: "SELECT term FROM temp.words"))
        }
        #expect(terms.contains("\u{E000}budget") && !terms.contains("\u{E001}budget"))
        #expect(terms.contains("\u{E001}خطه") && terms.contains("\u{E000}خطه"))
        for query in ["budget", "budgets", "\"open الخطة\"", "\"open خطة\"", "report*", "BUDGET open"] {
            #expect(try index.titles(query) == ["mixed"], "\(query)")
        }
    }
}
