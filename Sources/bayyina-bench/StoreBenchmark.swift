import ArgumentParser
import BayyinaCore
import BayyinaIngest
import BayyinaStorage
import Foundation

/// Hashes and stores every file of a folder the way ingest does (staged while hashed, on every core, then
/// committed durably a batch at a time while the next batch is staged), without extracting or indexing anything.
struct StoreBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Hash and store the files of a folder into a new blob store; print the throughput.")

    @Argument(help: "The folder whose files are stored (recursively).")
    var folder: String

    @Option(help: "An empty or absent folder to store into.")
    var into: String

    @Option(help: "Files committed together, as ingest does.")
    var batch = 256

    func run() async throws {
        let files = FolderFiles.regularFiles(under: URL(fileURLWithPath: folder))
        let store = try FileSystemBlobStore(root: URL(fileURLWithPath: into, isDirectory: true))
        let clock = ContinuousClock()
        let started = clock.now
        var bytes: Int64 = 0
        var committing: Task<Void, any Error>?
        for start in stride(from: 0, to: files.count, by: batch) {
            let slice = Array(files[start..<min(start + batch, files.count)])
            let staged = try stage(slice, into: store)
            bytes += staged.reduce(0) { $0 + $1.size }
            try await committing?.value
            committing = Task { try store.commit(staged) }
        }
        try await committing?.value
        let seconds = started.duration(to: clock.now).seconds
        BenchmarkOutput.print([
            "files": .int(files.count), "bytes": .int(Int(bytes)), "seconds": .number(seconds),
            "filesPerSecond": .number(Double(files.count) / seconds), "megabytesPerSecond": .number(Double(bytes) / 1e6 / seconds),
        ])
    }

    /// Stages the files on every core; the first failure stops the run.
    private func stage(_ files: [URL], into store: FileSystemBlobStore) throws -> [StagedBlob] {
        try files.concurrentMap { file in
            Result { () throws(BayyinaError) in try store.stage(contentsOf: file, sizeLimit: .max) }
        }.map { try $0.get() }
    }
}
