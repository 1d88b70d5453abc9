import ArgumentParser
import BayyinaCore
import BayyinaIngest
import Foundation

struct ClassifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Record a classification decision on a document, or show its record and history. Earlier decisions are kept.")

    @OptionGroup var options: StoreOptions
    @Argument(help: "The document's sha256.") var sha256: String
    @Option(help: "A level of the classification scheme (see `bayyina scheme`): public, restricted, secret, top_secret …")
    var level: String?
    @Option(help: "public, partial (the stored file is the redacted release) or withheld.") var access: AccessStatus?
    @Option(name: .customLong("legal-basis"), help: "The article of law a restriction rests on, e.g. \"ATI Law art. 13(e)\".")
    var legalBasis: String?
    @Option(name: .customLong("review-date"), help: "When the restriction is to be reviewed (YYYY-MM-DD); \"\" clears it.")
    var reviewDate: String?
    @Flag(help: "Take a released document out of publication; it stays in the register as withdrawn.") var withdraw = false
    @Flag(help: "Publish a withdrawn document again.") var republish = false
    @Option(help: "Who decided (default: $USER).") var by: String?
    @Option(help: "A note kept with the decision.") var note: String?

    func run() async throws {
        let repository = try options.open()
        let hash = try contentHash(sha256)
        guard try repository.index.metadata(hash) != nil else {
            throw BayyinaError(.unknownDocument, "No document has the sha256 \(hash.hex).")
        }
        var history = try repository.index.classificationHistory(hash)
        if let change = try decision(from: history.last) {
            try repository.index.classify(hash, change)
            history = try repository.index.classificationHistory(hash)
        }
        if options.json {
            Output.json(ClassificationJSON(sha256: hash.hex, current: history.last, history: history))
            return
        }
        let ui = options.ui
        Output.table([ui.pick("DECIDED AT", "تاريخ القرار"), ui.pick("BY", "بواسطة"), ui.pick("LEVEL", "المستوى"),
                      ui.pick("ACCESS", "الإتاحة"), ui.pick("LEGAL BASIS", "السند القانوني"), ui.pick("REVIEW", "المراجعة")],
                     history.map { [$0.decidedAt, $0.decidedBy, $0.level, $0.listingStatus, $0.legalBasis ?? "", $0.reviewDate ?? ""] })
    }

    /// The new decision: the current record with the options given applied; nil when no option changes anything.
    private func decision(from current: ClassificationDecision?) throws(BayyinaError) -> ClassificationDecision? {
        if withdraw && republish {
            throw BayyinaError(.invalidArgument, "Choose --withdraw or --republish, not both.", arabic: "اختر --withdraw أو --republish وليس كليهما.")
        }
        guard level != nil || access != nil || legalBasis != nil || reviewDate != nil || withdraw || republish || note != nil else { return nil }
        let base = current ?? ClassificationDecision(level: "public", access: .public, decidedBy: "", decidedAt: "")
        let newLevel = level ?? base.level
        let newAccess = access ?? (level == nil ? base.access : (newLevel == "public" ? .public : .withheld))
        return ClassificationDecision(
            level: newLevel, access: newAccess, withdrawn: withdraw || (base.withdrawn && !republish),
            legalBasis: legalBasis.map { $0.isEmpty ? nil : $0 } ?? (newAccess == .public ? nil : base.legalBasis),
            decidedBy: by ?? ProcessInfo.processInfo.environment["USER"] ?? "cli",
            decidedAt: Timestamp.string(from: try options.clock.now()),
            reviewDate: reviewDate.map { $0.isEmpty ? nil : $0 } ?? base.reviewDate, note: note)
    }
}

/// `Schemas/json/classification.schema.json`: a document's classification record and its history.
struct ClassificationJSON: Encodable {
    var sha256: String
    var current: ClassificationDecision?
    var history: [ClassificationDecision]
}

struct SchemeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scheme", abstract: "Show the classification scheme, or replace it from a JSON file.")

    @OptionGroup var options: StoreOptions
    @Option(name: .customLong("import"), help: "A JSON array of {code, nameAr, nameEn, rank, publishable}.") var file: String?

    func run() async throws {
        let repository = try options.open()
        if let file {
            try repository.index.replaceClassificationScheme(try JSONFile.decode([ClassificationLevel].self, from: file))
        }
        let levels = try repository.index.classificationLevels()
        if options.json {
            Output.json(levels)
            return
        }
        let ui = options.ui
        Output.table([ui.pick("CODE", "الرمز"), ui.pick("ARABIC", "بالعربية"), ui.pick("ENGLISH", "بالإنجليزية"), ui.pick("PUBLISHABLE", "قابل للنشر")],
                     levels.map { [$0.code, $0.nameAr, $0.nameEn, $0.publishable ? ui.pick("yes", "نعم") : ui.pick("no", "لا")] })
    }
}
