import ArgumentParser
import BayyinaCore
import BayyinaIngest
import Foundation

struct SeedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Import the bundled Jordan NAP5 plan and ingest the bundled sample evidence (safe to repeat).")

    @OptionGroup var options: StoreOptions

    func run() async throws {
        guard let resources = Bundle.module.url(forResource: "Resources", withExtension: nil) else {
            throw BayyinaError(.fileNotFound, "The bundled plan and samples are missing from this installation.")
        }
        let repository = try options.open()
        let plan = try PlanFile.decode(try Data(contentsOf: resources.appendingPathComponent("plans/jordan-nap5-2021-2025.json")))
        try repository.index.importPlan(plan)
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
        Output.line("Plan \(plan.id): \(plan.commitments.count) commitments.")
        for outcome in outcomes {
            Output.line("\(outcome.status.rawValue)  \(outcome.title ?? outcome.path)\(outcome.error.map { " — \($0.message)" } ?? "")")
        }
        if outcomes.contains(where: { $0.status == .rejected }) { throw ExitCode(1) }
    }
}
