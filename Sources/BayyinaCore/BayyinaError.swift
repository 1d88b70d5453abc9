/// The one error type of Bayyina: a stable code, a message that says what to do, and the cause.
public struct BayyinaError: Error, Sendable, CustomStringConvertible {
    /// A stable, machine-readable reason. New codes may be added; existing ones never change meaning.
    public struct Code: RawRepresentable, Hashable, Sendable, Codable {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        public static let emptyFile = Code(rawValue: "empty_file")
        public static let unsupportedType = Code(rawValue: "unsupported_type")
        public static let disallowedType = Code(rawValue: "disallowed_type")
        public static let encryptedDocument = Code(rawValue: "encrypted_document")
        public static let tooLarge = Code(rawValue: "too_large")
        public static let malformedContainer = Code(rawValue: "malformed_container")
        public static let forbiddenDoctype = Code(rawValue: "forbidden_doctype")
        public static let extractionFailed = Code(rawValue: "extraction_failed")
        public static let extractionTimeout = Code(rawValue: "extraction_timeout")
        public static let fileNotFound = Code(rawValue: "file_not_found")
        public static let unreadableFile = Code(rawValue: "unreadable_file")
        public static let invalidPlan = Code(rawValue: "invalid_plan")
        public static let unknownCommitment = Code(rawValue: "unknown_commitment")
        public static let unknownMilestone = Code(rawValue: "unknown_milestone")
        public static let unknownDocument = Code(rawValue: "unknown_document")
        public static let unknownSuggestion = Code(rawValue: "unknown_suggestion")
        public static let invalidQuery = Code(rawValue: "invalid_query")
        public static let invalidArgument = Code(rawValue: "invalid_argument")
        public static let storageFailure = Code(rawValue: "storage_failure")
        public static let databaseFailure = Code(rawValue: "database_failure")
        public static let planConflict = Code(rawValue: "plan_conflict")
    }

    public let code: Code
    /// What happened and what to do, in English, with the details (paths, ids, sizes).
    public let message: String
    /// The same in Arabic; the code's Arabic summary when the thrower gave none.
    public let arabicMessage: String
    public let underlying: (any Error & Sendable)?

    public init(_ code: Code, _ message: String, arabic: String? = nil, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.arabicMessage = arabic ?? code.arabicSummary
        self.underlying = underlying
    }

    /// The message in the user's language.
    public func message(in language: UILanguage) -> String {
        language == .ar ? arabicMessage : message
    }

    /// True for errors caused by what the user asked for, as opposed to failures of the system.
    public var isUsageError: Bool {
        [.invalidQuery, .invalidArgument, .unknownCommitment, .unknownMilestone, .unknownDocument, .unknownSuggestion, .invalidPlan,
         .fileNotFound]
            .contains(code)
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
