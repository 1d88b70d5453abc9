import ArgumentParser
import BayyinaCore
import BayyinaListings
import Foundation

/// Which documents a register covers, as options shared by `listing` and `export bag`.
struct RegisterOptions: ParsableArguments {
    @Option(help: "public (the default) lists what the public may see; internal lists every document with its classification.")
    var audience: Audience = .public
    @Option(help: "Where the public pages are served, for download links (default: $BAYYINA_BASE_URL, else http://localhost:8080).")
    var baseURL: String?

    var resolvedBaseURL: String {
        configuredBaseURL(baseURL) ?? Listing.defaultBaseURL
    }
}

struct ListingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listing", abstract: "The access-to-information register of the documents the audience may see.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, html, csv, json, jsonld }

    @OptionGroup var options: StoreOptions
    @OptionGroup var register: RegisterOptions
    @Option(help: "Only documents linked to this commitment (C1 …).") var commitment: String?
    @Option(help: "Only documents linked to this milestone (C2.M3 …).") var milestone: String?
    @Option(help: "Only documents of this responsible agency (part of its Arabic or English name).") var agency: String?
    @Option(help: "Only documents of this type: \(DocumentType.allCases.map(\.rawValue).joined(separator: ", ")).") var type: DocumentType?
    @Option(help: "Only documents dated on or after this day (YYYY-MM-DD).") var from: CalendarDate?
    @Option(help: "Only documents dated on or before this day (YYYY-MM-DD).") var to: CalendarDate?
    @Option(help: "table, html, csv, json or jsonld (DCAT 3).") var format: Format = .table
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let filter = ListingFilter(
            commitment: try LinkOptions.commitmentIDs(commitment.map { [$0] } ?? []).first,
            milestone: try LinkOptions.milestoneIDs(milestone.map { [$0] } ?? []).first,
            agency: agency, type: type, from: from, to: to)
        let listing = try Listing(index: try options.open().index, audience: register.audience, filter: filter,
                                  baseURL: register.resolvedBaseURL, clock: try options.clock)
        switch options.json ? .json : format {
        case .json: try Output.write(try listing.json() + Data("\n".utf8), to: output)
        case .jsonld: try Output.write(try listing.jsonLD() + Data("\n".utf8), to: output)
        case .csv: try Output.write(Data(listing.csv().utf8), to: output)
        case .html: try Output.write(Data(try listing.html().utf8), to: output)
        case .table:
            let ui = options.ui
            var text = Output.tableText([ui.pick("REFERENCE", "المرجع"), ui.pick("SHA256", "البصمة"), ui.pick("TITLE", "العنوان"),
                                         ui.pick("DATE", "التاريخ"), ui.pick("ACCESS", "الإتاحة"), ui.pick("LINKS", "الارتباطات")],
                                        listing.entries.map { entry in
                [entry.reference, String(entry.sha256.prefix(12)), Output.truncated(entry.title, 50), entry.documentDate ?? "",
                 entry.accessStatus, (entry.commitments + entry.milestones).joined(separator: ",")]
            })
            text += ui.pick("\(listing.entries.count) documents", "عدد الوثائق: \(listing.entries.count)") + "\n"
            try Output.write(Data(text.utf8), to: output)
        }
    }
}
