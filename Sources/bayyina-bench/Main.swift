import ArgumentParser

/// Timings that need the library itself rather than the `bayyina` command line: `make bench` runs them next to
/// the tools people use instead (sha256sum, the sqlite3 shell, pdftotext). Each prints one JSON object.
@main
struct BayyinaBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bayyina-bench",
        abstract: "In-process benchmarks of the store and of search, and the review step that gives a benchmark store its links.",
        subcommands: [StoreBenchmark.self, ReviewBenchmark.self, SearchBenchmark.self])
}
