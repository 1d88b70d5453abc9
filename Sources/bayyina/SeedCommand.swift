import ArgumentParser
import BayyinaCore
import BayyinaListings
import BayyinaServer
import BayyinaIngest
import Foundation

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Import the bundled Jordan NAP5 plan and holiday calendar and ingest the bundled sample evidence (safe to repeat).")

    @OptionGroup var options: StoreOptions

    func run() async throws {
        guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw BayyinaError(.fileNotFound, "The bundled plan and samples are missing from this installation.",
                               arabic: "الخطة والوثائق النموذجية المرفقة غير موجودة في هذا التثبيت.")
        }
        let repository = try options.open()
        let plan = try PlanFile.decode(try Data(contentsOf: resources.appendingPathComponent("plans/jordan-nap5-2021-2025.json")))
        try repository.index.importPlan(plan)
        try repository.index.importHolidays(try HolidayFile.read(resources.appendingPathComponent("calendars/jordan-holidays.json").path))
        let samples = try FileManager.default.contentsOfDirectory(
            at: resources.appendingPathComponent("samples"), includingPropertiesForKeys: nil).sorted { $0.path < $1.path }
        let commitments = plan.commitments.map(\.id)
        var outcomes: [IngestOutcome] = []
        await repository.pipeline.ingest(samples.map { IngestRequest(source: $0, folder: "samples", commitments: commitments) }) {
            outcomes.append($0)
        }
        if options.json {
            for outcome in outcomes { Output.json(IngestLineJSON(outcome)) }
            return
        }
        Output.line(options.ui.pick("Plan \(plan.id): \(plan.commitments.count) commitments.", "الخطة \(plan.id): \(plan.commitments.count) التزامات."))
        for outcome in outcomes { Output.line(IngestCommand.describe(outcome, in: options.ui)) }
        if outcomes.contains(where: { $0.status == .rejected }) { throw ExitCode(1) }
    }
}
