import Foundation
import Subprocess
import Synchronization

/// A running `bayyina-pdftext`: one child reads PDF after PDF, so a PDF costs no process start (256 small PDFs: one
/// `pdftotext` per file 1.82 s, one process for all 0.70 s, the same text byte for byte). It runs under the address-
/// space cap of every helper; past the time limit the child is killed, and a crash ends only the child.
/// ``PDFTextWorkers`` lends each worker to one extraction at a time.
final class PDFTextWorker: Sendable {
    enum Outcome: Sendable {
        case reply(PDFTextReply)
        /// The file took past the time limit; the child was killed.
        case timedOut
        /// The child ended before replying (a crash, the memory cap, or a program that could not start), with its
        /// exit status, or a signal as 128 + its number.
        case ended(status: Int32?)
    }

    private struct Job: Sendable {
        let request: [UInt8]
        let answer: CheckedContinuation<Outcome, Never>
    }

    private let jobs: AsyncStream<Job>.Continuation
    private let running = Atomic(true)
    private let process = Atomic<Int32>(0)

    /// Whether the child can take another file.
    var isRunning: Bool { running.load(ordering: .relaxed) }

    /// The child's process identifier, once it has started.
    var processIdentifier: Int32? {
        let value = process.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    init(limits: ExtractionLimits) {
        _ = Self.brokenPipesIgnored
        let (stream, jobs) = AsyncStream.makeStream(of: Job.self)
        self.jobs = jobs
        Task.detached { await self.serve(stream, limits: limits) }
    }

    /// Reads one file, with the user password if one was given.
    func read(_ path: String, password: String?) async -> Outcome {
        var request = Array(path.utf8) + [0]
        request += password.map { Array("+\($0)".utf8) } ?? Array("-".utf8)
        request.append(0)
        return await withCheckedContinuation { answer in
            if case .terminated = jobs.yield(Job(request: request, answer: answer)) {
                answer.resume(returning: .ended(status: nil))
            }
        }
    }

    /// Closes the child's input, so that it ends once it is idle.
    func retire() {
        jobs.finish()
    }

    /// A write to a child that has died must fail with EPIPE, not end this process with SIGPIPE.
    private static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    /// The program beside this executable (the build folder, or where both were installed), else found on PATH.
    private static let program: String = {
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let beside = folder.appendingPathComponent("bayyina-pdftext").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : "bayyina-pdftext"
    }()

    /// Runs the child and answers jobs until the jobs end or the child does; a job left unanswered gets the reason.
    private func serve(_ stream: AsyncStream<Job>, limits: ExtractionLimits) async {
        var unanswered: Job?
        var timedOut = false
        var status: Int32?
        do {
            let result = try await Subprocess.run(
                .path("/bin/sh"),
                arguments: ChildProcess.cappedLaunch(
                    Self.program, [String(limits.maximumTextBytes), String(limits.childTimeoutSeconds)], limits: limits),
                input: .inputWriter, output: .sequence, error: .discarded
            ) { execution in
                process.store(execution.processIdentifier.value, ordering: .relaxed)
                var output = execution.standardOutput.makeAsyncIterator()
                var received: [UInt8] = []
                for await job in stream {
                    let started = ContinuousClock.now
                    let deadline = Task { () -> Bool in
                        do { try await Task.sleep(for: .seconds(limits.childTimeoutSeconds)) } catch { return false }
                        try? execution.send(signal: .kill)
                        return true
                    }
                    let reply: PDFTextReply?
                    do {
                        _ = try await execution.standardInputWriter.write(job.request)
                        reply = try await Self.nextReply(from: &output, buffer: &received)
                    } catch {
                        reply = nil
                    }
                    deadline.cancel()
                    // A reply that came past the limit is late even when the deadline task had no turn to run yet
                    // (all threads busy): the clock decides, not which task ran first.
                    timedOut = await deadline.value || ContinuousClock.now - started > .seconds(limits.childTimeoutSeconds)
                    guard let reply, !timedOut else {
                        try? execution.send(signal: .kill)
                        unanswered = job
                        break
                    }
                    job.answer.resume(returning: .reply(reply))
                }
                try? await execution.standardInputWriter.finish()
            }
            status = result.terminationStatus.shellStatus
        } catch {
            status = nil
        }
        running.store(false, ordering: .relaxed)
        jobs.finish()
        unanswered?.answer.resume(returning: timedOut ? .timedOut : .ended(status: status))
        for await job in stream {
            job.answer.resume(returning: .ended(status: status))
        }
    }

    /// The next whole reply; nil when the output ends first or is not a reply.
    private static func nextReply(
        from output: inout SubprocessOutputSequence.Iterator, buffer: inout [UInt8]
    ) async throws -> PDFTextReply? {
        while true {
            switch PDFTextReply.parse(buffer[...]) {
            case .reply(let reply, let length):
                buffer.removeFirst(length)
                return reply
            case .malformed:
                return nil
            case .incomplete:
                guard let chunk = try await output.next() else { return nil }
                chunk.withUnsafeBytes { buffer.append(contentsOf: $0) }
            }
        }
    }
}

/// Lends running ``PDFTextWorker``s, one extraction per worker at a time, and keeps idle ones for the next PDF. A
/// worker serves one set of limits, and is retired after ``usesPerWorker`` files so that what poppler fragments or
/// leaks cannot pile up.
actor PDFTextWorkers {
    static let shared = PDFTextWorkers()

    init() {}

    /// Idle workers kept: as many as an ingest's default extraction jobs (two per core).
    static let idleLimit = max(4, 2 * ProcessInfo.processInfo.activeProcessorCount)
    static let usesPerWorker = 1000

    private struct Key: Equatable {
        var memoryBytes: Int64
        var seconds: Int
        var textBytes: Int
    }

    private struct Lent {
        var worker: PDFTextWorker
        var key: Key
        var uses: Int
    }

    private var idle: [Lent] = []

    /// Reads one PDF in an idle worker with these limits, or a new one. When a worker that had read other files ends
    /// without replying, the file is read once more by a new worker: the child may have died while idle (killed, or
    /// by its own alarm), which says nothing about this file.
    nonisolated func read(_ path: String, password: String?, limits: ExtractionLimits) async -> PDFTextWorker.Outcome {
        let key = Key(memoryBytes: limits.childMemoryBytes, seconds: limits.childTimeoutSeconds, textBytes: limits.maximumTextBytes)
        var lent = await take(key, limits: limits)
        var outcome = await lent.worker.read(path, password: password)
        if case .ended = outcome, lent.uses > 0 {
            lent = Lent(worker: PDFTextWorker(limits: limits), key: key, uses: 0)
            outcome = await lent.worker.read(path, password: password)
        }
        lent.uses += 1
        await giveBack(lent)
        return outcome
    }

    /// The process identifiers of the idle workers (for tests that end one).
    func idleProcessIdentifiers() -> [Int32] {
        idle.compactMap(\.worker.processIdentifier)
    }

    private func take(_ key: Key, limits: ExtractionLimits) -> Lent {
        while let index = idle.lastIndex(where: { $0.key == key }) {
            let lent = idle.remove(at: index)
            if lent.worker.isRunning { return lent }
        }
        return Lent(worker: PDFTextWorker(limits: limits), key: key, uses: 0)
    }

    private func giveBack(_ lent: Lent) {
        guard lent.worker.isRunning, lent.uses < Self.usesPerWorker else {
            lent.worker.retire()
            return
        }
        idle.append(lent)
        if idle.count > Self.idleLimit { idle.removeFirst().worker.retire() }
    }
}
