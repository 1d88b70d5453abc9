import ArgumentParser
import BayyinaCore
import BayyinaIngest
import BayyinaListings
import Foundation

struct SuggestionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggestions", abstract: "Review the links Bayyina proposes from the text of each document.",
        subcommands: [ListSuggestionsCommand.self, AcceptSuggestionCommand.self, RejectSuggestionCommand.self, RefreshSuggestionsCommand.self],
        defaultSubcommand: ListSuggestionsCommand.self)
}

struct ListSuggestionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Open suggestions whose target is not linked yet, surest first.")

    @OptionGroup var options: StoreOptions
    @Option(name: .customLong("min-confidence"), help: "Only suggestions at least this sure (0 to 1, default 0.5).")
    var minConfidence = 0.5
    @Option(help: "Only the suggestions of this document (its sha256).") var document: String?

    func validate() throws {
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence is between 0 and 1.") }
    }

    func run() async throws {
        let repository = try options.open()
        let suggestions = try repository.index.openSuggestions(minimumConfidence: minConfidence, document: try document.map(contentHash))
        SuggestionOutput.print(suggestions, options: options)
    }
}

struct AcceptSuggestionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept", abstract: "Accept a suggestion: the document is linked, recorded as suggested then accepted.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The suggestion's id.") var id: Int64

    func run() async throws { try SuggestionOutput.decide(id, accept: true, by: actor.actor, options: options) }
}

struct RejectSuggestionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a suggestion; it is not proposed again for that document.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var actor: ActorOptions
    @Argument(help: "The suggestion's id.") var id: Int64

    func run() async throws { try SuggestionOutput.decide(id, accept: false, by: actor.actor, options: options) }
}

struct RefreshSuggestionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refresh",
        abstract: "Fingerprint documents not yet seen, then propose links anew for every document (after a plan import or once the corpus has grown).")

    @OptionGroup var options: StoreOptions

    func run() async throws {
        let repository = try options.open()
        let step = LinkStep(index: repository.index)
        let fingerprinted = try step.run()
        let read = try step.refreshSuggestions()
        Output.line(options.ui.pick("\(fingerprinted) documents fingerprinted, suggestions refreshed for \(read).",
                                    "بُصمت \(fingerprinted) وثيقة، وحُدّثت الاقتراحات لـ \(read)."))
    }
}

/// Prints suggestions as JSON (`suggestions.schema.json`) or as a table.
enum SuggestionOutput {
    /// A suggestion's state in the language of the table.
    static func stateLabel(_ state: SuggestionState, _ ui: UILanguage) -> String {
        switch state {
        case .open: ui.pick("open", "مفتوح")
        case .accepted: ui.pick("accepted", "مقبول")
        case .rejected: ui.pick("rejected", "مرفوض")
        }
    }

    /// Accepts or rejects a suggestion and prints it as decided.
    static func decide(_ id: Int64, accept: Bool, by actor: String, options: StoreOptions) throws {
        let index = try options.open().index
        print([accept ? try index.acceptSuggestion(id, by: actor) : try index.rejectSuggestion(id, by: actor)], options: options)
    }

    static func print(_ suggestions: [StoredSuggestion], options: StoreOptions) {
        let ui = options.ui
        if options.json {
            Output.json(SuggestionListJSON(suggestions, language: ui))
            return
        }
        guard !suggestions.isEmpty else {
            Output.line(ui.pick("No open suggestions.", "لا اقتراحات مفتوحة."))
            return
        }
        Output.table(
            [ui.pick("id", "الرقم"), ui.pick("document", "الوثيقة"), ui.pick("target", "الهدف"), ui.pick("confidence", "الثقة"),
             ui.pick("state", "الحالة"), ui.pick("reason", "السبب")],
            suggestions.map { stored in
                [String(stored.id), String(stored.sha256.hex.prefix(12)) + " " + Output.truncated(stored.documentTitle, 40),
                 stored.suggestion.target.rawValue, String(format: "%.2f", stored.suggestion.confidence), stateLabel(stored.state, ui),
                 Output.truncated((ui == .ar ? stored.suggestion.reason.ar : stored.suggestion.reason.en) ?? "", 80)]
            })
    }
}
