import BayyinaCore
import Foundation

/// Document properties shared by OOXML (`docProps/core.xml`) and ODF (`meta.xml`).
struct OfficeProperties {
    var title: String?
    var author: String?
    var created: String?

    /// Reads `docProps/core.xml` of an OOXML package.
    static func ooxml(_ container: ZipContainer) throws(BayyinaError) -> OfficeProperties {
        guard let data = try container.read("docProps/core.xml"), let root = try ParsedMarkup.xml(data, part: "docProps/core.xml").root
        else { return OfficeProperties() }
        return OfficeProperties(
            title: root.first("title").flatMap { TextCleanup.singleLine($0.text) },
            author: root.first("creator").flatMap { TextCleanup.singleLine($0.text) },
            created: root.first("created").flatMap { TextCleanup.singleLine($0.text) })
    }

    /// Reads `meta.xml` of an OpenDocument package.
    static func openDocument(_ container: ZipContainer) throws(BayyinaError) -> OfficeProperties {
        guard let data = try container.read("meta.xml"), let root = try ParsedMarkup.xml(data, part: "meta.xml").root
        else { return OfficeProperties() }
        let author = root.first("initial-creator") ?? root.first("creator")
        return OfficeProperties(
            title: root.first("title").flatMap { TextCleanup.singleLine($0.text) },
            author: author.flatMap { TextCleanup.singleLine($0.text) },
            created: root.first("creation-date").flatMap { TextCleanup.singleLine($0.text) })
    }

    func apply(to content: inout ExtractedContent) {
        content.metadataTitle = title
        content.author = author
        content.created = created
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
