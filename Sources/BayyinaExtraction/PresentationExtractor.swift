import BayyinaCore
import Foundation

/// PPTX: slides in presentation order, each followed by its speaker notes; the page count is the slide count.
struct PresentationExtractor {
    let limits: ExtractionLimits

    func extract(_ url: URL) throws(BayyinaError) -> ExtractedContent {
        let container = try ZipContainer(url: url, limits: limits)
        var content = ExtractedContent(mediaType: DocumentFormat.pptx.mediaType)
        try OfficeProperties.ooxml(container).apply(to: &content)
        guard let presentationData = try container.read("ppt/presentation.xml"),
              let presentation = try ParsedMarkup.xml(presentationData, part: "ppt/presentation.xml").root
        else { throw BayyinaError(.malformedContainer, "The PowerPoint file has no ppt/presentation.xml; it is damaged.") }
        let relationships = try Relationships.of("ppt/presentation.xml", in: container)
        let slideParts = presentation.all("sldId").compactMap { $0.attribute("id", prefix: "r").flatMap { relationships.targets[$0] } }
        var sections: [String] = []
        for part in slideParts {
            guard let data = try container.read(part), let slide = try ParsedMarkup.xml(data, part: part).root else { continue }
            if content.headingTitle == nil { content.headingTitle = Self.title(of: slide) }
            var section = Self.paragraphs(of: slide).joined(separator: "\n")
            let slideRelationships = try Relationships.of(part, in: container)
            for notesPart in slideRelationships.typed.filter({ $0.type.hasSuffix("/notesSlide") }).map(\.target) {
                guard let notesData = try container.read(notesPart),
                      let notes = try ParsedMarkup.xml(notesData, part: notesPart).root else { continue }
                let noteText = Self.paragraphs(of: notes, skippingPlaceholders: ["sldNum", "sldImg", "hdr", "ftr", "dt"])
                    .joined(separator: "\n")
                if !noteText.isEmpty { section += "\n" + noteText }
            }
            sections.append(section)
        }
        content.pages = slideParts.count
        content.text = TextCleanup.tidy(sections.joined(separator: "\n\n"))
        return content
    }

    /// The text of the slide's title placeholder, if it has one.
    static func title(of slide: MarkupNode) -> String? {
        for shape in slide.all("sp") {
            guard let placeholder = shape.first("ph"), ["title", "ctrTitle"].contains(placeholder.attribute("type") ?? "")
            else { continue }
            let text = paragraphs(of: shape).joined(separator: " ")
            if let line = TextCleanup.singleLine(text) { return line }
        }
        return nil
    }

    static func paragraphs(of node: MarkupNode, skippingPlaceholders skipped: Set<String> = []) -> [String] {
        var paragraphs: [String] = []
        node.walk(enter: { child in
            guard child.isElement else { return .descend }
            if child.name == "sp", !skipped.isEmpty, let type = child.first("ph")?.attribute("type"), skipped.contains(type) {
                return .skipChildren
            }
            if child.name == "p", child.namespacePrefix == "a" {
                var line = ""
                child.walk(enter: { run in
                    guard run.isElement else { return .descend }
                    if run.name == "t" { line += run.text; return .skipChildren }
                    if run.name == "br" { line += "\n" }
                    return .descend
                })
                paragraphs.append(line)
                return .skipChildren
            }
            return .descend
        })
        return paragraphs
    }
}
