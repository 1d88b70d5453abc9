/// How a request arrived.
public enum RequestChannel: String, Hashable, Sendable, Codable, CaseIterable {
    case written
    case electronic
    case inPerson = "in_person"
}

/// What was decided on a request.
public enum RequestDecision: String, Hashable, Sendable, Codable, CaseIterable {
    case granted
    case partlyGranted = "partly_granted"
    case refused
    case notHeld = "not_held"
    case transferred

    public func label(_ language: UILanguage) -> String {
        switch self {
        case .granted: language.pick("Granted", "أُجيب الطلب")
        case .partlyGranted: language.pick("Partly granted", "أُجيب جزئياً")
        case .refused: language.pick("Refused", "رُفض")
        case .notHeld: language.pick("Information not held", "المعلومات غير متوفرة لدى الجهة")
        case .transferred: language.pick("Transferred to the competent body", "أُحيل إلى الجهة المختصة")
        }
    }

    /// Whether the decision withholds something, so it must cite its legal ground.
    public var needsLegalGround: Bool { self == .refused || self == .partlyGranted }
}

/// The person or body asking. Personal data: shown to staff only, never published.
public struct Applicant: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case natural
        case legal
    }

    public var kind: Kind
    public var name: String
    public var nationality: String?
    /// Residence of a person, seat of a body.
    public var residence: String?
    public var contact: String?

    public init(kind: Kind = .natural, name: String, nationality: String? = nil, residence: String? = nil, contact: String? = nil) {
        self.kind = kind
        self.name = name
        self.nationality = nationality
        self.residence = residence
        self.contact = contact
    }
}

/// A complaint to the Information Council or an appeal to court against a decision.
public struct RequestReview: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case complaint
        case appeal
    }

    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        case upheld
        case partlyUpheld = "partly_upheld"
        case dismissed
        case withdrawn
    }

    public var kind: Kind
    public var filed: CalendarDate
    public var decided: CalendarDate?
    public var outcome: Outcome?
    public var notes: String?

    public init(kind: Kind, filed: CalendarDate, decided: CalendarDate? = nil, outcome: Outcome? = nil, notes: String? = nil) {
        self.kind = kind
        self.filed = filed
        self.decided = decided
        self.outcome = outcome
        self.notes = notes
    }
}

/// One change of a request, with who made it and when.
public struct RequestEvent: Hashable, Sendable, Codable {
    public var kind: String
    public var details: [String: String]
    public var actor: String
    public var at: String

    public init(kind: String, details: [String: String], actor: String, at: String) {
        self.kind = kind
        self.details = details
        self.actor = actor
        self.at = at
    }
}

/// Where a request stands on a day.
public enum RequestStatus: String, Hashable, Sendable, Codable {
    case open
    case extended
    /// Past its deadline without a decision.
    case overdue
    /// Past its deadline without a decision, where the law counts silence as refusal.
    case deemedRefused = "deemed_refused"
    case decided
}

/// A request for information under the access-to-information law.
public struct AccessRequest: Hashable, Sendable {
    public var reference: String
    public var received: CalendarDate
    public var channel: RequestChannel
    public var applicant: Applicant
    /// The subject in the applicant's own words.
    public var subject: String
    public var preferredFormat: String?
    public var officer: String?
    public var acknowledged: CalendarDate?
    public var rules: DeadlineRules
    public var due: CalendarDate
    public var extendedDue: CalendarDate?
    public var extensionReason: String?
    public var decision: RequestDecision?
    public var decided: CalendarDate?
    /// Article and paragraph of the law a refusal rests on.
    public var legalGround: String?
    public var reasons: String?
    public var transferredTo: String?
    /// The fee charged, in fils (1/1000 of a dinar).
    public var feeFils: Int?
    public var releasedDocuments: [ContentHash]
    public var reviews: [RequestReview]
    public var history: [RequestEvent]

    public init(
        reference: String, received: CalendarDate, channel: RequestChannel, applicant: Applicant, subject: String,
        preferredFormat: String? = nil, officer: String? = nil, acknowledged: CalendarDate? = nil, rules: DeadlineRules,
        due: CalendarDate, extendedDue: CalendarDate? = nil, extensionReason: String? = nil, decision: RequestDecision? = nil,
        decided: CalendarDate? = nil, legalGround: String? = nil, reasons: String? = nil, transferredTo: String? = nil,
        feeFils: Int? = nil, releasedDocuments: [ContentHash] = [], reviews: [RequestReview] = [], history: [RequestEvent] = []
    ) {
        self.reference = reference
        self.received = received
        self.channel = channel
        self.applicant = applicant
        self.subject = subject
        self.preferredFormat = preferredFormat
        self.officer = officer
        self.acknowledged = acknowledged
        self.rules = rules
        self.due = due
        self.extendedDue = extendedDue
        self.extensionReason = extensionReason
        self.decision = decision
        self.decided = decided
        self.legalGround = legalGround
        self.reasons = reasons
        self.transferredTo = transferredTo
        self.feeFils = feeFils
        self.releasedDocuments = releasedDocuments
        self.reviews = reviews
        self.history = history
    }

    /// The day the answer is due: the extended deadline when there is one.
    public var deadline: CalendarDate { extendedDue ?? due }

    /// Where the request stands on `day`.
    public func status(on day: CalendarDate) -> RequestStatus {
        if decision != nil { return .decided }
        if day > deadline { return rules.silenceIsRefusal ? .deemedRefused : .overdue }
        return extendedDue == nil ? .open : .extended
    }
}
