/// Whether a document is released: whole, in part (the stored file is the redacted release), or not at all.
public enum AccessStatus: String, Hashable, Sendable, Codable, CaseIterable {
    case `public`
    case partial
    case withheld

    /// The status in the user's language.
    public func label(_ language: UILanguage) -> String {
        switch self {
        case .public: language.pick("Public", "متاحة")
        case .partial: language.pick("Partly released", "متاحة جزئياً")
        case .withheld: language.pick("Withheld", "محجوبة")
        }
    }
}

/// One level of the classification scheme, such as عام (public) or سري (secret).
public struct ClassificationLevel: Hashable, Sendable, Codable {
    /// A lowercase code such as `public` or `top_secret`.
    public var code: String
    public var nameAr: String
    public var nameEn: String
    /// 0 for the least sensitive level.
    public var rank: Int
    /// Whether a document of this level may be released whole.
    public var publishable: Bool

    public init(code: String, nameAr: String, nameEn: String, rank: Int, publishable: Bool) {
        self.code = code
        self.nameAr = nameAr
        self.nameEn = nameEn
        self.rank = rank
        self.publishable = publishable
    }

    public func name(_ language: UILanguage) -> String { language.pick(nameEn, nameAr) }
}

/// One classification decision on a document; the newest decision is the document's classification record.
public struct ClassificationDecision: Hashable, Sendable, Codable {
    public var level: String
    public var access: AccessStatus
    /// A released document taken out of publication: it stays in the register, no longer obtainable.
    public var withdrawn: Bool
    /// The article of law the restriction rests on, such as "ATI Law art. 13(e)".
    public var legalBasis: String?
    public var decidedBy: String
    /// ISO 8601 timestamp.
    public var decidedAt: String
    /// `YYYY-MM-DD`: when the restriction is to be reviewed.
    public var reviewDate: String?
    public var note: String?

    public init(
        level: String, access: AccessStatus, withdrawn: Bool = false, legalBasis: String? = nil, decidedBy: String,
        decidedAt: String, reviewDate: String? = nil, note: String? = nil
    ) {
        self.level = level
        self.access = access
        self.withdrawn = withdrawn
        self.legalBasis = legalBasis
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.reviewDate = reviewDate
        self.note = note
    }

    /// Whether the public may see and obtain the document.
    public var isPublic: Bool { access != .withheld && !withdrawn }

    /// What the listing says of the document: its access status, or `withdrawn`.
    public var listingStatus: String { withdrawn ? "withdrawn" : access.rawValue }

    /// Refuses a decision the law does not allow: whole release of a level that is not publishable, and a
    /// restriction without its legal basis.
    public func validate(against level: ClassificationLevel) throws(BayyinaError) {
        if access == .public && !level.publishable {
            throw BayyinaError(
                .invalidArgument,
                "A document classified '\(level.nameEn)' cannot be released whole; release it in part (--access partial) or withhold it.",
                arabic: "لا يجوز إتاحة وثيقة مصنفة «\(level.nameAr)» كاملة؛ أتحها جزئياً أو احجبها.")
        }
        if access != .public && (legalBasis ?? "").isEmpty {
            throw BayyinaError(
                .invalidArgument, "Withholding a document in whole or in part needs its legal basis (--legal-basis).",
                arabic: "حجب الوثيقة كلياً أو جزئياً يحتاج إلى سنده القانوني (--legal-basis).")
        }
        if let reviewDate, CalendarDate(reviewDate) == nil {
            throw BayyinaError(.invalidArgument, "The review date '\(reviewDate)' is not a date of the form YYYY-MM-DD.",
                               arabic: "تاريخ المراجعة «\(reviewDate)» ليس تاريخاً بالصيغة YYYY-MM-DD.")
        }
    }
}
