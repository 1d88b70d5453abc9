import BayyinaCore
import Foundation

/// The fields of an XMP packet (Dublin Core, XMP basic, Adobe PDF schemas) that Bayyina uses.
struct XMPMetadata {
    var title: String?
    var creator: String?
    var description: String?
    var keywords: [String] = []
    var created: String?
    var modified: String?
    var creatorTool: String?

    init() {}

    /// Parses an XMP packet; a DOCTYPE is refused like in any other metadata part.
    init(_ data: Data) throws(BayyinaError) {
        guard let root = try ParsedMarkup.xml(data, part: "XMP metadata").root else { return }
        title = Self.firstItem(root, "title")
        creator = Self.firstItem(root, "creator")
        description = Self.firstItem(root, "description")
        keywords = root.first("subject").map { $0.all("li").compactMap { TextCleanup.singleLine($0.text) } } ?? []
        if keywords.isEmpty { keywords = DocumentProperties.keywords(from: Self.value(root, "Keywords")) }
        created = Self.value(root, "CreateDate")
        modified = Self.value(root, "ModifyDate")
        creatorTool = Self.value(root, "CreatorTool")
    }

    /// The first `rdf:li` of a container property (`dc:title` → rdf:Alt), or its text.
    private static func firstItem(_ root: MarkupNode, _ name: String) -> String? {
        guard let node = root.first(name) else { return nil }
        return TextCleanup.singleLine(node.first("li")?.text ?? node.text)
    }

    /// A simple property, written as an element or as an attribute of `rdf:Description`.
    private static func value(_ root: MarkupNode, _ name: String) -> String? {
        if let node = root.first(name) { return TextCleanup.singleLine(node.text) }
        for description in root.all("Description") {
            if let value = description.attribute(name) { return TextCleanup.singleLine(value) }
        }
        return nil
    }
}

extension Array {
    /// The array, or nil when it is empty.
    var nonEmpty: [Element]? { isEmpty ? nil : self }
}
