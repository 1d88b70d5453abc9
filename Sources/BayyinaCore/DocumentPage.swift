/// Where a page's text came from.
public enum PageSource: String, Hashable, Sendable, Codable, CaseIterable {
    /// The PDF's own text layer.
    case textLayer = "text_layer"
    /// Optical character recognition of the rendered page or image.
    case ocr
    /// The page needs OCR, which was not available when the document was read; `reextract --ocr` reads it later.
    case ocrPending = "ocr_pending"
}

/// One page of a document: where its text came from and where that text lies in the document's text.
public struct DocumentPage: Hashable, Sendable, Codable {
    public var number: Int
    public var source: PageSource
    public var characters: Int
    /// Mean word confidence of OCR, 0-100; nil for a text layer.
    public var confidence: Double?
    /// UTF-8 offsets of the page's text in the document's text.
    public var start: Int
    public var end: Int

    public init(number: Int, source: PageSource, characters: Int, confidence: Double? = nil, start: Int, end: Int) {
        self.number = number
        self.source = source
        self.characters = characters
        self.confidence = confidence
        self.start = start
        self.end = end
    }
}
