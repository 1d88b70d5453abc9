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
    public func extract(fileAt url: URL, fileName: String) async throws(BayyinaError) -> (SniffedType, ExtractedContent) {
        let sniffed = try TypeSniffer.sniff(fileAt: url, fileName: fileName, limits: limits)
        var content = try await extract(format: sniffed.format, url: url)
        content.warnings = sniffed.warnings + content.warnings
        if content.text.isEmpty, content.warnings.isEmpty, ![.jpeg, .png].contains(sniffed.format) {
            content.warnings.append(Notice("no_text", "No text was found in the file; it is stored but cannot be found by its words.",
                                           arabic: "لم يوجد نص في الملف؛ حُفظ لكن لا يمكن العثور عليه بكلماته."))
        }
        let (text, cut) = TextCleanup.capped(content.text, bytes: limits.maximumTextBytes)
        if cut {
            content.text = text
            let megabytes = limits.maximumTextBytes >> 20
            content.warnings.append(Notice(
                "text_truncated", "The text was cut at the \(megabytes) MB limit; the rest is not searchable.",
                arabic: "قُطع النص عند حد \(megabytes) ميغابايت؛ ما بعده غير قابل للبحث."))
        }
        return (sniffed, content)
    }

    private func extract(format: DocumentFormat, url: URL) async throws(BayyinaError) -> ExtractedContent {
        switch format {
        case .pdf: return try await PDFExtractor(limits: limits).extract(url)
        case .docx: return try WordprocessingExtractor(limits: limits).extract(url)
        case .xlsx: return try SpreadsheetExtractor(limits: limits).extract(url)
        case .pptx: return try PresentationExtractor(limits: limits).extract(url)
        case .odt, .ods, .odp: return try OpenDocumentExtractor(format: format, limits: limits).extract(url)
        case .html: return HTMLExtractor().extract(try read(url))
        case .email: return EmailExtractor().extract(try read(url))
        case .text, .markdown: return PlainTextExtractor(format: format).extract(try read(url))
        case .csv: return CSVExtractor().extract(try read(url))
        case .jpeg, .png: return ImageExtractor(format: format).extract(try read(url))
        }
    }

    private func read(_ url: URL) throws(BayyinaError) -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw BayyinaError(.unreadableFile, "The file cannot be read.", underlying: error)
        }
    }
}
