public import BayyinaCore
import Foundation

/// What an extractor found in a file: text and metadata, before the repository decides on a title.
public struct ExtractedContent: Sendable {
    public var mediaType: String
    public var text: String = ""
    public var metadataTitle: String?
    /// The first heading, line, cell or slide title: the title when the metadata has none.
    public var headingTitle: String?
    /// The title this format takes instead of its first line (HTML `<title>`, e-mail subject).
    public var formatTitle: (text: String, source: TitleSource)?
    public var author: String?
    public var created: String?
    public var pages: Int?
    public var attachments: [String] = []
    public var properties = DocumentProperties()
    /// Other readings of words the text layer may have damaged, indexed beside the text but never shown.
    public var alternativeReadings: [String] = []
    public var warnings: [Notice] = []

    public init(mediaType: String) {
        self.mediaType = mediaType
    }

    /// The title by the repository's rule: format title or metadata → first heading → file name.
    public func title(fileName: String) -> (text: String, source: TitleSource) {
        if let formatTitle { return formatTitle }
        if let title = TextCleanup.singleLine(metadataTitle), !Self.isPlaceholderTitle(title) { return (title, .metadata) }
        if let heading = TextCleanup.singleLine(headingTitle) { return (heading, .firstHeading) }
        let stem = fileName.lastIndex(of: ".").map { String(fileName[..<$0]) } ?? fileName
        return (stem.isEmpty ? fileName : stem, .filename)
    }

    public var language: DocumentLanguage? { DocumentLanguage.detect(in: text) }

    /// Where each page's text came from and lies in ``text`` (PDF pages, OCR'd images); empty for other formats.
    public var pageRecords: [DocumentPage] = []

    /// Joins page texts into ``text`` (a blank line between pages) and records where each page lies.
    mutating func assemble(pages: [PageRead]) {
        var joined = ""
        pageRecords = []
        for (index, page) in pages.enumerated() {
            if index > 0 { joined += "\n\n" }
            let start = joined.utf8.count
            joined += page.text
            pageRecords.append(DocumentPage(
                number: index + 1, source: page.source, characters: page.text.count, confidence: page.confidence,
                start: start, end: joined.utf8.count))
        }
        text = joined
    }

    /// Titles that authoring tools write for the user ("Untitled", "Microsoft Word - report.docx", a file name,
    /// "PowerPoint Presentation"): they name no document, so the first heading is a better title.
    static func isPlaceholderTitle(_ title: String) -> Bool {
        let lower = title.lowercased()
        let placeholders: Set<String> = ["untitled", "untitled document", "document", "title", "presentation", "powerpoint presentation",
                                         "slide 1", "no title", "بدون عنوان", "مستند", "عنوان"]
        if placeholders.contains(lower) || lower.hasPrefix("microsoft word - ") || lower.hasPrefix("microsoft powerpoint - ") { return true }
        let fileExtensions = ["doc", "docx", "pdf", "odt", "xls", "xlsx", "ppt", "pptx", "rtf", "txt"]
        if !lower.contains(" "), fileExtensions.contains(FileNameSanitizer.fileExtension(of: lower)) { return true }
        return !title.contains { $0.isLetter }
    }
}

/// The limits that keep hostile files from exhausting memory, disk or time.
public struct ExtractionLimits: Sendable {
    /// Largest text kept from one document, in UTF-8 bytes.
    public var maximumTextBytes = 64 << 20
    /// Largest inflated size of one zip entry.
    public var maximumEntryBytes: Int64 = 100 << 20
    /// Largest inflated size of all entries read from one container.
    public var maximumInflatedBytes: Int64 = 256 << 20
    /// Wall-clock limit of a child process (pdftoppm, tesseract), and of the PDF reader for each file.
    public var childTimeoutSeconds = 60
    /// Address-space limit of a child process.
    public var childMemoryBytes: Int64 = 1 << 30
    /// Resolution pages are rendered at for OCR, in dots per inch.
    public var ocrResolution = 300
    /// Most pages of one document read by OCR.
    public var maximumOCRPages = 300
    /// Pages or images recognised at the same time.
    public var ocrConcurrency = ProcessInfo.processInfo.activeProcessorCount
    /// Wall-clock budget for the OCR of one document; pages not started by then wait for `reextract --ocr`.
    public var ocrBudgetSeconds = 900

    public init() {}
}

/// Text clean-up shared by the extractors.
public enum TextCleanup {
    /// Trims and collapses whitespace; nil for empty text. Used for titles, authors and other one-line values.
    public static func singleLine(_ text: String?) -> String? {
        guard let text else { return nil }
        let collapsed = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
        let result = String(String.UnicodeScalarView(collapsed.unicodeScalars.filter { !isBidiControl($0) }))
            .trimmingCharacters(in: .whitespaces)
        return result.isEmpty ? nil : result
    }

    /// The first line with a letter or digit, cleaned to one line and capped at 300 characters.
    public static func firstLine(of text: String) -> String? {
        var rest = Substring(text)
        while !rest.isEmpty {
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            let line = rest[..<end]
            if line.contains(where: { $0.isLetter || $0.isNumber }), let cleaned = singleLine(String(line.prefix(2000))) {
                return String(cleaned.prefix(300))
            }
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
        }
        return nil
    }

    /// Removes trailing spaces on lines, runs of more than one blank line, and blank space at both ends.
    public static func tidy(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            var blankLines = 0
            var start = 0
            while start <= input.count {
                let newline = input[start...].firstIndex(of: 0x0A) ?? input.count
                var end = newline
                while end > start, input[end - 1] == 0x20 || input[end - 1] == 0x09 || input[end - 1] == 0x0D { end -= 1 }
                blankLines = end == start ? blankLines + 1 : 0
                if end > start || (blankLines == 1 && !output.isEmpty) {
                    output.append(contentsOf: input[start..<end])
                    output.append(0x0A)
                }
                start = newline + 1
            }
            while let last = output.last, last == 0x0A { output.removeLast() }
            let first = output.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? output.endIndex
            return String(decoding: output[first...], as: UTF8.self)
        }
    }

    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF: true
        default: false
        }
    }

    /// Caps text at a byte budget without cutting a character in half; returns whether it was cut.
    static func capped(_ text: String, bytes limit: Int) -> (String, Bool) {
        guard text.utf8.count > limit else { return (text, false) }
        var end = text.utf8.index(text.utf8.startIndex, offsetBy: limit)
        while end > text.startIndex, String.Index(end, within: text) == nil {
            end = text.utf8.index(before: end)
        }
        return (String(text[..<end]), true)
    }
}
