import ArgumentParser
import BayyinaCore
import BayyinaIngest
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
                throw BayyinaError(.fileNotFound, "The plan file \(file) cannot be read.", arabic: "تعذّرت قراءة ملف الخطة \(file).")
            }
            let plan = try PlanFile.decode(data)
            let repository = try options.open()
            try repository.index.importPlan(plan)
            // Suggestions follow the plan: its titles, milestones and agencies are what documents are matched against.
            try LinkStep(index: repository.index).refreshSuggestions()
            let milestones = plan.commitments.reduce(0) { $0 + $1.milestones.count }
            if options.json {
                Output.json(PlanImportJSON(plan: plan.id, commitments: plan.commitments.count, milestones: milestones))
            } else {
                Output.line(options.ui.pick("Imported plan \(plan.id): \(plan.commitments.count) commitments, \(milestones) milestones.",
                                            "استُوردت الخطة \(plan.id): \(plan.commitments.count) التزامات و\(milestones) أنشطة."))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the commitments and milestones of the stored plan.")

        @OptionGroup var options: StoreOptions

        func run() async throws {
            guard let plan = try options.open().index.plan() else {
                throw BayyinaError(.invalidArgument, "No plan has been imported yet; run `bayyina plan import FILE`.",
                                   arabic: "لم تُستورد أي خطة بعد؛ شغّل bayyina plan import FILE.")
            }
            if options.json {
                Output.line(String(decoding: try PlanFile.encode(plan), as: UTF8.self))
                return
            }
            let ui = options.ui
            var rows: [[String]] = []
            for commitment in plan.commitments {
                rows.append([commitment.id.rawValue, "", Output.truncated(commitment.title.text(preferring: ui.rawValue) ?? "", 70)])
                for milestone in commitment.milestones {
                    rows.append([milestone.id.rawValue, milestone.status.map { Self.status($0, ui) } ?? "",
                                 Output.truncated(milestone.title.text(preferring: ui.rawValue) ?? "", 70)])
                }
            }
            Output.line(plan.title.text(preferring: ui.rawValue) ?? plan.id)
            Output.table([ui.pick("ID", "الرمز"), ui.pick("STATUS", "الحالة"), ui.pick("TITLE", "العنوان")], rows)
        }

        private static func status(_ status: MilestoneStatus, _ ui: UILanguage) -> String {
            switch status {
            case .notStarted: ui.pick("not started", "لم يبدأ")
            case .inProgress: ui.pick("in progress", "قيد التنفيذ")
            case .completed: ui.pick("completed", "مكتمل")
            }
        }
    }
}

struct PlanImportJSON: Encodable {
    var plan: String
    var commitments: Int
    var milestones: Int
}
