import ArgumentParser
import BayyinaCore
import BayyinaIngest
import BayyinaStorage
import Dispatch
import Foundation

/// Hashes and stores every file of a folder the way ingest does (staged while hashed, on every core, then
/// committed durably a batch at a time), without extracting or indexing anything.
struct StoreBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Hash and store the files of a folder into a new blob store; print the throughput.")

    @Argument(help: "The folder whose files are stored (recursively).")
    var folder: String

    @Option(help: "An empty or absent folder to store into.")
    var into: String

    @Option(help: "Files staged at the same time (default: the number of cores).")
    var jobs = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Files committed together, as ingest does.")
    var batch = 256

    func run() throws {
        let files = FolderFiles.regularFiles(under: URL(fileURLWithPath: folder))
        let store = try FileSystemBlobStore(root: URL(fileURLWithPath: into, isDirectory: true))
        let clock = ContinuousClock()
        let started = clock.now
        var bytes: Int64 = 0
        for start in stride(from: 0, to: files.count, by: batch) {
            let slice = Array(files[start..<min(start + batch, files.count)])
            let staged = try stage(slice, into: store)
            bytes += staged.reduce(0) { $0 + $1.size }
            try store.commit(staged)
        }
        let seconds = started.duration(to: clock.now).seconds
        BenchmarkOutput.print([
            "files": .int(files.count), "bytes": .int(Int(bytes)), "seconds": .number(seconds),
            "filesPerSecond": .number(Double(files.count) / seconds), "megabytesPerSecond": .number(Double(bytes) / 1e6 / seconds),
        ])
    }

    /// Stages the files `jobs` at a time; the first failure stops the run.
    private func stage(_ files: [URL], into store: FileSystemBlobStore) throws -> [StagedBlob] {
        let results = Results(count: files.count)
        let workers = max(1, jobs)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: files.count, by: workers) {
                results.set(index, Result { () throws(BayyinaError) in try store.stage(contentsOf: files[index], sizeLimit: .max) })
            }
        }
        return try results.values.map { try $0.get() }
    }
}

/// One result slot per file, each written by one worker.
private final class Results: @unchecked Sendable {
    private var slots: [Result<StagedBlob, BayyinaError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<StagedBlob, BayyinaError>) { lock.withLock { slots[index] = result } }

    var values: [Result<StagedBlob, BayyinaError>] { lock.withLock { slots.map { $0! } } }
}
