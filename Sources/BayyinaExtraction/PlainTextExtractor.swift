import BayyinaCore
import Foundation

/// Plain text and Markdown: the decoded text as written; the title is the first line (Markdown heading marks removed).
struct PlainTextExtractor {
    let format: DocumentFormat

    func extract(_ data: Data) -> ExtractedContent {
        var content = ExtractedContent(mediaType: format.mediaType)
        let decoded = TextDecoding.decode(data)
        content.warnings += decoded.warnings
        content.text = TextCleanup.tidy(decoded.text)
        let first = TextCleanup.firstLine(of: content.text)
        content.headingTitle = format == .markdown ? first.map(Self.stripMarkdown) : first
        return content
    }

    private static func stripMarkdown(_ line: String) -> String {
        let withoutHashes = line.drop(while: { $0 == "#" || $0 == " " || $0 == ">" })
        let withoutEmphasis = withoutHashes.filter { $0 != "*" && $0 != "`" }
        return String(withoutEmphasis).trimmingCharacters(in: .whitespaces)
    }
}

/// CSV (comma, semicolon or tab separated, quoted fields): rows as lines, cells separated by tabs. The title is the file name.
struct CSVExtractor {
    func extract(_ data: Data) -> ExtractedContent {
        var content = ExtractedContent(mediaType: DocumentFormat.csv.mediaType)
        let decoded = TextDecoding.decode(data)
        content.warnings += decoded.warnings
        let separator = Self.separator(of: decoded.text)
        content.text = TextCleanup.tidy(Self.rows(decoded.text, separator: separator).map { $0.joined(separator: "\t") }.joined(separator: "\n"))
        return content
    }

    private static func separator(of text: String) -> Character {
        let firstLine = text.prefix(while: { $0 != "\n" })
        let candidates: [Character] = [",", ";", "\t"]
        return candidates.max { a, b in firstLine.filter { $0 == a }.count < firstLine.filter { $0 == b }.count } ?? ","
    }

    /// Splits CSV text into rows of cells, honouring double-quoted cells with doubled quotes and line breaks.
    static func rows(_ text: String, separator: Character) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var iterator = text.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.append("\"") } else {
                            quoted = false
                            if next == separator { row.append(cell); cell = "" } else if next == "\n" {
                                row.append(cell); rows.append(row); row = []; cell = ""
                            } else { cell.append(next) }
                        }
                    } else { quoted = false }
                } else { cell.append(character) }
            } else if character == "\"" && cell.isEmpty {
                quoted = true
            } else if character == separator {
                row.append(cell); cell = ""
            } else if character == "\n" {
                row.append(cell); rows.append(row); row = []; cell = ""
            } else {
                cell.append(character)
            }
        }
        if !cell.isEmpty || !row.isEmpty { row.append(cell); rows.append(row) }
        return rows.map { $0.map { $0.trimmingCharacters(in: .whitespaces) } }
    }
}
