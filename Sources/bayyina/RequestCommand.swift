import ArgumentParser
import BayyinaCore
import BayyinaIndex
import BayyinaListings
import Foundation

struct RequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "request", abstract: "The register of access-to-information requests.",
        subcommands: [NewRequestCommand.self, ShowRequestCommand.self, AssignRequestCommand.self, ExtendRequestCommand.self, DecideRequestCommand.self,
                      ReviewRequestCommand.self, ListRequestsCommand.self, RulesCommand.self, HolidaysCommand.self])
}

/// Who is acting and when, for the request history.
struct ActorOptions: ParsableArguments {
    @Option(help: "Who is acting (default: $USER).") var by: String?

    var actor: String { by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli" }
}

/// Prints a request as JSON (`access-request.schema.json`) or as text, on the clock's day.
enum RequestOutput {
    static func print(_ request: AccessRequest, index: IndexDatabase, options: StoreOptions, notice: Bool = false) throws(BayyinaError) {
        let today = CalendarDate(try options.clock.now())
        let view = AccessRequestJSON(request, on: today, calendar: try index.workingCalendar(for: request.rules))
        if options.json {
            Output.json(view)
            return
        }
        let ui = options.ui
        if notice {
            Output.line(ReceiptNotice(request).text(ui))
            return
        }
        var lines = [
            "\(request.reference)  \(view.status)" + (view.flags.isEmpty ? "" : "  [" + view.flags.joined(separator: ", ") + "]"),
            ui.pick("received", "الاستلام") + ": \(request.received) (\(request.channel.rawValue))  " + ui.pick("due", "المهلة") + ": \(request.deadline)",
            ui.pick("applicant", "مقدّم الطلب") + ": \(request.applicant.name)" + (request.applicant.contact.map { " <\($0)>" } ?? ""),
            ui.pick("subject", "الموضوع") + ": \(request.subject)",
        ]
        if let decision = request.decision {
            lines.append(ui.pick("decision", "القرار") + ": \(decision.label(ui)) (\(request.decided?.description ?? ""))"
                         + (request.legalGround.map { " — \($0)" } ?? ""))
        }
        for event in request.history {
            lines.append("  \(event.at)  \(event.kind)  \(event.actor)  " + event.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
        }
        lines.forEach(Output.line)
    }
}

struct NewRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "File a request: prints its reference, due date and the notice of receipt.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Option(help: "The day it was received (YYYY-MM-DD; default: today).") var received: CalendarDate?
    @Option(help: "The subject in the applicant's words.") var subject: String
    @Option(help: "The applicant's name (personal data: never published).") var applicant: String
    @Option(name: .customLong("applicant-kind"), help: "natural (a person) or legal (a body).") var applicantKind: Applicant.Kind = .natural
    @Option(help: "The applicant's nationality.") var nationality: String?
    @Option(help: "The applicant's residence, or a body's seat.") var residence: String?
    @Option(help: "How to reach the applicant (personal data).") var contact: String?
    @Option(help: "written, electronic or in_person.") var channel: RequestChannel = .written
    @Option(name: .customLong("format"), help: "The format the applicant prefers (paper, electronic copy, inspection …).") var preferredFormat: String?
    @Option(help: "The competent officer.") var officer: String?

    func run() async throws {
        let clock = try options.clock
        let index = try options.open().index
        let request = try index.fileRequest(NewAccessRequest(
            received: received ?? CalendarDate(clock.now()), channel: channel,
            applicant: Applicant(kind: applicantKind, name: applicant, nationality: nationality, residence: residence, contact: contact),
            subject: subject, preferredFormat: preferredFormat, officer: officer), by: actor.actor, at: Timestamp.string(from: clock.now()))
        try RequestOutput.print(request, index: index, options: options, notice: true)
    }
}

struct ShowRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "A request with its deadline, decision and history.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The request's reference (ATI-2025-0001).") var reference: String
    @Flag(help: "Print the notice of receipt instead.") var notice = false

    func run() async throws {
        let index = try options.open().index
        guard let request = try index.request(reference) else {
            throw BayyinaError(.unknownDocument, "There is no request \(reference).", arabic: "لا يوجد طلب بالرقم \(reference).")
        }
        try RequestOutput.print(request, index: index, options: options, notice: notice)
    }
}

struct AssignRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Name the competent officer of a request.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The request's reference.") var reference: String
    @Option(help: "The competent officer.") var officer: String

    func run() async throws {
        let index = try options.open().index
        let request = try index.assignRequest(reference, officer: officer, by: actor.actor, at: Timestamp.string(from: try options.clock.now()))
        try RequestOutput.print(request, index: index, options: options)
    }
}

struct ExtendRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extend", abstract: "Extend a request's deadline once, with the reason.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The request's reference.") var reference: String
    @Option(help: "Working days to add (at most what the rules allow, 10 under the 2024 law).") var days: Int
    @Option(help: "Why more time is needed (kept in the history).") var reason: String

    func run() async throws {
        let index = try options.open().index
        let request = try index.extendRequest(reference, workingDays: days, reason: reason, by: actor.actor,
                                                             at: Timestamp.string(from: try options.clock.now()))
        try RequestOutput.print(request, index: index, options: options)
    }
}

struct DecideRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decide", abstract: "Record the decision on a request, the documents released and the fee.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The request's reference.") var reference: String
    @Option(help: "granted, partly_granted, refused, not_held or transferred.") var decision: RequestDecision
    @Option(help: "The day of the decision (default: today).") var on: CalendarDate?
    @Option(help: "The legal ground of a refusal: article and paragraph, e.g. \"ATI Law art. 13(b)\".") var ground: String?
    @Option(help: "The reasons given.") var reasons: String?
    @Option(help: "A released document's sha256 (it must be in the repository); repeat for several.") var document: [String] = []
    @Option(help: "The fee charged, in dinars (e.g. 1.500).") var fee: String?
    @Option(name: .customLong("transferred-to"), help: "The body a request was transferred to.") var transferredTo: String?

    func run() async throws {
        let clock = try options.clock
        let index = try options.open().index
        let request = try index.decideRequest(reference, RequestDecisionRecord(
            decision: decision, decided: on ?? CalendarDate(clock.now()), legalGround: ground, reasons: reasons,
            releasedDocuments: try document.map(contentHash), feeFils: try fee.map(Self.fils), transferredTo: transferredTo),
            by: actor.actor, at: Timestamp.string(from: clock.now()))
        try RequestOutput.print(request, index: index, options: options)
    }

    /// Dinars as written (`1.5`, `1.500`) in fils.
    static func fils(_ text: String) throws(BayyinaError) -> Int {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let dinars = Int(parts[0]), dinars >= 0,
              parts.count == 1 || (parts[1].count <= 3 && parts[1].allSatisfy(\.isNumber)) else {
            throw BayyinaError(.invalidArgument, "'\(text)' is not an amount in dinars such as 1.500.", arabic: "«\(text)» ليس مبلغاً بالدينار مثل 1.500.")
        }
        let fraction = parts.count == 2 ? Int(parts[1].padding(toLength: 3, withPad: "0", startingAt: 0)) ?? 0 : 0
        return dinars * 1000 + fraction
    }
}

struct ReviewRequestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review", abstract: "Record a complaint to the Information Council or a court appeal, or its outcome.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The request's reference.") var reference: String
    @Option(help: "complaint (to the Information Council) or appeal (to court).") var kind: RequestReview.Kind
    @Option(help: "The day it was filed (YYYY-MM-DD).") var filed: CalendarDate
    @Option(help: "The day it was decided, with --outcome.") var decided: CalendarDate?
    @Option(help: "upheld, partly_upheld, dismissed or withdrawn.") var outcome: RequestReview.Outcome?
    @Option(help: "Notes on the review.") var notes: String?

    func run() async throws {
        let index = try options.open().index
        let request = try index.recordReview(
            reference, RequestReview(kind: kind, filed: filed, decided: decided, outcome: outcome, notes: notes), by: actor.actor,
            at: Timestamp.string(from: try options.clock.now()))
        try RequestOutput.print(request, index: index, options: options)
    }
}

struct ListRequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The requests, the most urgent first.")

    @OptionGroup var options: StoreOptions
    @Flag(help: "Only requests past their deadline without a decision.") var overdue = false

    func run() async throws {
        let today = CalendarDate(try options.clock.now())
        let index = try options.open().index
        let requests = try index.requests().filter { !overdue || [.overdue, .deemedRefused].contains($0.status(on: today)) }
        var calendars: [String: WorkingCalendar] = [:]
        let views = try requests.map { request throws(BayyinaError) in
            if calendars[request.rules.id] == nil { calendars[request.rules.id] = try index.workingCalendar(for: request.rules) }
            return AccessRequestJSON(request, on: today, calendar: calendars[request.rules.id] ?? WorkingCalendar(workingWeekdays: [], holidays: []))
        }
        if options.json {
            Output.json(AccessRequestListJSON(asOf: today.description, requests: views))
            return
        }
        let ui = options.ui
        Output.table([ui.pick("REFERENCE", "الرقم"), ui.pick("RECEIVED", "الاستلام"), ui.pick("DUE", "المهلة"), ui.pick("STATUS", "الحالة"),
                      ui.pick("SUBJECT", "الموضوع")],
                     views.map { view in
            [view.reference, view.received, view.due, view.status, Output.truncated(Output.oneLine(view.subject), 50)]
        })
        Output.line(ui.pick("\(requests.count) requests", "عدد الطلبات: \(requests.count)"))
    }
}
