import BayyinaCore
import Foundation

/// JPEG, PNG and TIFF: the EXIF `DateTimeOriginal` (else `DateTime`) as creation time, and the text of scanned
/// pages by OCR. A photo is not a page: OCR text counts only when it reads like a document.
struct ImageExtractor {
    let format: DocumentFormat
    /// Words and mean confidence that OCR of an image must reach to count as a scanned page. A photo with a
    /// banner or a slide in it gives a line or two; a scanned letter, minutes or attendance sheet gives dozens.
    static let minimumScanWords = 20
    static let minimumScanConfidence = 60.0

    func extract(_ data: Data) -> ExtractedContent {
        var content = ExtractedContent(mediaType: format.mediaType)
        let bytes = [UInt8](data)
        let tiff: ArraySlice<UInt8>? = switch format {
        case .jpeg: Self.jpegExif(bytes)
        case .png: Self.pngExif(bytes)
        default: bytes[...]
        }
        content.created = tiff.flatMap { ExifReader(bytes: $0).dateTimeOriginal() }
        return content
    }

    /// Reads the image's text by OCR when it is a scanned page; marks it for later when OCR is not installed.
    static func recognize(_ url: URL, into content: inout ExtractedContent, limits: ExtractionLimits) async throws(BayyinaError) {
        guard await OCREngine.isAvailable(limits: limits) else {
            content.pageRecords = [DocumentPage(number: 1, source: .ocrPending, characters: 0, start: 0, end: 0)]
            content.warnings.append(Notice(
                "ocr_unavailable",
                "OCR (tesseract with Arabic and English) is not installed, so the image was not read; it is marked for later. Install tesseract-ocr, tesseract-ocr-ara and tesseract-ocr-eng, then run bayyina reextract --ocr.",
                arabic: "التعرف الضوئي (tesseract بالعربية والإنجليزية) غير مثبت فلم تُقرأ الصورة؛ وعُلّمت لوقت لاحق. ثبّت tesseract-ocr وtesseract-ocr-ara وtesseract-ocr-eng ثم شغّل bayyina reextract --ocr."))
            return
        }
        let recognized = try await OCREngine(limits: limits).recognize(imageAt: url)
        guard recognized.words >= minimumScanWords, (recognized.confidence ?? 0) >= minimumScanConfidence else { return }
        content.assemble(pages: [PageRead(text: recognized.text, source: .ocr, confidence: recognized.confidence)])
        content.headingTitle = TextCleanup.firstLine(of: content.text)
    }

    /// The TIFF block of the first `Exif` APP1 segment.
    static func jpegExif(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var index = 2
        while index + 4 <= bytes.count, bytes[index] == 0xFF {
            let marker = bytes[index + 1]
            if marker == 0xDA || marker == 0xD9 { return nil }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            guard length >= 2, index + 2 + length <= bytes.count else { return nil }
            let segment = bytes[(index + 4)..<(index + 2 + length)]
            if marker == 0xE1, segment.starts(with: Array("Exif".utf8) + [0, 0]) { return segment.dropFirst(6) }
            index += 2 + length
        }
        return nil
    }

    /// The TIFF block of a PNG `eXIf` chunk.
    static func pngExif(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var index = 8
        while index + 12 <= bytes.count {
            let length = bytes[index..<index + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            guard length >= 0, index + 12 + length <= bytes.count else { return nil }
            if type == "eXIf" { return bytes[(index + 8)..<(index + 8 + length)] }
            if type == "IEND" { return nil }
            index += 12 + length
        }
        return nil
    }
}

/// Reads date tags from a TIFF/EXIF block with bounds checks on every offset.
struct ExifReader {
    let bytes: ArraySlice<UInt8>
    private var littleEndian: Bool { bytes.starts(with: [0x49, 0x49]) }

    init(bytes: ArraySlice<UInt8>) { self.bytes = ArraySlice(Array(bytes)) }

    func dateTimeOriginal() -> String? {
        guard bytes.count >= 8, bytes.starts(with: [0x49, 0x49]) || bytes.starts(with: [0x4D, 0x4D]),
              let first = integer(at: 4, size: 4) else { return nil }
        let ifd0 = entries(at: first)
        if let exifOffset = ifd0[0x8769].flatMap({ integer(at: $0 + 8, size: 4) }),
           let original = entries(at: exifOffset)[0x9003].flatMap(ascii) {
            return original
        }
        return ifd0[0x0132].flatMap(ascii)
    }

    /// Tag → offset of its 12-byte entry.
    private func entries(at offset: Int) -> [Int: Int] {
        guard let count = integer(at: offset, size: 2), count < 1000 else { return [:] }
        var result: [Int: Int] = [:]
        for entry in 0..<count {
            let position = offset + 2 + entry * 12
            guard let tag = integer(at: position, size: 2) else { break }
            result[tag] = position
        }
        return result
    }

    /// An ASCII date value `YYYY:MM:DD HH:MM:SS` as ISO 8601 without offset (EXIF times are local).
    private func ascii(_ entry: Int) -> String? {
        guard let count = integer(at: entry + 4, size: 4), count >= 19, count < 64 else { return nil }
        let start = count <= 4 ? entry + 8 : integer(at: entry + 8, size: 4)
        guard let start, start >= 0, start + 19 <= bytes.count else { return nil }
        let text = String(decoding: bytes[start..<start + 19], as: UTF8.self)
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == " " })
        guard parts.count == 6, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), parts[0] != "0000" else { return nil }
        return "\(parts[0])-\(parts[1])-\(parts[2])T\(parts[3]):\(parts[4]):\(parts[5])"
    }

    private func integer(at offset: Int, size: Int) -> Int? {
        guard offset >= 0, offset + size <= bytes.count else { return nil }
        let slice = bytes[offset..<offset + size]
        let ordered = littleEndian ? Array(slice.reversed()) : Array(slice)
        return ordered.reduce(0) { $0 << 8 | Int($1) }
    }
}
