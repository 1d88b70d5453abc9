import BayyinaCore
import Foundation

/// ODT, ODS and ODP: paragraphs and headings of the body in order (tables, frames, notes, comments,
/// sheet names, slides and their notes), then the headers and footers of the master pages.
struct OpenDocumentExtractor {
    let format: DocumentFormat
    let limits: ExtractionLimits

    func extract(_ url: URL) throws(BayyinaError) -> ExtractedContent {
        let container = try ZipContainer(url: url, limits: limits)
        var content = ExtractedContent(mediaType: format.mediaType)
        try OfficeProperties.openDocument(container).apply(to: &content)
        guard let body = try container.read("content.xml"), let root = try ParsedMarkup.xml(body, part: "content.xml").root else {
            throw BayyinaError(.malformedContainer, "The OpenDocument file has no content.xml; it is damaged.")
        }
        let bodyParagraphs = Self.paragraphs(of: root)
        content.headingTitle = bodyParagraphs.first { TextCleanup.singleLine($0) != nil }
        if format == .odp { content.pages = root.all("page").count }
        var sections = [bodyParagraphs.joined(separator: "\n")]
        if let styles = try container.read("styles.xml"), let stylesRoot = try ParsedMarkup.xml(styles, part: "styles.xml").root,
           let masters = stylesRoot.first("master-styles") {
            sections.append(Self.paragraphs(of: masters).joined(separator: "\n"))
        }
        content.text = TextCleanup.tidy(sections.filter { !$0.isEmpty }.joined(separator: "\n\n"))
        return content
    }

    static func paragraphs(of root: MarkupNode) -> [String] {
        var paragraphs: [String] = []
        var current = ""
        var depth = 0
        root.walk(enter: { node in
            guard node.isElement else {
                if depth > 0, node.isText { current += node.content }
                return .descend
            }
            switch node.name {
            case "tracked-changes", "note-citation", "sequence-decls", "creator", "date", "forms", "script":
                return .skipChildren
            case "table" where node.namespacePrefix == "table" && depth == 0:
                if let name = node.attribute("name"), !name.isEmpty { paragraphs.append(name) }
            case "p", "h":
                depth += 1
                if depth > 1 { current += "\n" }
            case "s":
                current += String(repeating: " ", count: max(1, Int(node.attribute("c") ?? "1") ?? 1))
            case "tab": current += "\t"
            case "line-break": current += "\n"
            default: break
            }
            return .descend
        }, exit: { node in
            guard node.isElement, node.name == "p" || node.name == "h" else { return }
            depth -= 1
            if depth == 0 {
                paragraphs.append(current)
                current = ""
            }
        })
        return paragraphs
    }
}
