import Foundation
import GRDB
import Synchronization

/// One match of a search as ranking orders it.
struct RankedMatch: Sendable {
    let id: Int64
    /// bm25 as `bayyina_rank` gives it: smaller ranks first.
    let score: Double
    /// 1 when every term matches without suffix stemming (see `bayyina_close`): those rank first.
    let close: Int

    /// Whether this match comes before `other` by relevance: close matches first, then by score, then by id.
    func precedes(_ other: RankedMatch) -> Bool {
        if close != other.close { return close > other.close }
        if score != other.score { return score < other.score }
        return id < other.id
    }
}

/// The matches of a page of results, in order, and how many results there are in all.
struct Ranking: Sendable {
    var matches: [RankedMatch]
    var total: Int
}

/// Ranking a relevance search on several cores at once. A query that matches a sixth of 100,000 documents scores
/// every match to sort them; cut into ranges of rowids, each ranked by a reader connection of its own, the ranges'
/// best matches merged, it takes about half as long on two cores. Scores stay the same: each range's statement
/// computes the inverse document frequencies and the average length over the whole index. Only a search that runs
/// alone is cut up (a busy server has no idle core to lend), and only on an index big enough to pay for the
/// extra statements.
enum RankingParts {
    /// Ranges a search is cut into at most: one a core.
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// The span of document ids below which one statement ranks every match.
    static let minimumSpan: Int64 = 2_000
    /// Searches running in this process now.
    static let running = Atomic<Int>(0)

    /// Whether a request can be ranked in parts: by relevance (the order each part's scores merge into), with every
    /// document counted (not one per version group, whose members may fall in different ranges). A prefix query is
    /// cut up too, although FTS5 merges the lists of every word a prefix begins once a statement, whatever its
    /// range: at 100,000 documents its p99 went from 40 to 30 ms, for a sixth more processor time.
    static func canSplit(_ request: SearchRequest) -> Bool {
        request.sort == .relevance && !request.collapseVersions
    }

    /// `parts` ranges of rowids of about equal span over the documents, the first and last open-ended (a document
    /// added meanwhile falls in one of them); a single unbounded range when the documents span less than `minimumSpan`
    /// ids, or fewer ids than parts.
    static func ranges(_ parts: Int, minimumSpan: Int64, db: Database) throws -> [ClosedRange<Int64>] {
        // Two subqueries: SQLite reads a lone min() or max() off the end of the table, but scans it for both at once.
        let bounds = try Row.fetchOne(db, sql: "SELECT (SELECT min(id) FROM documents) AS low, (SELECT max(id) FROM documents) AS high")
        guard parts > 1, let low = bounds?["low"] as Int64?, let high = bounds?["high"] as Int64?,
              high - low + 1 >= max(minimumSpan, Int64(parts)) else { return [Int64.min...Int64.max] }
        let step = (high - low + 1) / Int64(parts)
        let starts = [Int64.min] + (1..<parts).map { low + Int64($0) * step }
        return starts.indices.map { index in
            starts[index]...(index + 1 < starts.count ? starts[index + 1] - 1 : Int64.max)
        }
    }

    /// The page of `request` among the rankings of every range: their matches merged in order, their totals added.
    static func merged(_ rankings: [Ranking], _ request: SearchRequest) -> Ranking {
        let matches = rankings.flatMap(\.matches).sorted { $0.precedes($1) }
        return Ranking(
            matches: Array(matches.dropFirst(max(0, request.offset)).prefix(max(0, request.limit))),
            total: rankings.reduce(0) { $0 + $1.total })
    }
}

extension IndexDatabase {
    /// Ranks `request` over each of `ranges` on a reader connection of its own, all at once, and merges them.
    func rankInParts(_ request: SearchRequest, _ ranges: [ClosedRange<Int64>]) throws -> Ranking {
        // Each range keeps as many matches as the whole page reaches; the merge skips the offset.
        let whole = {
            var whole = request
            (whole.limit, whole.offset) = (max(0, request.offset) + max(0, request.limit), 0)
            return whole
        }()
        let outcomes = Mutex([Result<Ranking, any Error>?](repeating: nil, count: ranges.count))
        DispatchQueue.concurrentPerform(iterations: ranges.count) { part in
            let outcome = Result(catching: { try pool.read { db in try Self.rank(whole, within: ranges[part], db: db) } })
            outcomes.withLock { $0[part] = outcome }
        }
        let rankings = try outcomes.withLock { $0 }.compactMap { try $0?.get() }
        return RankingParts.merged(rankings, request)
    }
}
