public import BayyinaCore
public import Foundation

/// Chooses the extractor for a file by its sniffed format and runs it within the limits.
public struct ExtractorRegistry: Sendable {
    public let limits: ExtractionLimits

    /// Bumped whenever an extractor's output changes, so stored documents can be re-extracted.
    public static let versions: [DocumentFormat: Int] = Dictionary(uniqueKeysWithValues: DocumentFormat.allCases.map { ($0, 1) })

    public init(limits: ExtractionLimits = ExtractionLimits()) {
        self.limits = limits
    }

    /// Sniffs and extracts a file; `fileName` is the (sanitized) name it arrived under, used only as a hint.
    /// `password` opens a password-protected PDF; it is used for this extraction only and never stored.
    public func extract(fileAt url: URL, fileName: String, password: String? = nil) async throws(BayyinaError) -> (SniffedType, ExtractedContent) {
        let sniffed = try TypeSniffer.sniff(fileAt: url, fileName: fileName, limits: limits)
        var content = try await extract(format: sniffed.format, url: url, password: password)
        content.warnings = sniffed.warnings + content.warnings
        if content.text.isEmpty, content.warnings.isEmpty, ![.jpeg, .png, .tiff].contains(sniffed.format) {
            content.warnings.append(Notice("no_text", "No text was found in the file; it is stored but cannot be found by its words.",
                                           arabic: "لم يوجد نص في الملف؛ حُفظ لكن لا يمكن العثور عليه بكلماته."))
        }
        let (text, cut) = TextCleanup.capped(content.text, bytes: limits.maximumTextBytes)
        content.text = text
        if cut, !content.warnings.contains(where: { $0.code == "text_truncated" }) {
            let megabytes = limits.maximumTextBytes >> 20
            content.warnings.append(Notice(
                "text_truncated", "The text was cut at the \(megabytes) MB limit; the rest is not searchable.",
                arabic: "قُطع النص عند حد \(megabytes) ميغابايت؛ ما بعده غير قابل للبحث."))
        }
        return (sniffed, content)
    }

    private func extract(format: DocumentFormat, url: URL, password: String?) async throws(BayyinaError) -> ExtractedContent {
        switch format {
        case .pdf: return try await PDFExtractor(limits: limits, password: password).extract(url)
        case .docx: return try WordprocessingExtractor(limits: limits).extract(url)
        case .xlsx: return try SpreadsheetExtractor(limits: limits).extract(url)
        case .pptx: return try PresentationExtractor(limits: limits).extract(url)
        case .odt, .ods, .odp: return try OpenDocumentExtractor(format: format, limits: limits).extract(url)
        case .html: return try readingAtMost(2 * limits.maximumTextBytes, of: url) { HTMLExtractor().extract($0) }
        case .email: return try readingAtMost(4 * limits.maximumTextBytes, of: url) { EmailExtractor().extract($0) }
        case .text, .markdown: return try readingAtMost(limits.maximumTextBytes, of: url) { PlainTextExtractor(format: format).extract($0) }
        case .csv: return try readingAtMost(limits.maximumTextBytes, of: url) { CSVExtractor().extract($0) }
        case .jpeg, .png, .tiff:
            var content = try readingAtMost(64 << 20, of: url) { ImageExtractor(format: format).extract($0) }
            try await ImageExtractor.recognize(url, into: &content, limits: limits)
            return content
        }
    }

    /// Drops a UTF-8 sequence cut off by a read limit, so the cut does not look like invalid text.
    static func withoutPartialCharacter(_ data: Data) -> Data {
        var end = data.endIndex
        var continuation = 0
        while end > data.startIndex, continuation < 3, data[end - 1] & 0xC0 == 0x80 {
            end -= 1
            continuation += 1
        }
        guard end > data.startIndex else { return data }
        let lead = data[end - 1]
        let expected = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0
        if lead >= 0xC0, expected > continuation { return data[data.startIndex..<(end - 1)] }
        return data
    }

    /// Extracts from at most `limit` bytes of the file, so a huge text file never sits in memory whole; a notice
    /// says when the rest was left out.
    private func readingAtMost(
        _ limit: Int, of url: URL, _ extract: (Data) -> ExtractedContent
    ) throws(BayyinaError) -> ExtractedContent {
        let data: Data
        let size: Int
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let head = try handle.read(upToCount: limit) ?? Data()
            size = Int(try handle.seekToEnd())
            data = size > head.count ? Self.withoutPartialCharacter(head) : head
        } catch {
            throw BayyinaError(.unreadableFile, "The file cannot be read.", underlying: error)
        }
        var content = extract(data)
        if size > data.count, !content.warnings.contains(where: { $0.code == "text_truncated" }) {
            let megabytes = limit >> 20
            content.warnings.append(Notice(
                "text_truncated", "Only the first \(megabytes) MB of the file were read; the rest is not searchable.",
                arabic: "قُرئ أول \(megabytes) ميغابايت فقط من الملف؛ ما بعده غير قابل للبحث."))
        }
        return content
    }
}
