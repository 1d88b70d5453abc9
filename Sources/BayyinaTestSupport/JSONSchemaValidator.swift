public import Foundation

/// A parsed JSON value that keeps booleans apart from numbers.
public indirect enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var string: String? { if case .string(let value) = self { value } else { nil } }
    public var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    public var number: Double? { if case .number(let value) = self { value } else { nil } }
    public var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
}

/// Checks JSON against the subset of JSON Schema (2020-12) that `Schemas/json` uses: `type` (one or a list),
/// `properties`, `required`, `additionalProperties` (false or a schema), `items`, `oneOf`, `enum`, `const`, `pattern`,
/// `minimum`, `minLength`, `$ref` to `#/$defs/…`. Returns every violation with its JSON path; empty means valid.
public struct JSONSchemaValidator {
    private let root: JSONValue

    public init(schema: Data) throws {
        root = try JSONValue.parse(schema)
    }

    public func violations(of document: Data) throws -> [String] {
        var found: [String] = []
        check(try JSONValue.parse(document), against: root, path: "$", into: &found)
        return found
    }

    private func check(_ value: JSONValue, against schema: JSONValue, path: String, into found: inout [String]) {
        if let reference = schema["$ref"]?.string {
            guard let target = root["$defs"]?[reference.replacingOccurrences(of: "#/$defs/", with: "")] else {
                found.append("\(path): unresolved \(reference)")
                return
            }
            check(value, against: target, path: path, into: &found)
            return
        }
        if let types = schema["type"] {
            let allowed = types.array?.compactMap(\.string) ?? [types.string ?? ""]
            guard allowed.contains(where: { Self.matches(value, type: $0) }) else {
                found.append("\(path): expected \(allowed.joined(separator: " or ")), found \(value)")
                return
            }
        }
        if let alternatives = schema["oneOf"]?.array {
            let matching = alternatives.filter { alternative in
                var nested: [String] = []
                check(value, against: alternative, path: path, into: &nested)
                return nested.isEmpty
            }
            if matching.count != 1 { found.append("\(path): matches \(matching.count) of the oneOf alternatives, not exactly one") }
        }
        if let options = schema["enum"]?.array, !options.contains(value) {
            found.append("\(path): \(value) is not one of the allowed values")
        }
        if let constant = schema["const"], constant != value {
            found.append("\(path): must be \(constant)")
        }
        if case .string(let text) = value {
            if let pattern = schema["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil {
                found.append("\(path): '\(text.prefix(80))' does not match \(pattern)")
            }
            if let minimum = schema["minLength"]?.number, Double(text.count) < minimum {
                found.append("\(path): shorter than \(Int(minimum))")
            }
        }
        if case .number(let number) = value, let minimum = schema["minimum"]?.number, number < minimum {
            found.append("\(path): \(number) is below \(minimum)")
        }
        if case .object(let object) = value {
            for case .string(let key) in schema["required"]?.array ?? [] where object[key] == nil {
                found.append("\(path): missing required '\(key)'")
            }
            for (key, item) in object.sorted(by: { $0.key < $1.key }) {
                if let property = schema["properties"]?[key] {
                    check(item, against: property, path: "\(path).\(key)", into: &found)
                } else if let additional = schema["additionalProperties"] {
                    if additional == .bool(false) {
                        found.append("\(path): unexpected property '\(key)'")
                    } else if case .object = additional {
                        check(item, against: additional, path: "\(path).\(key)", into: &found)
                    }
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() { check(item, against: itemSchema, path: "\(path)[\(index)]", into: &found) }
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object):
            return true
        case ("integer", .number(let number)):
            return number == number.rounded()
        default:
            return false
        }
    }
}
