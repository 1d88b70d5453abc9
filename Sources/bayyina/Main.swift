import ArgumentParser
import BayyinaCore
import Foundation

/// The command-line interface: thin commands over the libraries. Exit status 0 on success, 1 when some input
/// was rejected or the store is inconsistent, 2 for usage errors (bad arguments, unknown ids, malformed queries).
@main
struct Bayyina: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bayyina",
        abstract: "Evidence repository for Open Government Partnership action plans (بيّنة).",
        subcommands: [SeedCommand.self, PlanCommand.self, IngestCommand.self, SearchCommand.self, ShowCommand.self, LinkCommand.self,
                      UnlinkCommand.self, AuditCommand.self, BackupCommand.self, RestoreCommand.self, ClassifyCommand.self, SchemeCommand.self, DescribeCommand.self, ListingCommand.self, RequestCommand.self,
                      DisclosureLogCommand.self,
                      ReportCommand.self, ExportCommand.self, VerifyCommand.self, ReextractCommand.self, ServeCommand.self, TokenCommand.self, SuggestionsCommand.self])

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as BayyinaError {
            Output.report(error)
            Foundation.exit(error.isUsageError ? 2 : 1)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
