internal import CLibXML2
import BayyinaCore
import Foundation

/// A parsed XML or HTML document (libxml2), freed when released. Never loads DTDs or external entities.
final class ParsedMarkup {
    private let document: xmlDocPtr

    private init(_ document: xmlDocPtr) { self.document = document }
    deinit { xmlFreeDoc(document) }

    /// Parses a part of an Office or OpenDocument container; any DOCTYPE is refused, since such parts never have one.
    static func xml(_ data: Data, part: String) throws(BayyinaError) -> ParsedMarkup {
        if containsDoctype(data) {
            throw BayyinaError(.forbiddenDoctype, "\(part) declares a DOCTYPE, which Office and OpenDocument files never do; the file may be an entity-expansion or external-entity attack and was refused.")
        }
        bayyina_xml_harden()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        let parsed = data.withUnsafeBytes { buffer in
            xmlReadMemory(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), part, "UTF-8", options)
        }
        guard let parsed else {
            throw BayyinaError(.malformedContainer, "\(part) is not well-formed XML; the file is damaged. Save it again from its application.")
        }
        return ParsedMarkup(parsed)
    }

    /// Parses HTML already decoded to UTF-8; libxml2 recovers from errors as browsers do.
    static func html(utf8 data: Data) -> ParsedMarkup? {
        bayyina_xml_harden()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let parsed = data.withUnsafeBytes { buffer in
            htmlReadMemory(buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count), nil, "UTF-8", options)
        }
        return parsed.map(ParsedMarkup.init)
    }

    var root: MarkupNode? { xmlDocGetRootElement(document).map { MarkupNode($0, owner: self) } }

    private static func containsDoctype(_ data: Data) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        return data.withUnsafeBytes { buffer -> Bool in
            let bytes = buffer.bindMemory(to: UInt8.self)
            guard bytes.count >= needle.count else { return false }
            var index = 0
            while index <= bytes.count - needle.count {
                if bytes[index] == 0x3C, bytes[index + 1] == 0x21 {
                    var matched = true
                    for offset in 2..<needle.count where bytes[index + offset] & 0xDF != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
                index += 1
            }
            return false
        }
    }
}

/// What a walker does after entering a node.
enum WalkStep {
    case descend
    case skipChildren
}

/// An element or text node of a ``ParsedMarkup``; it keeps its document alive.
struct MarkupNode {
    fileprivate let pointer: xmlNodePtr
    private let owner: ParsedMarkup

    fileprivate init(_ pointer: xmlNodePtr, owner: ParsedMarkup) {
        self.pointer = pointer
        self.owner = owner
    }

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The local name (without prefix), as written; HTML names are lower case already.
    var name: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }

    var namespacePrefix: String? {
        pointer.pointee.ns?.pointee.prefix.map { String(cString: $0) }
    }

    /// Text content of a text node.
    var content: String { pointer.pointee.content.map { String(cString: $0) } ?? "" }

    /// The value of an attribute matched by local name, and by namespace prefix when one is given.
    func attribute(_ localName: String, prefix: String? = nil) -> String? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let attributePrefix = current.pointee.ns?.pointee.prefix.map { String(cString: $0) }
            if let name = current.pointee.name, String(cString: name) == localName, prefix == nil || attributePrefix == prefix {
                guard let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self))
                else { return nil }
                defer { bayyina_xml_free(value) }
                return String(cString: value)
            }
            attribute = current.pointee.next
        }
        return nil
    }

    var children: [MarkupNode] {
        var result: [MarkupNode] = []
        var child = pointer.pointee.children
        while let current = child {
            result.append(MarkupNode(current, owner: owner))
            child = current.pointee.next
        }
        return result
    }

    /// All text below this node, in document order.
    var text: String {
        var result = ""
        walk(enter: { node in
            if node.isText { result += node.content }
            return .descend
        })
        return result
    }

    /// The first element below (or at) this node with the local name.
    func first(_ localName: String) -> MarkupNode? {
        var found: MarkupNode?
        walk(enter: { node in
            if found != nil { return .skipChildren }
            if node.isElement, node.name == localName { found = node; return .skipChildren }
            return .descend
        })
        return found
    }

    /// Every element below (or at) this node with the local name, in document order.
    func all(_ localName: String) -> [MarkupNode] {
        var found: [MarkupNode] = []
        walk(enter: { node in
            if node.isElement, node.name == localName { found.append(node) }
            return .descend
        })
        return found
    }

    /// Visits this node and its descendants depth-first without recursion; entity references are never entered.
    func walk(enter: (MarkupNode) -> WalkStep, exit: (MarkupNode) -> Void = { _ in }) {
        var stack: [(node: xmlNodePtr, entered: Bool)] = [(pointer, false)]
        while let (node, entered) = stack.popLast() {
            let wrapped = MarkupNode(node, owner: owner)
            if entered {
                exit(wrapped)
                continue
            }
            let type = node.pointee.type
            guard type == XML_ELEMENT_NODE || type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE else { continue }
            let step = enter(wrapped)
            stack.append((node, true))
            guard step == .descend, type == XML_ELEMENT_NODE else { continue }
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            for child in children.reversed() { stack.append((child, false)) }
        }
    }
}
