import BayyinaCore
import Foundation

/// DOCX: body paragraphs and tables (with text boxes), then headers, footers, footnotes, endnotes and comments.
struct WordprocessingExtractor {
    let limits: ExtractionLimits

    func extract(_ url: URL) throws(BayyinaError) -> ExtractedContent {
        let container = try ZipContainer(url: url, limits: limits)
        var content = ExtractedContent(mediaType: DocumentFormat.docx.mediaType)
        try OfficeProperties.ooxml(container).apply(to: &content)
        guard let body = try container.read("word/document.xml") else {
            throw BayyinaError(.malformedContainer, "The Word file has no word/document.xml; it is damaged.")
        }
        let bodyParagraphs = try Self.paragraphs(of: body, part: "word/document.xml")
        content.headingTitle = bodyParagraphs.first { TextCleanup.singleLine($0) != nil }
        var sections = [bodyParagraphs.joined(separator: "\n")]
        let relationships = try Relationships.of("word/document.xml", in: container)
        let partKinds = ["header", "footer", "footnotes", "endnotes", "comments"]
        for kind in partKinds {
            let parts = relationships.typed.filter { $0.type.hasSuffix("/\(kind)") }.map(\.target)
            for part in parts {
                guard let data = try container.read(part) else { continue }
                sections.append(try Self.paragraphs(of: data, part: part).joined(separator: "\n"))
            }
        }
        content.text = TextCleanup.tidy(sections.filter { !$0.isEmpty }.joined(separator: "\n\n"))
        return content
    }

    /// The paragraphs of a WordprocessingML part in reading order; the fallback copy of a text box is skipped.
    static func paragraphs(of data: Data, part: String) throws(BayyinaError) -> [String] {
        guard let root = try ParsedMarkup.xml(data, part: part).root else { return [] }
        var paragraphs: [String] = []
        var current = ""
        var depth = 0
        root.walk(enter: { node in
            guard node.isElement else { return .descend }
            switch node.name {
            case "Fallback", "delText", "instrText", "rPh": return .skipChildren
            case "p":
                depth += 1
                if depth > 1 { current += "\n" }
            case "t":
                current += node.text
                return .skipChildren
            case "tab": current += "\t"
            case "br", "cr": current += "\n"
            case "noBreakHyphen": current += "-"
            default: break
            }
            return .descend
        }, exit: { node in
            guard node.isElement, node.name == "p" else { return }
            depth -= 1
            if depth == 0 {
                paragraphs.append(current)
                current = ""
            }
        })
        return paragraphs
    }
}
