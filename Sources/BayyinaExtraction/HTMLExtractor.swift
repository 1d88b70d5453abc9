import BayyinaCore
import Foundation

/// HTML: the visible text of the page (never script, style, template or comments), `<title>` as title,
/// author and publication date from `<meta>`. The charset is taken from the BOM or `<meta>`, windows-1256 included.
struct HTMLExtractor {
    static let hiddenElements: Set<String> = ["script", "style", "template", "noscript", "head", "svg", "math", "iframe", "object"]
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "header", "footer", "nav", "aside", "main", "blockquote", "pre", "hr", "dl", "dt", "dd", "figure", "figcaption",
        "address", "form", "fieldset", "caption", "thead", "tbody", "tfoot",
    ]
    static let dateMetaNames: Set<String> = [
        "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.created", "pubdate", "publish_date",
        "datepublished", "og:published_time",
    ]

    func extract(_ data: Data) -> ExtractedContent {
        var content = ExtractedContent(mediaType: DocumentFormat.html.mediaType)
        let decoded = TextDecoding.decode(data, declaredCharset: Self.declaredCharset(in: data))
        content.warnings += decoded.warnings
        guard let page = ParsedMarkup.html(utf8: Data(decoded.text.utf8)), let root = page.root else {
            content.warnings.append(Notice("html_unparsed", "The HTML could not be parsed; no text was extracted.",
                                           arabic: "تعذّر تحليل صفحة HTML فلم يُستخرج منها نص."))
            return content
        }
        readHead(root, into: &content)
        var text = ""
        var firstHeading: String?
        root.walk(enter: { node in
            if node.isText {
                text += node.content
                return .descend
            }
            let name = node.name.lowercased()
            if Self.hiddenElements.contains(name) { return .skipChildren }
            if Self.blockElements.contains(name) { text += "\n" }
            if name == "td" || name == "th" { text += "\t" }
            if firstHeading == nil, ["h1", "h2", "h3"].contains(name) { firstHeading = TextCleanup.singleLine(node.text) }
            return .descend
        }, exit: { node in
            if node.isElement, Self.blockElements.contains(node.name.lowercased()) { text += "\n" }
        })
        content.text = TextCleanup.tidy(Self.collapseSpaces(text))
        content.headingTitle = firstHeading ?? TextCleanup.firstLine(of: content.text)
        return content
    }

    private func readHead(_ root: MarkupNode, into content: inout ExtractedContent) {
        if let title = root.first("title").flatMap({ TextCleanup.singleLine($0.text) }) {
            content.formatTitle = (title, .htmlTitle)
        }
        for meta in root.all("meta") {
            let key = (meta.attribute("name") ?? meta.attribute("property") ?? meta.attribute("itemprop") ?? "").lowercased()
            guard let value = TextCleanup.singleLine(meta.attribute("content")) else { continue }
            if key == "author" || key == "article:author", content.author == nil { content.author = value }
            if Self.dateMetaNames.contains(key), content.created == nil { content.created = value }
            if key == "keywords" { content.properties.keywords = DocumentProperties.keywords(from: value) }
            if key == "generator" { content.properties.creatorTool = value }
            if key == "article:modified_time" || key == "dcterms.modified" { content.properties.modified = value }
        }
    }

    /// Collapses the whitespace that HTML source formatting adds inside lines (spaces, tabs, no-break spaces).
    private static func collapseSpaces(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            var pendingSpace = false
            var index = 0
            while index < input.count {
                let byte = input[index]
                // U+00A0 NO-BREAK SPACE is the two bytes C2 A0.
                let noBreakSpace = byte == 0xC2 && index + 1 < input.count && input[index + 1] == 0xA0
                index += noBreakSpace ? 2 : 1
                if noBreakSpace || byte == 0x20 || byte == 0x09 || byte == 0x0D {
                    pendingSpace = true
                    continue
                }
                if byte != 0x0A, pendingSpace, let last = output.last, last != 0x0A { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The charset named by a `<meta charset>` or `<meta http-equiv content>` in the first 4 KB.
    static func declaredCharset(in data: Data) -> String? {
        let head = data.prefix(4096).asciiLowercased()
        let keyword = "charset="
        guard let found = head.firstOffset(of: keyword) else { return nil }
        let rest = head[(found + keyword.utf8.count)...].drop(while: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") || $0 == 0x20 })
        let name = rest.prefix(while: { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
        return name.isEmpty ? nil : String(decoding: name, as: UTF8.self)
    }
}
