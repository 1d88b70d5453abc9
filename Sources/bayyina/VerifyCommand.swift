import ArgumentParser
import BayyinaCore
import BayyinaIngest
import Foundation

struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Re-hash every original, find missing and orphaned files, and check the database.")

    @OptionGroup var options: StoreOptions
    @Flag(help: "Remove orphans and staging leftovers, quarantine corrupted originals, rebuild the full-text index.") var repair = false

    func run() async throws {
        let report = try options.open().verify(repair: repair)
        if options.json {
            Output.json(VerifyJSON(report))
        } else {
            let audit = report.audit
            Output.table(["CHECK", "RESULT"], [
                ["originals re-hashed", "\(audit.checked)"], ["corrupted", "\(audit.corrupted.count)"],
                ["orphaned", "\(audit.orphaned.count)"], ["missing", "\(audit.missing.count)"],
                ["stray files", "\(audit.strayFiles.count)"], ["staging leftovers", "\(audit.staleStagingFiles)"],
                ["database problems", "\(report.databaseProblems.count)"],
            ])
            for problem in report.databaseProblems { Output.line("database: \(problem)") }
            for hash in audit.missing { Output.line("missing original: \(hash)") }
            for hash in audit.corrupted { Output.line("corrupted original: \(hash)") }
            Output.line(report.ok ? "The store is consistent." : "The store has problems\(repair ? " that repair could not fix" : "; run `bayyina verify --repair`").")
        }
        if !report.ok { throw ExitCode(1) }
    }
}
