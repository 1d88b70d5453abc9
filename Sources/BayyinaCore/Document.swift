/// Who may see a document.
public enum Classification: String, Hashable, Sendable, Codable, CaseIterable {
    case `public`
    case restricted
}

/// Who is asking: the public sees only public documents; staff see everything.
public enum Audience: String, Hashable, Sendable, Codable, CaseIterable {
    case `public`
    case `internal`
}

/// The language of a document's text, decided by the share of Arabic and Latin letters.
public enum DocumentLanguage: String, Hashable, Sendable, Codable, CaseIterable {
    case ar
    case en
    case mixed

    /// `ar` or `en` when one script has at least 80% of the letters, `mixed` otherwise, nil without letters.
    /// Words with `@` or `/` (e-mail and web addresses) are not language and are not counted; the first
    /// million scalars decide.
    public static func detect(in text: String) -> DocumentLanguage? {
        var arabic = 0
        var latin = 0
        var wordArabic = 0
        var wordLatin = 0
        var wordIsAddress = false
        func endWord() {
            if !wordIsAddress {
                arabic += wordArabic
                latin += wordLatin
            }
            wordArabic = 0
            wordLatin = 0
            wordIsAddress = false
        }
        var counted = 0
        for scalar in text.unicodeScalars {
            counted += 1
            if counted > 1_000_000 { break }
            switch scalar.value {
            case 0x0620...0x064A, 0x066E...0x06D3, 0xFB50...0xFDFF, 0xFE70...0xFEFC: wordArabic += 1
            case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F: wordLatin += 1
            case 0x40, 0x2F: wordIsAddress = true
            case 0x09...0x0D, 0x20, 0xA0: endWord()
            default: break
            }
        }
        endWord()
        let total = arabic + latin
        guard total > 0 else { return nil }
        let arabicShare = Double(arabic) / Double(total)
        if arabicShare >= 0.8 { return .ar }
        if arabicShare <= 0.2 { return .en }
        return .mixed
    }
}

/// Where a document's title came from.
public enum TitleSource: String, Hashable, Sendable, Codable {
    case metadata
    case firstHeading = "first_heading"
    case htmlTitle = "html_title"
    case emailSubject = "email_subject"
    case filename
}

/// A stored piece of evidence as the repository knows it.
public struct Document: Hashable, Sendable, Identifiable {
    public var id: ContentHash { sha256 }
    public var sha256: ContentHash
    public var title: String
    public var titleSource: TitleSource
    public var author: String?
    /// ISO 8601 date or date-time, as precise as the source gives it.
    public var created: String?
    public var language: DocumentLanguage?
    public var pages: Int?
    public var mediaType: String
    public var size: Int64
    public var filenames: [String]
    public var folders: [String]
    public var classification: Classification
    public var legalBasis: String?
    public var commitments: [CommitmentID]
    public var milestones: [MilestoneID]
    public var warnings: [Notice]
    public var attachments: [String]
    public var properties: DocumentProperties
    public var ingestedAt: String

    public init(
        sha256: ContentHash, title: String, titleSource: TitleSource, author: String?, created: String?,
        language: DocumentLanguage?, pages: Int?, mediaType: String, size: Int64, filenames: [String],
        folders: [String] = [], classification: Classification, legalBasis: String? = nil,
        commitments: [CommitmentID] = [], milestones: [MilestoneID] = [], warnings: [Notice] = [],
        attachments: [String] = [], properties: DocumentProperties = DocumentProperties(), ingestedAt: String
    ) {
        self.sha256 = sha256
        self.title = title
        self.titleSource = titleSource
        self.author = author
        self.created = created
        self.language = language
        self.pages = pages
        self.mediaType = mediaType
        self.size = size
        self.filenames = filenames
        self.folders = folders
        self.classification = classification
        self.legalBasis = legalBasis
        self.commitments = commitments
        self.milestones = milestones
        self.warnings = warnings
        self.attachments = attachments
        self.properties = properties
        self.ingestedAt = ingestedAt
    }
}
