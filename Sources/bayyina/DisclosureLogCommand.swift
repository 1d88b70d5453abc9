import ArgumentParser
import BayyinaCore
import BayyinaListings
import Foundation

struct DisclosureLogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclosure-log", abstract: "The public log of answered requests, without who asked.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case html, csv, json }

    @OptionGroup var options: StoreOptions
    @Option(help: "html, csv or json.") var format: Format = .json
    @Option(help: "Where the public pages are served, for document links (default: $BAYYINA_BASE_URL).") var baseURL: String?
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let log = try DisclosureLog(index: try options.open().index, baseURL: configuredBaseURL(baseURL) ?? Listing.defaultBaseURL,
                                    clock: try options.clock)
        switch options.json ? .json : format {
        case .json: try Output.write(try log.json() + Data("\n".utf8), to: output)
        case .csv: try Output.write(Data(log.csv().utf8), to: output)
        case .html: try Output.write(Data(try log.html().utf8), to: output)
        }
    }
}
