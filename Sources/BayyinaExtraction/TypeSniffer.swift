public import BayyinaCore
public import Foundation

/// The formats Bayyina reads.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case pdf, docx, xlsx, pptx, odt, ods, odp, html, email, text, markdown, csv, jpeg, png, tiff

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation"
        case .odt: "application/vnd.oasis.opendocument.text"
        case .ods: "application/vnd.oasis.opendocument.spreadsheet"
        case .odp: "application/vnd.oasis.opendocument.presentation"
        case .html: "text/html"
        case .email: "message/rfc822"
        case .text: "text/plain"
        case .markdown: "text/markdown"
        case .csv: "text/csv"
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .tiff: "image/tiff"
        }
    }

    /// File name extensions that announce this format.
    var extensions: Set<String> {
        switch self {
        case .pdf: ["pdf"]
        case .docx: ["docx", "docm", "dotx"]
        case .xlsx: ["xlsx", "xlsm"]
        case .pptx: ["pptx", "pptm"]
        case .odt: ["odt"]
        case .ods: ["ods"]
        case .odp: ["odp"]
        case .html: ["html", "htm", "xhtml"]
        case .email: ["eml", "msg"]
        case .text: ["txt", "text", "log"]
        case .markdown: ["md", "markdown"]
        case .csv: ["csv", "tsv"]
        case .jpeg: ["jpg", "jpeg", "jpe"]
        case .png: ["png"]
        case .tiff: ["tif", "tiff"]
        }
    }
}

/// The format decided from the bytes, with a warning when the file name said otherwise.
public struct SniffedType: Sendable {
    public var format: DocumentFormat
    public var warnings: [Notice]
}

/// Decides a file's real format from its bytes; the extension is only a hint.
public enum TypeSniffer {
    /// Extensions of programs and scripts, refused whatever their content.
    static let executableExtensions: Set<String> = [
        "exe", "dll", "com", "bat", "cmd", "scr", "msi", "vbs", "vbe", "js", "jse", "jar", "ps1", "sh", "apk", "app", "cpl", "lnk", "hta", "wsf",
    ]

    public static func sniff(fileAt url: URL, fileName: String, limits: ExtractionLimits) throws(BayyinaError) -> SniffedType {
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: 8192) ?? Data()
        } catch {
            throw BayyinaError(.unreadableFile, "The file cannot be read.", underlying: error)
        }
        guard !head.isEmpty else {
            throw BayyinaError(.emptyFile, "The file is empty (0 bytes); nothing was stored. Check that the upload or copy finished.")
        }
        let ext = FileNameSanitizer.fileExtension(of: fileName)
        if executableExtensions.contains(ext) {
            throw BayyinaError(.disallowedType, "Files ending in .\(ext) are programs or scripts and are not accepted as evidence.")
        }
        let format = try detect(head: head, url: url, ext: ext, limits: limits)
        var warnings: [Notice] = []
        let knownExtensions = DocumentFormat.allCases.reduce(into: Set<String>()) { $0.formUnion($1.extensions) }
        if !ext.isEmpty, !format.extensions.contains(ext), knownExtensions.contains(ext), !isTextFamily(format, ext) {
            let real = format.rawValue.uppercased()
            warnings.append(Notice(
                "extension_mismatch",
                "The file name ends in .\(ext) but its content is \(real); the extension does not match the content, so it was read as \(real).",
                arabic: "ينتهي اسم الملف بـ .\(ext) لكن محتواه \(real)؛ الامتداد لا يطابق المحتوى، فقُرئ على أنه \(real)."))
        }
        return SniffedType(format: format, warnings: warnings)
    }

    private static func isTextFamily(_ format: DocumentFormat, _ ext: String) -> Bool {
        let family: Set<DocumentFormat> = [.text, .markdown, .csv]
        return family.contains(format) && (DocumentFormat.text.extensions.union(DocumentFormat.markdown.extensions)
            .union(DocumentFormat.csv.extensions)).contains(ext)
    }

    private static func detect(head: Data, url: URL, ext: String, limits: ExtractionLimits) throws(BayyinaError) -> DocumentFormat {
        let bytes = [UInt8](head)
        if bytes.prefix(1024).starts(with: Array("%PDF-".utf8)) || containsPDFMagic(bytes) { return .pdf }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0x49, 0x49, 0x2A, 0x00]) || bytes.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return try containerFormat(url: url, ext: ext, limits: limits)
        }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw BayyinaError(.unsupportedType, "This is a legacy Office file (.doc/.xls/.ppt) or a password-protected Office file. Save it as .docx/.xlsx/.pptx without a password, or as PDF, and ingest it again.")
        }
        if let binary = binaryKind(bytes) {
            throw BayyinaError(.unsupportedType, "The content is \(binary), which is not an evidence format. Accepted: PDF, Word, Excel, PowerPoint, OpenDocument, HTML, e-mail, text, CSV, JPEG and PNG.")
        }
        return try textFormat(bytes, ext: ext)
    }

    private static func containsPDFMagic(_ bytes: [UInt8]) -> Bool {
        let magic = Array("%PDF-".utf8)
        let window = bytes.prefix(1024)
        guard window.count >= magic.count else { return false }
        return (0...(window.count - magic.count)).contains { window[$0..<$0 + magic.count].elementsEqual(magic) }
    }

    private static func binaryKind(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "a Linux program (ELF)" }
        if bytes.starts(with: [0x4D, 0x5A]) { return "a Windows program" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "a GIF image" }
        if bytes.starts(with: [0x1F, 0x8B]) { return "a gzip archive" }
        if bytes.starts(with: Array("Rar!".utf8)) { return "a RAR archive" }
        if bytes.starts(with: [0x37, 0x7A, 0xBC, 0xAF]) { return "a 7-Zip archive" }
        let hasUTF16BOM = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasUTF16BOM, TextDecoding.utf16ByteOrder(of: bytes) == nil, bytes.contains(0) { return "binary data" }
        return nil
    }

    private static func textFormat(_ bytes: [UInt8], ext: String) throws(BayyinaError) -> DocumentFormat {
        let sample = TextDecoding.decode(Data(bytes.prefix(4096))).text
        if looksLikeEmail(sample) { return .email }
        let scalars = sample.unicodeScalars.drop(while: { $0 == "\u{FEFF}" || $0.properties.isWhitespace }).prefix(1024)
        let start = String(scalars).utf8.asciiLowercased()
        func opens(_ keyword: String) -> Bool { start.starts(with: keyword.utf8) }
        func holds(_ keyword: String) -> Bool { start.firstOffset(of: keyword) != nil }
        if opens("<!doctype html") || holds("<html") || (opens("<") && (holds("<body") || holds("<head"))) {
            return .html
        }
        if opens("<?xml") || opens("<!doctype") || opens("<!entity") {
            throw BayyinaError(.unsupportedType, "XML data files are not an evidence format, and their entities are never expanded. Convert the content to PDF, a Word document or plain text and ingest that.")
        }
        if DocumentFormat.csv.extensions.contains(ext) { return .csv }
        if DocumentFormat.markdown.extensions.contains(ext) { return .markdown }
        return .text
    }

    /// Consecutive RFC 5322 header lines at the start, including one that every message has. Lines are taken one
    /// at a time, so a text that is no message is given up on at its first line.
    private static func looksLikeEmail(_ sample: String) -> Bool {
        var names: [String] = []
        var rest = sample[...]
        for _ in 0..<40 {
            let end = rest.firstIndex(where: \.isNewline) ?? rest.endIndex
            let line = rest[..<end]
            if line.isEmpty { break }
            if line.first != " " && line.first != "\t" {
                guard let colon = line.firstIndex(of: ":"), colon > line.startIndex,
                      line[..<colon].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
                else { return false }
                names.append(line[..<colon].lowercased())
            }
            guard end < rest.endIndex else { break }
            rest = rest[rest.index(after: end)...]
        }
        let required: Set<String> = ["from", "date", "subject", "mime-version", "received", "message-id"]
        return names.count >= 2 && names.filter(required.contains).count >= 2
    }

    private static func containerFormat(url: URL, ext: String, limits: ExtractionLimits) throws(BayyinaError) -> DocumentFormat {
        let container = try ZipContainer(url: url, limits: limits)
        if container.contains("mimetype"), let data = try container.read("mimetype") {
            let mimetype = String(decoding: data.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            switch mimetype {
            case DocumentFormat.odt.mediaType: return .odt
            case DocumentFormat.ods.mediaType: return .ods
            case DocumentFormat.odp.mediaType: return .odp
            default: break
            }
        }
        if container.contains("[Content_Types].xml") {
            if container.contains("word/document.xml") { return .docx }
            if container.contains("xl/workbook.xml") { return .xlsx }
            if container.contains("ppt/presentation.xml") { return .pptx }
        }
        let expected = DocumentFormat.allCases.first { $0.extensions.contains(ext) }
        if let expected, [.docx, .xlsx, .pptx, .odt, .ods, .odp].contains(expected) {
            throw BayyinaError(.malformedContainer, "The file is named .\(ext) but is not a valid \(expected.rawValue.uppercased()) file: the ZIP container has no \(expected.rawValue.hasPrefix("od") ? "OpenDocument mimetype" : "[Content_Types].xml or main part"). Open and save it again in its application.")
        }
        throw BayyinaError(.unsupportedType, "ZIP archives are not accepted as evidence; unpack the archive and ingest the files inside it.")
    }
}
