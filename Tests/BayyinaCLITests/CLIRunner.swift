import BayyinaSchemas
import BayyinaTestSupport
import Foundation
import Testing

/// Runs the built `bayyina` executable against a store in a temporary folder.
struct CLIRunner {
    struct Result {
        var status: Int32
        var output: String
        var error: String
        var lines: [String] { output.split(separator: "\n").map(String.init) }
    }

    let folder: TemporaryDirectory
    var store: URL { folder.url.appendingPathComponent("store") }

    init() throws {
        folder = try TemporaryDirectory()
    }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bayyina")
    }

    func run(_ arguments: String...) throws -> Result { try run(arguments) }

    func run(_ arguments: [String], environment overrides: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.merging(overrides) { $1 }
        environment["BAYYINA_STORE"] = store.path
        process.environment = environment
        process.currentDirectoryURL = folder.url
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      error: String(decoding: errorData, as: UTF8.self))
    }

    /// Fails the test unless the JSON text validates against `Schemas/json/<schema>.schema.json`.
    static func expectValid(_ json: String, schema: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let validator = try JSONSchemaValidator(schema: try SchemaFiles.jsonSchema(named: schema))
        let violations = try validator.violations(of: Data(json.utf8))
        #expect(violations.isEmpty, "\(schema): \(violations.joined(separator: "; "))", sourceLocation: sourceLocation)
    }
}
