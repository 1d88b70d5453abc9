import BayyinaCore
import Foundation

/// Document properties shared by OOXML (`docProps/core.xml`) and ODF (`meta.xml`).
struct OfficeProperties {
    var title: String?
    var author: String?
    var created: String?
    var properties = DocumentProperties()

    /// Reads `docProps/core.xml` and `docProps/app.xml` of an OOXML package.
    static func ooxml(_ container: ZipContainer) throws(BayyinaError) -> OfficeProperties {
        var result = OfficeProperties()
        if let data = try container.read("docProps/core.xml"), let root = try ParsedMarkup.xml(data, part: "docProps/core.xml").root {
            result.title = value(root, "title")
            result.author = value(root, "creator")
            result.created = value(root, "created")
            result.properties.subject = value(root, "subject")
            result.properties.keywords = DocumentProperties.keywords(from: value(root, "keywords"))
            result.properties.modified = value(root, "modified")
        }
        if let data = try container.read("docProps/app.xml"), let root = try ParsedMarkup.xml(data, part: "docProps/app.xml").root {
            result.properties.creatorTool = value(root, "Application")
        }
        return result
    }

    /// Reads `meta.xml` of an OpenDocument package.
    static func openDocument(_ container: ZipContainer) throws(BayyinaError) -> OfficeProperties {
        guard let data = try container.read("meta.xml"), let root = try ParsedMarkup.xml(data, part: "meta.xml").root
        else { return OfficeProperties() }
        var result = OfficeProperties()
        result.title = value(root, "title")
        result.author = value(root, "initial-creator") ?? value(root, "creator")
        result.created = value(root, "creation-date")
        result.properties.subject = value(root, "subject")
        result.properties.keywords = root.all("keyword").compactMap { TextCleanup.singleLine($0.text) }
        result.properties.modified = value(root, "date")
        result.properties.creatorTool = value(root, "generator")
        return result
    }

    private static func value(_ root: MarkupNode, _ localName: String) -> String? {
        root.first(localName).flatMap { TextCleanup.singleLine($0.text) }
    }

    func apply(to content: inout ExtractedContent) {
        content.metadataTitle = title
        content.author = author
        content.created = created
        content.properties = properties
    }
}

/// Relationship targets of an OOXML part (`_rels/*.rels`), by id.
struct Relationships {
    var targets: [String: String] = [:]
    var typed: [(type: String, target: String)] = []

    /// Reads the relationships of `part` (e.g. `ppt/presentation.xml`), resolving targets against its folder.
    static func of(_ part: String, in container: ZipContainer) throws(BayyinaError) -> Relationships {
        let folder = (part as NSString).deletingLastPathComponent
        let file = (part as NSString).lastPathComponent
        let relsPath = folder.isEmpty ? "_rels/\(file).rels" : "\(folder)/_rels/\(file).rels"
        guard let data = try container.read(relsPath), let root = try ParsedMarkup.xml(data, part: relsPath).root
        else { return Relationships() }
        var result = Relationships()
        for relation in root.all("Relationship") {
            guard let id = relation.attribute("Id"), let target = relation.attribute("Target"),
                  relation.attribute("TargetMode") != "External" else { continue }
            let resolved = resolve(target, against: folder)
            result.targets[id] = resolved
            result.typed.append((relation.attribute("Type") ?? "", resolved))
        }
        return result
    }

    private static func resolve(_ target: String, against folder: String) -> String {
        var components = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
        }
        return components.joined(separator: "/")
    }
}
