import ArgumentParser
import BayyinaCore
import BayyinaIngest
import BayyinaStorage
import Foundation

/// Gives an ingested scale corpus what a reviewer would: each document's commitment and milestone from the
/// corpus manifest confirmed through the library call behind `bayyina link`, and one document in `restrictEvery`
/// withheld. Ingest only suggests links, so without this every filtered search of the benchmark finds nothing
/// and the audience filter never removes a match.
struct ReviewBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Confirm the links of a scale corpus's manifest and withhold a share of its documents; print the time taken.")

    @Option(help: "The store folder the corpus was ingested into.")
    var store: String

    @Option(help: "The corpus folder of make_scale_corpus.py (manifest.jsonl and the files it names).")
    var corpus: String

    @Option(help: "Withhold every Nth document of the manifest (0: none).")
    var restrictEvery = 11

    func run() throws {
        let repository = try Repository(root: URL(fileURLWithPath: store, isDirectory: true))
        let folder = URL(fileURLWithPath: corpus, isDirectory: true)
        let lines = try String(contentsOf: folder.appendingPathComponent("manifest.jsonl"), encoding: .utf8).split(separator: "\n")
        let clock = ContinuousClock()
        let started = clock.now
        var linked = 0, withheld = 0
        for (position, line) in lines.enumerated() {
            let entry = try JSONDecoder().decode(ManifestEntry.self, from: Data(line.utf8))
            guard let hash = FileDigest.hash(of: folder.appendingPathComponent(entry.path))?.hash else {
                throw ValidationError("\(entry.path) cannot be read.")
            }
            guard let commitment = CommitmentID("C\(entry.commitment)"), let milestone = MilestoneID(entry.milestone) else {
                throw ValidationError("\(entry.path): commitment \(entry.commitment) or milestone \(entry.milestone) is not valid.")
            }
            try repository.index.link(hash, commitments: [commitment], milestones: [milestone])
            linked += 1
            if restrictEvery > 0, position % restrictEvery == 0 {
                try repository.index.classify(hash, ClassificationDecision(
                    level: "restricted", access: .withheld, legalBasis: "ATI Law art. 13", decidedBy: "bench",
                    decidedAt: "2025-06-30T09:00:00Z"))
                withheld += 1
            }
        }
        let seconds = started.duration(to: clock.now).seconds
        BenchmarkOutput.print([
            "linked": .int(linked), "withheld": .int(withheld), "seconds": .number(seconds),
            "linksPerSecond": .number(Double(linked) / seconds),
        ])
    }
}

/// The fields of a manifest line that review needs.
private struct ManifestEntry: Decodable {
    let path: String
    let commitment: Int
    let milestone: String
}
