public import BayyinaCore

/// `suggestions --json` and `/api/v1/suggestions`: the review queue (`suggestions.schema.json`).
public struct SuggestionListJSON: Encodable {
    public var suggestions: [SuggestionJSON]

    public init(_ suggestions: [StoredSuggestion], language: UILanguage) {
        self.suggestions = suggestions.map { SuggestionJSON($0, language: language) }
    }
}

/// One suggestion: its id for accept/reject, the document, the target, the confidence and the reason in the UI language.
public struct SuggestionJSON: Encodable {
    public var id: String
    public var sha256: String
    public var title: String
    public var target: String
    public var confidence: Double
    public var reason: String
    public var state: String
    @Nullable public var decidedBy: String?
    @Nullable public var decidedAt: String?

    public init(_ stored: StoredSuggestion, language: UILanguage) {
        id = String(stored.id)
        sha256 = stored.sha256.hex
        title = stored.documentTitle
        target = stored.suggestion.target.rawValue
        confidence = (stored.suggestion.confidence * 1000).rounded() / 1000
        reason = (language == .ar ? stored.suggestion.reason.ar : stored.suggestion.reason.en) ?? ""
        state = stored.state.rawValue
        decidedBy = stored.decidedBy
        decidedAt = stored.decidedAt
    }
}
