import BayyinaCore
import BayyinaListings
import Foundation

/// Writing to the terminal: JSON lines, aligned tables, errors and a progress bar.
enum Output {
    static func json(_ value: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return }
        line(String(decoding: data, as: UTF8.self))
    }

    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Writes the error to standard error in the user's language, and as JSON on standard output when the
    /// command was run with `--json`.
    static func report(_ failure: BayyinaError) {
        if CommandLine.arguments.contains("--json") { json(ErrorJSON(failure)) }
        error("bayyina: \(failure.message(in: commandLineLanguage)) [\(failure.code.rawValue)]")
    }

    /// The language asked for on the command line (`--lang ar`) or by the environment.
    static var commandLineLanguage: UILanguage {
        let arguments = CommandLine.arguments
        if let flag = arguments.firstIndex(of: "--lang"), flag + 1 < arguments.count, let language = UILanguage(rawValue: arguments[flag + 1]) {
            return language
        }
        return UILanguage(environment: ProcessInfo.processInfo.environment)
    }

    /// Rows padded to the widest cell of each column; the last column is not padded.
    static func table(_ header: [String], _ rows: [[String]]) {
        FileHandle.standardOutput.write(Data(tableText(header, rows).utf8))
    }

    /// The lines ``table(_:_:)`` prints.
    static func tableText(_ header: [String], _ rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { width(of: $0[column]) }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - width(of: cell))
            }.joined(separator: "  ") + "\n"
        }.joined()
    }

    /// Columns a string takes in a terminal: combining marks take none.
    static func width(of text: String) -> Int {
        text.unicodeScalars.filter { ![.nonspacingMark, .enclosingMark, .format].contains($0.properties.generalCategory) }.count
    }

    /// The text on one line: line breaks and tabs become spaces.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { [0x0A, 0x0D, 0x09].contains($0.value) ? " " : $0 }))
    }

    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Draws `[#####.....] 12/40 name` on standard error, replacing the previous bar.
    static func progress(_ done: Int, of total: Int, _ label: String) {
        let slots = 30
        let filled = total == 0 ? slots : done * slots / total
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: slots - filled)
        FileHandle.standardError.write(Data("\r\u{1B}[K[\(bar)] \(done)/\(total) \(truncated(label, 40))".utf8))
        if done == total { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

extension Output {
    /// Writes a rendered register to `--output FILE` (replaced whole, never half-written) or to standard output.
    static func write(_ data: Data, to path: String?) throws(BayyinaError) {
        guard let path else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw BayyinaError(.storageFailure, "Cannot write \(path): \(error.localizedDescription)",
                               arabic: "تعذّرت الكتابة في \(path).", underlying: error)
        }
    }
}
