import BayyinaCore
import Foundation
import Subprocess

/// Runs a helper program with its address space capped before it starts and a wall-clock limit kept from here (a
/// kill at the deadline, rather than through a `timeout` process), collecting its output up to a limit.
///
/// The cap is set by the shell's `ulimit -v`, which then `exec`s the program: swift-subprocess has no hook between
/// fork and exec, capping the child after it starts raced with its first allocations under load, and starting `dash`
/// costs a fraction of starting `prlimit` (256 small PDFs, two runs: `pdftotext` alone 2.41 and 2.59 s, under
/// `prlimit` 2.54 and 2.75 s, under `sh` 2.45 and 2.60 s).
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var output: [UInt8]
        var standardError: String
        var succeeded: Bool { status == 0 }
    }

    /// How much of the standard error is kept (for messages); the rest is read and dropped.
    static let standardErrorLimit = 16 * 1024

    static func run(
        _ tool: String, _ arguments: [String], limits: ExtractionLimits, outputLimit: Int, environment: [String: String] = [:]
    ) async throws(BayyinaError) -> Outcome {
        let overrides = Dictionary(uniqueKeysWithValues: environment.compactMap { key, value in
            Environment.Key(rawValue: key).map { ($0, Optional(value)) }
        })
        let result: ExecutionResult<Collected, SequenceOutput, SequenceOutput>
        do {
            result = try await Subprocess.run(
                .path("/bin/sh"), arguments: cappedLaunch(tool, arguments, limits: limits),
                environment: .inherit.updating(overrides), input: .none, output: .sequence, error: .sequence
            ) { execution in
                try await collect(execution, limits: limits, outputLimit: outputLimit)
            }
        } catch {
            throw BayyinaError(.extractionFailed, "\(tool) could not be started; install it (apt-get install poppler-utils tesseract-ocr).", underlying: error)
        }
        let collected = result.closureResult
        if collected.outputTooLarge {
            throw BayyinaError(.tooLarge, "\(tool) produced more than \(outputLimit / 1_048_576) MB of text, past the extracted-text limit.")
        }
        let status = result.terminationStatus.shellStatus
        if collected.timedOut || status == 137 {
            throw BayyinaError(.extractionTimeout, "\(tool) did not finish within \(limits.childTimeoutSeconds) s or ran out of memory on this file; it was stopped. The file may be damaged or built to exhaust resources.")
        }
        if status == 127 {
            throw BayyinaError(.extractionFailed, "\(tool) is not installed; install it (apt-get install poppler-utils tesseract-ocr).")
        }
        return Outcome(status: status, output: collected.output, standardError: String(decoding: collected.standardError, as: UTF8.self))
    }

    /// The arguments of `/bin/sh` that run `tool` with its address space capped at the limit.
    static func cappedLaunch(_ tool: String, _ arguments: [String], limits: ExtractionLimits) -> Arguments {
        Arguments(["-c", "ulimit -v \(limits.childMemoryBytes / 1024) && exec \"$0\" \"$@\"", tool] + arguments)
    }

    /// What the child wrote, and whether it was stopped.
    struct Collected: Sendable {
        var output: [UInt8] = []
        var standardError: [UInt8] = []
        var outputTooLarge = false
        var timedOut = false
    }

    private enum Part: Sendable {
        case output([UInt8]?)
        case standardError([UInt8])
        case deadline(reached: Bool)
    }

    /// Reads both outputs to their end while a deadline runs; the child is killed at the deadline or as soon as its
    /// output passes `outputLimit`.
    private static func collect(
        _ execution: Execution<NoInput, SequenceOutput, SequenceOutput>, limits: ExtractionLimits, outputLimit: Int
    ) async throws -> Collected {
        try await withThrowingTaskGroup(of: Part.self) { group in
            group.addTask { .output(try await read(execution.standardOutput, limit: outputLimit, overflow: .fail)) }
            group.addTask { .standardError(try await read(execution.standardError, limit: standardErrorLimit, overflow: .drop) ?? []) }
            group.addTask {
                try? await Task.sleep(for: .seconds(limits.childTimeoutSeconds))
                return .deadline(reached: !Task.isCancelled)
            }
            var collected = Collected()
            var streamsOpen = 2
            while let part = try await group.next() {
                switch part {
                case .output(let bytes):
                    streamsOpen -= 1
                    if let bytes { collected.output = bytes } else {
                        collected.outputTooLarge = true
                        try? execution.send(signal: .kill)
                    }
                case .standardError(let bytes):
                    streamsOpen -= 1
                    collected.standardError = bytes
                case .deadline(let reached):
                    if reached {
                        collected.timedOut = true
                        try? execution.send(signal: .kill)
                    }
                }
                if streamsOpen == 0 { group.cancelAll() }
            }
            return collected
        }
    }

    private enum Overflow { case fail, drop }

    /// The bytes of `stream` up to `limit`; past it, nil (`.fail`, reading stops) or the first `limit` bytes with the
    /// rest read and dropped (`.drop`).
    private static func read(_ stream: SubprocessOutputSequence, limit: Int, overflow: Overflow) async throws -> [UInt8]? {
        var bytes: [UInt8] = []
        for try await buffer in stream {
            let room = limit - bytes.count
            if buffer.count > room, overflow == .fail { return nil }
            guard room > 0 else { continue }
            buffer.withUnsafeBytes { chunk in bytes.append(contentsOf: chunk.prefix(room)) }
        }
        return bytes
    }
}

extension TerminationStatus {
    /// The status as a shell reports it: the exit code, or 128 plus the signal that ended the program.
    var shellStatus: Int32 {
        switch self {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
    }
}
