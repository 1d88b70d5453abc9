import ArgumentParser
import BayyinaCore
import BayyinaListings
import Foundation

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports on the repository.", subcommands: [CompletenessCommand.self])
}

struct CompletenessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "completeness",
        abstract: "Evidence count, latest evidence, flags and a suggested IRM completion level per commitment and milestone.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, html, csv, json }

    @OptionGroup var options: StoreOptions
    @Option(help: "public (the default) counts public documents only; internal counts every document.") var audience: Audience = .public
    @Option(name: .customLong("as-of"), help: "The day the report is for (YYYY-MM-DD; default: today).") var asOf: CalendarDate?
    @Option(help: "table, html, csv or json.") var format: Format = .table
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run() async throws {
        let report = try CompletenessReport(index: try options.open().index, audience: audience, asOf: asOf, clock: try options.clock)
        switch options.json ? .json : format {
        case .json: try Output.write(try report.json() + Data("\n".utf8), to: output)
        case .csv: try Output.write(Data(report.csv().utf8), to: output)
        case .html: try Output.write(Data(try report.html().utf8), to: output)
        case .table:
            let ui = options.ui
            var rows: [[String]] = []
            for commitment in report.commitments {
                rows.append(row(commitment.id, nil, commitment.evidenceCount, commitment.latestEvidenceDate, commitment.flags,
                                commitment.suggested, ui))
                rows += commitment.milestones.map {
                    row("  " + $0.id, $0.reportedStatus, $0.evidenceCount, $0.latestEvidenceDate, $0.flags, $0.suggested, ui)
                }
            }
            let text = Output.tableText([ui.pick("ID", "الرمز"), ui.pick("REPORTED", "المبلغ عنه"), ui.pick("EVIDENCE", "الأدلة"),
                                         ui.pick("LATEST", "الأحدث"), ui.pick("SUGGESTED", "المقترح"), ui.pick("FLAGS", "ملاحظات")], rows)
            try Output.write(Data((text + ui.pick("as of ", "حتى ") + report.asOf.description + "\n").utf8), to: output)
        }
    }

    private func row(
        _ id: String, _ status: String?, _ count: Int, _ latest: String?, _ flags: [CompletenessReport.Flag],
        _ suggested: CompletenessReport.Suggestion, _ ui: UILanguage
    ) -> [String] {
        [id, status ?? "", String(count), latest ?? "—", suggested.level.label(ui), flags.map { $0.label(ui) }.joined(separator: "; ")]
    }
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Evidence packs.", subcommands: [BagCommand.self])
}

struct BagCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bag",
        abstract: "Write an IRM evidence pack: a BagIt 1.0 bag of the originals, with the listing as CSV, JSON and HTML.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var register: RegisterOptions
    @Option(help: "Only the documents of this commitment (C1 …).") var commitment: String?
    @Option(help: "The new (or empty) folder to write the bag to.") var out: String
    @Option(help: "Source-Organization of bag-info.txt (default: $BAYYINA_ORGANIZATION, else the plan's country and title).")
    var organization: String?

    func run() async throws {
        let repository = try options.open()
        let filter = ListingFilter(commitment: try LinkOptions.commitmentIDs(commitment.map { [$0] } ?? []).first)
        if let commitment = filter.commitment { try repository.index.validateLinks(commitments: [commitment], milestones: []) }
        let clock = try options.clock
        let listing = try Listing(index: repository.index, audience: register.audience, filter: filter,
                                  baseURL: register.resolvedBaseURL, clock: clock)
        let plan = try repository.index.plan()
        let source = organization ?? ProcessInfo.processInfo.environment["BAYYINA_ORGANIZATION"].flatMap { $0.isEmpty ? nil : $0 }
            ?? [plan?.country, plan?.title.en ?? plan?.title.ar].compactMap { $0 }.joined(separator: " — ")
        let pack = EvidencePack(listing: listing, organization: source.isEmpty ? "Bayyina evidence repository" : source)
        let summary = try pack.write(to: URL(fileURLWithPath: out).standardizedFileURL, original: repository.blobs.url(for:), clock: clock)
        if options.json {
            Output.json(summary)
            return
        }
        Output.line(options.ui.pick(
            "Wrote \(summary.path): \(summary.documents) documents (\(summary.payloadBytes) bytes), \(summary.listed) listed.",
            "كُتبت الحزمة \(summary.path): \(summary.documents) وثيقة (\(summary.payloadBytes) بايت)، و\(summary.listed) في السجل."))
    }
}
