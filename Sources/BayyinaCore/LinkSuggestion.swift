/// What a link points at: a commitment, or one of its milestones.
public enum LinkTarget: Hashable, Sendable, Comparable, CustomStringConvertible {
    case commitment(CommitmentID)
    case milestone(MilestoneID)

    /// Reads `C2` or `C2.M3`.
    public init?(_ text: String) {
        if text.contains("."), let milestone = MilestoneID(text) {
            self = .milestone(milestone)
        } else if let commitment = CommitmentID(text), text.uppercased().hasPrefix("C") {
            self = .commitment(commitment)
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .commitment(let id): id.rawValue
        case .milestone(let id): id.rawValue
        }
    }

    /// The commitment itself, or the milestone's commitment.
    public var commitment: CommitmentID {
        switch self {
        case .commitment(let id): id
        case .milestone(let id): id.commitment
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: LinkTarget, rhs: LinkTarget) -> Bool {
        (lhs.commitment, lhs.milestoneNumber) < (rhs.commitment, rhs.milestoneNumber)
    }

    private var milestoneNumber: Int {
        if case .milestone(let id) = self { return id.number }
        return 0
    }
}

/// A link proposed from a document's text: where to, how sure (0…1) and why, in both languages.
public struct LinkSuggestion: Hashable, Sendable {
    public var target: LinkTarget
    public var confidence: Double
    public var reason: LocalizedText

    public init(target: LinkTarget, confidence: Double, reason: LocalizedText) {
        self.target = target
        self.confidence = confidence
        self.reason = reason
    }
}

/// Where a suggestion stands in the review queue.
public enum SuggestionState: String, Hashable, Sendable, Codable, CaseIterable {
    case open, accepted, rejected
}

/// A suggestion as the review queue keeps it.
public struct StoredSuggestion: Hashable, Sendable {
    public var id: Int64
    public var sha256: ContentHash
    public var documentTitle: String
    public var suggestion: LinkSuggestion
    public var state: SuggestionState
    public var decidedBy: String?
    public var decidedAt: String?

    public init(
        id: Int64, sha256: ContentHash, documentTitle: String, suggestion: LinkSuggestion, state: SuggestionState,
        decidedBy: String? = nil, decidedAt: String? = nil
    ) {
        self.id = id
        self.sha256 = sha256
        self.documentTitle = documentTitle
        self.suggestion = suggestion
        self.state = state
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }
}
