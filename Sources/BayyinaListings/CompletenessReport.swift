public import BayyinaCore
public import BayyinaIndex

/// How complete and how fresh the evidence of each commitment and milestone is on a given day, with the
/// completion level the IRM would likely find, shown apart from the status the government reports.
public struct CompletenessReport: Sendable, Encodable {
    /// A problem the report points out.
    public enum Flag: String, Sendable, Encodable, CaseIterable {
        case completedWithoutEvidence = "completed_without_evidence"
        case pastEndNotCompleted = "past_end_not_completed"
        case noNewEvidenceInSixMonths = "no_new_evidence_in_six_months"
        case identicalSiblingDates = "identical_sibling_dates"

        public func label(_ language: UILanguage) -> String {
            switch self {
            case .completedWithoutEvidence: language.pick("Reported completed, no evidence", "أُبلغ عن اكتماله دون أدلة")
            case .pastEndNotCompleted: language.pick("Past its end date, not completed", "تجاوز تاريخ انتهائه ولم يكتمل")
            case .noNewEvidenceInSixMonths: language.pick("No new evidence in six months", "لا أدلة جديدة منذ ستة أشهر")
            case .identicalSiblingDates: language.pick("Same dates as a sibling milestone", "تواريخه مطابقة لنشاط آخر في الالتزام")
            }
        }
    }

    /// The IRM's completion scale.
    public enum Level: String, Sendable, Encodable, CaseIterable {
        case noEvidenceAvailable = "no_evidence_available"
        case notStarted = "not_started"
        case limited
        case substantial
        case complete

        public func label(_ language: UILanguage) -> String {
            switch self {
            case .noEvidenceAvailable: language.pick("No Evidence Available", "لا تتوفر أدلة")
            case .notStarted: language.pick("Not Started", "لم يبدأ")
            case .limited: language.pick("Limited", "محدود")
            case .substantial: language.pick("Substantial", "جوهري")
            case .complete: language.pick("Complete", "مكتمل")
            }
        }
    }

    /// The suggested level and why, in both languages.
    public struct Suggestion: Sendable, Encodable, Equatable {
        public var level: Level
        public var reasonAr: String
        public var reasonEn: String
    }

    public struct MilestoneRow: Sendable, Encodable {
        public var id: String
        public var titleAr: String?
        public var titleEn: String?
        /// What the government reports: `not_started`, `in_progress`, `completed`, or nil.
        public var reportedStatus: String?
        public var start: String?
        public var end: String?
        public var evidenceCount: Int
        public var latestEvidenceDate: String?
        public var flags: [Flag]
        public var suggested: Suggestion
    }

    public struct CommitmentRow: Sendable, Encodable {
        public var id: String
        public var titleAr: String?
        public var titleEn: String?
        public var leadAgencyAr: String?
        public var leadAgencyEn: String?
        /// Documents linked to the commitment or any of its milestones.
        public var evidenceCount: Int
        public var latestEvidenceDate: String?
        /// The day evidence was last added to the repository.
        public var latestRecorded: String?
        public var flags: [Flag]
        public var suggested: Suggestion
        public var milestones: [MilestoneRow]
    }

    public var audience: Audience
    public var asOf: CalendarDate
    public var generatedAt: String
    public var planID: String?
    public var commitments: [CommitmentRow]

    /// The report on `asOf` (today by the clock when nil): evidence dated after that day (by its document date, else
    /// the day it was recorded) does not count, and a public report counts public documents only. Freshness goes by
    /// the same dates: a commitment whose newest evidence is older than six months is flagged.
    public init(index: IndexDatabase, audience: Audience, asOf: CalendarDate? = nil, clock: any WallClock = SystemClock()) throws(BayyinaError) {
        let day = asOf ?? CalendarDate(clock.now())
        let evidence = try Listing(index: index, audience: audience, clock: clock).entries
            .filter { $0.accessStatus != "withdrawn" && CalendarDate(Self.evidenceDate($0)).map { $0 <= day } ?? false }
        let plan = try index.plan()
        self.audience = audience
        self.asOf = day
        generatedAt = Timestamp.string(from: clock.now())
        planID = plan?.id
        commitments = (plan?.commitments ?? []).map { Self.row($0, evidence: evidence, asOf: day) }
    }

    private static func row(_ commitment: Commitment, evidence: [Listing.Entry], asOf: CalendarDate) -> CommitmentRow {
        let prefix = commitment.id.rawValue + "."
        let linked = evidence.filter { entry in
            entry.commitments.contains(commitment.id.rawValue) || entry.milestones.contains { $0.hasPrefix(prefix) }
        }
        let milestones = commitment.milestones.map { milestone in
            let siblingsShareDates = milestone.start != nil && milestone.end != nil && commitment.milestones.contains {
                $0.id != milestone.id && $0.start == milestone.start && $0.end == milestone.end
            }
            return Self.row(milestone, evidence: linked.filter { $0.milestones.contains(milestone.id.rawValue) },
                            asOf: asOf, siblingsShareDates: siblingsShareDates)
        }
        let latestRecorded = linked.map(\.dateRecorded).max()
        let latest = latestDate(linked)
        let fresh = latest.flatMap(CalendarDate.init).map { $0 > asOf.adding(months: -6) } ?? false
        return CommitmentRow(
            id: commitment.id.rawValue, titleAr: commitment.title.ar, titleEn: commitment.title.en,
            leadAgencyAr: commitment.leadAgency?.ar, leadAgencyEn: commitment.leadAgency?.en, evidenceCount: linked.count,
            latestEvidenceDate: latest, latestRecorded: latestRecorded, flags: fresh ? [] : [.noNewEvidenceInSixMonths],
            suggested: CompletionRules.commitment(milestones.map(\.suggested.level), evidence: linked.count), milestones: milestones)
    }

    private static func row(_ milestone: Milestone, evidence: [Listing.Entry], asOf: CalendarDate, siblingsShareDates: Bool) -> MilestoneRow {
        var flags: [Flag] = []
        if milestone.status == .completed && evidence.isEmpty { flags.append(.completedWithoutEvidence) }
        if milestone.status != .completed, let end = milestone.end.flatMap(CalendarDate.init), end < asOf { flags.append(.pastEndNotCompleted) }
        if siblingsShareDates { flags.append(.identicalSiblingDates) }
        return MilestoneRow(
            id: milestone.id.rawValue, titleAr: milestone.title.ar, titleEn: milestone.title.en, reportedStatus: milestone.status?.rawValue,
            start: milestone.start, end: milestone.end, evidenceCount: evidence.count, latestEvidenceDate: latestDate(evidence), flags: flags,
            suggested: CompletionRules.milestone(milestone.status, evidence: evidence.count))
    }

    private static func latestDate(_ entries: [Listing.Entry]) -> String? {
        entries.map(evidenceDate).max()
    }

    /// When a piece of evidence dates from: the document's date, else the day it was recorded.
    private static func evidenceDate(_ entry: Listing.Entry) -> String {
        entry.documentDate ?? entry.dateRecorded
    }
}
