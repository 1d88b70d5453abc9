import Foundation

/// The output of `pdftotext -htmlmeta`, split into the Info dictionary (the `<title>` and `<meta>` elements of its
/// head, HTML-escaped) and the text (the `<pre>` element, written as is, form feeds between pages).
struct PDFTextPage {
    /// Info dictionary entries by name (`Title`, `Author`, `Subject`, `Keywords`, `Creator`, `Producer`,
    /// `CreationDate`, `ModDate`); empty values are left out.
    var fields: [String: String] = [:]
    var body: ArraySlice<UInt8> = []

    init(_ output: [UInt8]) {
        guard let preStart = output.firstRange(of: Array("<pre>\n".utf8)) else { return }
        let head = output[..<preStart.lowerBound]
        var text = output[preStart.upperBound...]
        if let close = Self.lastRange(of: Array("</pre>".utf8), in: text) { text = text[..<close.lowerBound] }
        body = text
        let headText = String(decoding: head, as: UTF8.self)
        if let title = Self.element(in: headText, from: "<title>", to: "</title>") { add("Title", title) }
        var rest = headText[...]
        while let meta = rest.range(of: "<meta name=\"") {
            rest = rest[meta.upperBound...]
            guard let nameEnd = rest.range(of: "\" content=\""), let valueEnd = rest.range(of: "\"/>") else { break }
            add(String(rest[..<nameEnd.lowerBound]), String(rest[nameEnd.upperBound..<valueEnd.lowerBound]))
            rest = rest[valueEnd.upperBound...]
        }
    }

    private mutating func add(_ name: String, _ escaped: String) {
        let value = Self.unescape(escaped).trimmingCharacters(in: .whitespacesAndNewlines)
        if !value.isEmpty, fields[name] == nil { fields[name] = value }
    }

    private static func element(in text: String, from open: String, to close: String) -> String? {
        guard let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// Undoes poppler's escaping of `&`, `<`, `>`, `"` and `'`.
    static func unescape(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The last occurrence of `pattern` (the standard library finds only the first).
    private static func lastRange(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Range<Int>? {
        guard bytes.count >= pattern.count else { return nil }
        for start in stride(from: bytes.endIndex - pattern.count, through: bytes.startIndex, by: -1)
        where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
            return start..<(start + pattern.count)
        }
        return nil
    }
}
