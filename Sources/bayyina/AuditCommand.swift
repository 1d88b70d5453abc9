import ArgumentParser
import BayyinaCore
import BayyinaIndex
import Foundation

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "The tamper-evident audit trail of every write, oldest first, and whether its chain holds.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var options: StoreOptions
    @Option(help: "Only the events of one entity: document:<sha256>, request:<reference>, plan:<id>, token:<id> ….") var entity: String?
    @Option(help: "table or json.") var format: Format = .table

    /// `Schemas/json/audit.schema.json`.
    struct AuditJSON: Encodable {
        var intact: Bool
        var problems: [String]
        var events: [AuditEvent]
    }

    func run() async throws {
        let index = try options.open().index
        let events = try index.auditEvents(entity: entity)
        let problems = try index.auditTrailProblems()
        if options.json || format == .json {
            Output.json(AuditJSON(intact: problems.isEmpty, problems: problems, events: events))
        } else {
            let ui = options.ui
            Output.table([ui.pick("#", "#"), ui.pick("AT", "الوقت"), ui.pick("ACTOR", "المنفّذ"), ui.pick("ACTION", "الإجراء"),
                          ui.pick("ENTITY", "الكيان"), ui.pick("HASH", "البصمة")],
                         events.map { [String($0.id), $0.at, $0.actor, $0.action, Output.truncated($0.entity, 40), String($0.hash.prefix(12))] })
            Output.line(problems.isEmpty ? ui.pick("The chain of \(events.count) events holds.", "سلسلة الأحداث (\(events.count)) سليمة.")
                                         : problems.joined(separator: "\n"))
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}
