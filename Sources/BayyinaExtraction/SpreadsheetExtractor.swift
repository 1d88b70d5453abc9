import BayyinaCore
import Foundation

/// XLSX: every sheet in workbook order, its name first, then its rows with cells separated by tabs.
struct SpreadsheetExtractor {
    let limits: ExtractionLimits

    func extract(_ url: URL) throws(BayyinaError) -> ExtractedContent {
        let container = try ZipContainer(url: url, limits: limits)
        var content = ExtractedContent(mediaType: DocumentFormat.xlsx.mediaType)
        try OfficeProperties.ooxml(container).apply(to: &content)
        guard let workbookData = try container.read("xl/workbook.xml"),
              let workbook = try ParsedMarkup.xml(workbookData, part: "xl/workbook.xml").root
        else { throw BayyinaError(.malformedContainer, "The Excel file has no xl/workbook.xml; it is damaged.") }
        let sharedStrings = try readSharedStrings(container)
        let relationships = try Relationships.of("xl/workbook.xml", in: container)
        var sections: [String] = []
        for sheet in workbook.all("sheet") {
            let name = sheet.attribute("name") ?? ""
            guard let id = sheet.attribute("id", prefix: "r"), let part = relationships.targets[id], let data = try container.read(part)
            else { continue }
            let rows = try Self.rows(of: data, part: part, sharedStrings: sharedStrings)
            if content.headingTitle == nil {
                content.headingTitle = rows.lazy.flatMap { $0 }.first { TextCleanup.singleLine($0) != nil }
            }
            let body = rows.map { $0.joined(separator: "\t") }.filter { !$0.isEmpty }.joined(separator: "\n")
            sections.append(name.isEmpty ? body : name + "\n" + body)
        }
        content.text = TextCleanup.tidy(sections.joined(separator: "\n\n"))
        return content
    }

    private func readSharedStrings(_ container: ZipContainer) throws(BayyinaError) -> [String] {
        guard let data = try container.read("xl/sharedStrings.xml"),
              let root = try ParsedMarkup.xml(data, part: "xl/sharedStrings.xml").root
        else { return [] }
        return root.children.filter { $0.isElement && $0.name == "si" }.map(Self.richText)
    }

    /// The visible text of a rich-text run container (`si`, `is`), without phonetic guides.
    static func richText(_ node: MarkupNode) -> String {
        var text = ""
        node.walk(enter: { child in
            guard child.isElement else { return .descend }
            if child.name == "rPh" { return .skipChildren }
            if child.name == "t" { text += child.text; return .skipChildren }
            return .descend
        })
        return text
    }

    static func rows(of data: Data, part: String, sharedStrings: [String]) throws(BayyinaError) -> [[String]] {
        guard let root = try ParsedMarkup.xml(data, part: part).root, let sheetData = root.first("sheetData") else { return [] }
        return sheetData.children.filter { $0.isElement && $0.name == "row" }.map { row in
            row.children.filter { $0.isElement && $0.name == "c" }.compactMap { cell -> String? in
                let value = cell.children.first { $0.isElement && $0.name == "v" }?.text
                switch cell.attribute("t") {
                case "s": return value.flatMap(Int.init).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil }
                case "inlineStr": return cell.first("is").map(richText)
                case "b": return value == "1" ? "TRUE" : "FALSE"
                default: return value
                }
            }.filter { !$0.isEmpty }
        }
    }
}
