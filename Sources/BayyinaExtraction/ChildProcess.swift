import BayyinaCore
import Foundation
import Subprocess

/// Runs a helper program under `timeout` and `prlimit`, collecting its output up to a limit.
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var output: [UInt8]
        var standardError: String
        var succeeded: Bool { status == 0 }
    }

    static func run(
        _ tool: String, _ arguments: [String], limits: ExtractionLimits, outputLimit: Int, environment: [String: String] = [:]
    ) async throws(BayyinaError) -> Outcome {
        let wrapped = ["-s", "KILL", "\(limits.childTimeoutSeconds)", "prlimit", "--as=\(limits.childMemoryBytes)", "--", tool] + arguments
        let overrides = Dictionary(uniqueKeysWithValues: environment.compactMap { key, value in
            Environment.Key(rawValue: key).map { ($0, Optional(value)) }
        })
        let result: ExecutionResult<Void, BytesOutput, StringOutput<UTF8>>
        do {
            result = try await Subprocess.run(
                .name("timeout"), arguments: Arguments(wrapped), environment: .inherit.updating(overrides),
                output: .bytes(limit: outputLimit), error: .string(limit: 16 * 1024))
        } catch let error as SubprocessError where error.code == .outputLimitExceeded {
            throw BayyinaError(.tooLarge, "\(tool) produced more than \(outputLimit / 1_048_576) MB of text, past the extracted-text limit.")
        } catch {
            throw BayyinaError(.extractionFailed, "\(tool) could not be started; install it (apt-get install poppler-utils tesseract-ocr).", underlying: error)
        }
        let status: Int32
        switch result.terminationStatus {
        case .exited(let code): status = code
        case .signaled(let signal): status = 128 + signal
        }
        if status == 137 || status == 124 {
            throw BayyinaError(.extractionTimeout, "\(tool) did not finish within \(limits.childTimeoutSeconds) s or ran out of memory on this file; it was stopped. The file may be damaged or built to exhaust resources.")
        }
        if status == 127 {
            throw BayyinaError(.extractionFailed, "\(tool) is not installed; install it (apt-get install poppler-utils tesseract-ocr).")
        }
        return Outcome(status: status, output: result.standardOutput, standardError: result.standardError)
    }
}
