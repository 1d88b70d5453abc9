import Foundation
import Testing

/// The README documents every command and configuration key.
@Suite struct DocumentationTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func readmeDocumentsEveryCommandAndSetting() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let help = try CLIRunner().run("--help").output
        let commands = (help.components(separatedBy: "SUBCOMMANDS:").last ?? "").split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.contains("See '") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(commands.count >= 8)
        for command in commands {
            #expect(readme.contains("bayyina \(command)"), "README does not document `bayyina \(command)`")
        }
        for key in ["BAYYINA_STORE", "--store", "make run", "make test", "--json", "--audience", "--classification"] {
            #expect(readme.contains(key), "README does not mention \(key)")
        }
    }
}
