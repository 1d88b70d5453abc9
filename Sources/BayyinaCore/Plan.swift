/// Text in Arabic and English; either may be missing.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var ar: String?
    public var en: String?

    public init(ar: String? = nil, en: String? = nil) {
        self.ar = ar
        self.en = en
    }

    /// The text in the preferred language, falling back to the other one.
    public func text(preferring language: String) -> String? {
        language == "ar" ? (ar ?? en) : (en ?? ar)
    }
}

/// How far a milestone has come.
public enum MilestoneStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case notStarted = "not_started"
    case inProgress = "in_progress"
    case completed
}

/// An activity of a commitment that evidence must back.
public struct Milestone: Hashable, Sendable, Codable, Identifiable {
    public var id: MilestoneID
    public var title: LocalizedText
    public var status: MilestoneStatus?
    public var start: String?
    public var end: String?

    public init(id: MilestoneID, title: LocalizedText, status: MilestoneStatus? = nil, start: String? = nil, end: String? = nil) {
        self.id = id
        self.title = title
        self.status = status
        self.start = start
        self.end = end
    }
}

/// A commitment of a national action plan.
public struct Commitment: Hashable, Sendable, Codable, Identifiable {
    public var id: CommitmentID
    public var ogpID: String?
    public var title: LocalizedText
    public var shortTitle: String?
    public var leadAgency: LocalizedText?
    public var supportingAgencies: [LocalizedText]
    public var ogpValues: [String]
    public var milestones: [Milestone]

    public init(
        id: CommitmentID, ogpID: String? = nil, title: LocalizedText, shortTitle: String? = nil,
        leadAgency: LocalizedText? = nil, supportingAgencies: [LocalizedText] = [], ogpValues: [String] = [],
        milestones: [Milestone] = []
    ) {
        self.id = id
        self.ogpID = ogpID
        self.title = title
        self.shortTitle = shortTitle
        self.leadAgency = leadAgency
        self.supportingAgencies = supportingAgencies
        self.ogpValues = ogpValues
        self.milestones = milestones
    }
}

/// A national action plan: its commitments and their milestones.
public struct Plan: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var country: String?
    public var title: LocalizedText
    public var periodStart: String?
    public var periodEnd: String?
    public var statusAsOf: String?
    public var ogpValues: [String: LocalizedText]
    public var commitments: [Commitment]

    public init(
        id: String, country: String? = nil, title: LocalizedText, periodStart: String? = nil, periodEnd: String? = nil,
        statusAsOf: String? = nil, ogpValues: [String: LocalizedText] = [:], commitments: [Commitment]
    ) {
        self.id = id
        self.country = country
        self.title = title
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.statusAsOf = statusAsOf
        self.ogpValues = ogpValues
        self.commitments = commitments
    }
}
