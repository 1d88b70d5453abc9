public import BayyinaCore

/// `Schemas/json/access-request.schema.json`: a request as staff see it (with the applicant), on a given day.
public struct AccessRequestJSON: Encodable, Sendable {
    public struct RulesJSON: Encodable, Sendable {
        var id: String
        var effectiveFrom: String
    }

    public var reference: String
    public var received: String
    /// The deadline in force: the extended one when there is one.
    public var due: String
    public var dueBeforeExtension: String?
    /// `open`, `extended`, `overdue`, `deemed_refused`, or the decision (`granted` …).
    public var status: String
    /// `overdue`, `deemed_refused`: what needs attention.
    public var flags: [String]
    /// Working days left until the deadline, for an undecided request (0 on the day, negative when late).
    public var workingDaysLeft: Int?
    public var channel: String
    public var applicant: Applicant
    public var subject: String
    public var preferredFormat: String?
    public var officer: String?
    public var acknowledged: String?
    public var rules: RulesJSON
    public var extensionReason: String?
    public var decision: String?
    public var decided: String?
    public var legalGround: String?
    public var reasons: String?
    public var transferredTo: String?
    public var feeFils: Int?
    public var releasedDocuments: [String]
    public var reviews: [RequestReview]
    public var history: [RequestEvent]

    /// The request on `day`; `calendar` (the rules' working week and the holidays) counts the working days left.
    public init(_ request: AccessRequest, on day: CalendarDate, calendar: WorkingCalendar) {
        let status = request.status(on: day)
        reference = request.reference
        received = request.received.description
        due = request.deadline.description
        dueBeforeExtension = request.extendedDue == nil ? nil : request.due.description
        self.status = status == .decided ? (request.decision?.rawValue ?? "decided") : status.rawValue
        flags = switch status {
        case .overdue: ["overdue"]
        case .deemedRefused: ["overdue", "deemed_refused"]
        default: []
        }
        workingDaysLeft = request.decision != nil ? nil
            : (day <= request.deadline ? calendar.workingDays(after: day, through: request.deadline)
                                       : -calendar.workingDays(after: request.deadline, through: day))
        channel = request.channel.rawValue
        applicant = request.applicant
        subject = request.subject
        preferredFormat = request.preferredFormat
        officer = request.officer
        acknowledged = request.acknowledged?.description
        rules = RulesJSON(id: request.rules.id, effectiveFrom: request.rules.effectiveFrom.description)
        extensionReason = request.extensionReason
        decision = request.decision?.rawValue
        decided = request.decided?.description
        legalGround = request.legalGround
        reasons = request.reasons
        transferredTo = request.transferredTo
        feeFils = request.feeFils
        releasedDocuments = request.releasedDocuments.map(\.hex)
        reviews = request.reviews
        history = request.history
    }
}

/// `Schemas/json/access-request-list.schema.json`: the requests on a day, the most urgent first.
public struct AccessRequestListJSON: Encodable, Sendable {
    public var asOf: String
    public var requests: [AccessRequestJSON]

    public init(asOf: String, requests: [AccessRequestJSON]) {
        self.asOf = asOf
        self.requests = requests
    }
}

/// The notice of receipt an applicant is given: the reference, the day received and the day the answer is due.
public struct ReceiptNotice: Sendable {
    public var request: AccessRequest

    public init(_ request: AccessRequest) { self.request = request }

    /// The notice in both languages, `language` first; in the Arabic part references and dates are isolated left to
    /// right (U+2066 … U+2069), so they are not reordered.
    public func text(_ language: UILanguage) -> String {
        func ltr(_ text: some CustomStringConvertible) -> String { "\u{2066}\(text)\u{2069}" }
        let ar = """
            إشعار استلام طلب حصول على معلومات
            رقم الطلب: \(ltr(request.reference))
            تاريخ الاستلام: \(ltr(request.received))
            الموضوع: \(request.subject)
            يُجاب عن الطلب في موعد أقصاه \(ltr(request.deadline)) (\(request.rules.answerWorkingDays) يوم عمل من اليوم التالي لتقديمه)، ويُعدّ عدم الرد خلال المهلة رفضاً للطلب يحق لك الشكوى منه إلى مجلس المعلومات.
            """
        let en = """
            Notice of receipt of an access-to-information request
            Reference: \(request.reference)
            Received: \(request.received)
            Subject: \(request.subject)
            The answer is due by \(request.deadline) (\(request.rules.answerWorkingDays) working days from the day after submission); no answer by then counts as a refusal, which you may take to the Information Council.
            """
        return language == .ar ? ar + "\n\n" + en : en + "\n\n" + ar
    }
}
