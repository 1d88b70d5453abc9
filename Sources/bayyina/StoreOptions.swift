public import ArgumentParser
public import BayyinaCore
import BayyinaIngest
import Foundation

/// Where the store lives: `--store DIR`, else `BAYYINA_STORE`, else `./Storage`.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: "The store folder (default: $BAYYINA_STORE, else ./Storage).")
    var store: String?

    @Flag(name: .long, help: "Print JSON instead of text.")
    var json = false

    @Option(name: .customLong("lang"), help: "ar or en (default: $BAYYINA_LANG, else $LANG).")
    var language: UILanguage?

    @Option(help: "Files worked on at once (default: twice the number of cores), and pages or images for OCR (at most one a core).")
    var jobs: Int?

    /// The language of messages: --lang, else the environment.
    var ui: UILanguage { language ?? UILanguage(environment: ProcessInfo.processInfo.environment) }

    var root: URL {
        let path = store ?? ProcessInfo.processInfo.environment["BAYYINA_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? "Storage"
        return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
    }

    /// The clock dates are taken from: the system's, or the instant in `BAYYINA_NOW` (ISO 8601) for reproducible output.
    var clock: any WallClock {
        get throws(BayyinaError) {
            guard let setting = ProcessInfo.processInfo.environment["BAYYINA_NOW"], !setting.isEmpty else { return SystemClock() }
            guard let instant = try? Date(setting, strategy: .iso8601) else {
                throw BayyinaError(.invalidArgument, "BAYYINA_NOW='\(setting)' is not an ISO 8601 instant such as 2025-06-30T12:00:00Z.",
                                   arabic: "قيمة BAYYINA_NOW ليست وقتاً بصيغة ISO 8601 مثل 2025-06-30T12:00:00Z.")
            }
            return FixedClock(instant)
        }
    }

    /// Opens the store; `mapsReads` for a long-running server (see ``IndexDatabase``).
    func open(mapsReads: Bool = false) throws(BayyinaError) -> Repository {
        if let jobs, jobs < 1 {
            throw BayyinaError(.invalidArgument, "--jobs must be at least 1.", arabic: "يجب أن تكون قيمة --jobs واحداً على الأقل.")
        }
        return try Repository(root: root, jobs: jobs ?? Repository.defaultJobs, clock: try clock, mapsReads: mapsReads)
    }
}

/// Links named on the command line.
struct LinkOptions: ParsableArguments {
    @Option(name: .long, help: "A commitment id (C1, C2 …); repeat for several.")
    var commitment: [String] = []

    @Option(name: .long, help: "A milestone id (C2.M3 …); repeat for several.")
    var milestone: [String] = []

    func commitments() throws(BayyinaError) -> [CommitmentID] { try Self.commitmentIDs(commitment) }
    func milestones() throws(BayyinaError) -> [MilestoneID] { try Self.milestoneIDs(milestone) }

    static func commitmentIDs(_ texts: [String]) throws(BayyinaError) -> [CommitmentID] {
        try texts.map { text throws(BayyinaError) in
            guard let id = CommitmentID(text) else {
                throw BayyinaError(.unknownCommitment, "'\(text)' is not a commitment id; use C1, C2 ….")
            }
            return id
        }
    }

    static func milestoneIDs(_ texts: [String]) throws(BayyinaError) -> [MilestoneID] {
        try texts.map { text throws(BayyinaError) in
            guard let id = MilestoneID(text) else {
                throw BayyinaError(.unknownMilestone, "'\(text)' is not a milestone id; use the form C2.M3.")
            }
            return id
        }
    }
}

extension Classification: ExpressibleByArgument {}
extension Audience: ExpressibleByArgument {}
extension DocumentLanguage: ExpressibleByArgument {}
extension UILanguage: ExpressibleByArgument {}
extension AccessStatus: ExpressibleByArgument {}
extension DocumentType: ExpressibleByArgument {}
extension RequestChannel: ExpressibleByArgument {}
extension RequestDecision: ExpressibleByArgument {}
extension Applicant.Kind: ExpressibleByArgument {}
extension RequestReview.Kind: ExpressibleByArgument {}
extension RequestReview.Outcome: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
extension StaffRole: ExpressibleByArgument {}

/// The public address given on the command line, else in `BAYYINA_BASE_URL`; nil when neither says.
func configuredBaseURL(_ option: String?) -> String? {
    option ?? ProcessInfo.processInfo.environment["BAYYINA_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
}

/// Parses a sha256 argument.
func contentHash(_ text: String) throws(BayyinaError) -> ContentHash {
    guard let hash = ContentHash(hex: text.trimmingCharacters(in: .whitespaces)) else {
        throw BayyinaError(.invalidArgument, "'\(text)' is not a sha256 (64 hexadecimal digits).")
    }
    return hash
}
