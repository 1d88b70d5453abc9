import ArgumentParser
import BayyinaCore
import BayyinaListings
import Foundation

struct ListingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listing", abstract: "The access-to-information listing of every document the audience may see.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    @OptionGroup var options: StoreOptions
    @Option(help: "public (the default) lists public documents only; internal lists all.") var audience: Audience = .public
    @Option(help: "table, json or csv.") var format: Format = .table

    func run() async throws {
        let listing = try Listing(index: try options.open().index, audience: audience)
        switch options.json ? .json : format {
        case .json: Output.line(String(decoding: try listing.json(), as: UTF8.self))
        case .csv: FileHandle.standardOutput.write(Data(listing.csv().utf8))
        case .table:
            let ui = options.ui
            Output.table([ui.pick("SHA256", "البصمة"), ui.pick("TITLE", "العنوان"), ui.pick("CREATED", "التاريخ"), ui.pick("LINKS", "الارتباطات")],
                         listing.entries.map { entry in
                [String(entry.sha256.prefix(12)), Output.truncated(entry.title, 60), String((entry.created ?? "").prefix(10)),
                 (entry.commitments + entry.milestones).joined(separator: ",")]
            })
            Output.line(ui.pick("\(listing.entries.count) documents", "عدد الوثائق: \(listing.entries.count)"))
        }
    }
}
