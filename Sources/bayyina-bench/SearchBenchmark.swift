import ArgumentParser
import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import Foundation

/// The latency of the library call behind `bayyina search` over a list of queries, on one store opened as `bayyina
/// serve` opens it (readers map the file): each query runs once, timed apart as its first run (before the connection
/// remembers its inverse document frequencies, see `RelevanceRank`), then `rounds` times timed.
struct SearchBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Time the search library call over a query list (JSON lines with \"text\" and \"filters\").")

    @Option(help: "The store folder.")
    var store: String

    @Option(help: "Queries, one JSON object a line: {\"text\": …, \"filters\": {\"commitment\": 2, \"milestone\": \"C2.M3\"}}.")
    var queries: String

    @Option(help: "Results a query asks for, as the CLI's default.")
    var limit = 20

    @Option(help: "Timed runs of every query.")
    var rounds = 3

    @Flag(help: "Time the facets call of the search page (counts by commitment, type, language, year…) instead.")
    var facets = false

    func run() throws {
        let repository = try Repository(root: URL(fileURLWithPath: store, isDirectory: true), mapsReads: true)
        let requests = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n").compactMap(request)
        let clock = ContinuousClock()
        var firstRuns: [Double] = []
        for request in requests {
            let started = clock.now
            _ = try matches(request, repository.index)
            firstRuns.append(started.duration(to: clock.now).seconds * 1000)
        }
        firstRuns.sort()
        var milliseconds: [Double] = []
        var slowest = [Double](repeating: 0, count: requests.count)
        var hits = 0
        for _ in 0..<max(1, rounds) {
            for (position, request) in requests.enumerated() {
                let started = clock.now
                let found = try matches(request, repository.index)
                let elapsed = started.duration(to: clock.now).seconds * 1000
                milliseconds.append(elapsed)
                slowest[position] = max(slowest[position], elapsed)
                hits += found
            }
        }
        milliseconds.sort()
        let worst = slowest.indices.sorted { slowest[$0] > slowest[$1] }.prefix(5)
            .map { "\(requests[$0].query.expression) \(Int(slowest[$0])) ms" }
        BenchmarkOutput.print([
            "queries": .int(requests.count), "calls": .int(milliseconds.count),
            "p50Ms": .number(Self.percentile(milliseconds, 0.50)), "p95Ms": .number(Self.percentile(milliseconds, 0.95)),
            "p99Ms": .number(Self.percentile(milliseconds, 0.99)), "maxMs": .number(milliseconds.last ?? 0),
            "meanHits": .number(Double(hits) / Double(max(1, milliseconds.count))), "slowest": .texts(worst),
            "firstRunP50Ms": .number(Self.percentile(firstRuns, 0.50)), "firstRunP99Ms": .number(Self.percentile(firstRuns, 0.99)),
        ])
    }

    /// Runs the timed call; the number of matches it counted (for facets, by media type: every document has one).
    private func matches(_ request: SearchRequest, _ index: IndexDatabase) throws -> Int {
        facets ? try index.facets(request).mediaTypes.reduce(0) { $0 + $1.count } : try index.search(request).total
    }

    /// The search request of one query line, as `bayyina search TEXT [--commitment C] [--milestone M]` builds it.
    private func request(_ line: Substring) -> SearchRequest? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let text = object["text"] as? String, let query = try? SearchQuery(text) else { return nil }
        let filters = object["filters"] as? [String: Any] ?? [:]
        let commitment = (filters["commitment"] as? Int).flatMap { CommitmentID("C\($0)") }
        let milestone = (filters["milestone"] as? String).flatMap { MilestoneID($0) }
        return SearchRequest(query: query, audience: .public, commitment: commitment, milestone: milestone, limit: limit)
    }

    static func percentile(_ sorted: [Double], _ share: Double) -> Double {
        sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((share * Double(sorted.count)).rounded(.up)) - 1)]
    }
}
