import ArgumentParser
import BayyinaCore
import Foundation

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Import or show the action plan.", subcommands: [Import.self, Show.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a plan file (plan.json format); re-importing updates it in place and keeps links.")

        @OptionGroup var options: StoreOptions
        @Argument(help: "The plan file.") var file: String

        func run() async throws {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw BayyinaError(.fileNotFound, "The plan file \(file) cannot be read.")
            }
            let plan = try PlanFile.decode(data)
            try options.open().index.importPlan(plan)
            let milestones = plan.commitments.reduce(0) { $0 + $1.milestones.count }
            if options.json {
                Output.json(PlanImportJSON(plan: plan.id, commitments: plan.commitments.count, milestones: milestones))
            } else {
                Output.line("Imported plan \(plan.id): \(plan.commitments.count) commitments, \(milestones) milestones.")
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the commitments and milestones of the stored plan.")

        @OptionGroup var options: StoreOptions

        func run() async throws {
            guard let plan = try options.open().index.plan() else {
                throw BayyinaError(.invalidArgument, "No plan has been imported yet; run `bayyina plan import FILE`.")
            }
            var rows: [[String]] = []
            for commitment in plan.commitments {
                rows.append([commitment.id.rawValue, "", Output.truncated(commitment.title.text(preferring: "en") ?? "", 70)])
                for milestone in commitment.milestones {
                    rows.append([milestone.id.rawValue, milestone.status?.rawValue ?? "", Output.truncated(milestone.title.text(preferring: "en") ?? "", 70)])
                }
            }
            Output.line(plan.title.text(preferring: "en") ?? plan.id)
            Output.table(["ID", "STATUS", "TITLE"], rows)
        }
    }
}

struct PlanImportJSON: Encodable {
    var plan: String
    var commitments: Int
    var milestones: Int
}
