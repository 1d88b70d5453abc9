public import Foundation

/// The schema files shipped with Bayyina: `sql/` holds the numbered migrations, `json/` the JSON Schemas of
/// every document the CLI and API print. These folders are the single source of truth for both.
public enum SchemaFiles {
    /// The numbered SQL migrations, in the order they apply.
    public static func migrations() throws -> [(name: String, sql: String)] {
        try files(in: "sql", extension: "sql").map { ($0.deletingPathExtension().lastPathComponent, try String(contentsOf: $0, encoding: .utf8)) }
    }

    /// The JSON Schema with the given name (`document` reads `json/document.schema.json`).
    public static func jsonSchema(named name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: "json/\(name).schema", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "json/\(name).schema.json"])
        }
        return try Data(contentsOf: url)
    }

    /// The OpenAPI 3.1 description of the public API (`openapi.yaml`, written as JSON).
    public static func openAPIDocument() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "openapi.yaml"])
        }
        return try Data(contentsOf: url)
    }

    /// The names of every JSON Schema shipped.
    public static func jsonSchemaNames() throws -> [String] {
        try files(in: "json", extension: "json").map { $0.lastPathComponent.replacingOccurrences(of: ".schema.json", with: "") }
    }

    private static func files(in folder: String, extension fileExtension: String) throws -> [URL] {
        guard let url = Bundle.module.url(forResource: folder, withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: folder])
        }
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == fileExtension }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
