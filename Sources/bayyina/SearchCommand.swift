import ArgumentParser
import BayyinaCore
import BayyinaListings
import BayyinaIndex
import Foundation

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the evidence: words must all match, \"a phrase\" matches in order, word* matches a prefix.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The query.") var text: String
    @Option(help: "Only evidence for this commitment (C1 …).") var commitment: String?
    @Option(help: "Only evidence for this milestone (C2.M3 …).") var milestone: String?
    @Option(help: "public hides every document that is not public; internal (staff) sees all.") var audience: Audience = .internal
    @Option(help: "Only public or only restricted documents.") var classification: Classification?
    @Option(help: "Only documents in ar, en or mixed.") var language: DocumentLanguage?
    @Option(name: .customLong("media-type"), help: "Only documents of this media type, e.g. application/pdf.") var mediaType: String?
    @Option(help: "Only documents created in this year.") var year: Int?
    @Option(help: "Results per page (1-100).") var limit = 20
    @Option(help: "Results to skip.") var offset = 0
    @Flag(name: .customLong("collapse-versions"), help: "One result per version group (a DOCX, its PDF, a scan): the best-ranked.")
    var collapseVersions = false

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be between 1 and 100.") }
        guard offset >= 0 else { throw ValidationError("--offset must not be negative.") }
    }

    func run() async throws {
        let repository = try options.open()
        let commitmentID = try LinkOptions.commitmentIDs(commitment.map { [$0] } ?? []).first
        let milestoneID = try LinkOptions.milestoneIDs(milestone.map { [$0] } ?? []).first
        try repository.index.validateLinks(commitments: commitmentID.map { [$0] } ?? [], milestones: milestoneID.map { [$0] } ?? [])
        let request = SearchRequest(
            query: try SearchQuery(text), audience: audience, commitment: commitmentID, milestone: milestoneID,
            classification: audience == .public && classification == .restricted ? .public : classification,
            language: language, mediaType: mediaType, year: year, limit: limit, offset: offset, collapseVersions: collapseVersions)
        let clock = ContinuousClock()
        let started = clock.now
        let page = try repository.index.search(request)
        let elapsed = started.duration(to: clock.now)
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        if options.json {
            Output.json(SearchResponseJSON(query: text, page: page, tookMs: milliseconds))
            return
        }
        let took = String(format: "%.1f", milliseconds)
        Output.line(options.ui.pick("\(page.total) result\(page.total == 1 ? "" : "s") for “\(text)” (\(took) ms)",
                                    "\(page.total) نتيجة لـ «\(text)» (\(took) ms)"))
        for (number, hit) in page.hits.enumerated() {
            let document = hit.document
            let links = (document.commitments.map(\.rawValue) + document.milestones.map(\.rawValue)).joined(separator: ", ")
            Output.line("")
            Output.line("\(offset + number + 1). \(document.title)")
            Output.line("   \(document.sha256.hex.prefix(12))  \(document.mediaType)  \(document.classification.rawValue)\(links.isEmpty ? "" : "  [\(links)]")")
            let page = hit.snippetPage.map { options.ui.pick("p. \($0): ", "ص \($0): ") } ?? ""
            Output.line("   " + page + Output.oneLine(hit.snippet.marked(start: "«", end: "»")))
        }
    }
}
