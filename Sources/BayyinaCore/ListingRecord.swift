/// What staff say of a document beyond what extraction found; nil fields are derived for the listing.
public struct DocumentDescription: Hashable, Sendable, Codable {
    public var titleAr: String?
    public var titleEn: String?
    public var descriptionAr: String?
    public var descriptionEn: String?
    public var type: DocumentType?
    /// The responsible agency, when it is not the lead agency of the linked commitment.
    public var agency: String?
    /// `YYYY-MM-DD`, when the date in the file's metadata is missing or wrong.
    public var documentDate: String?

    public init(
        titleAr: String? = nil, titleEn: String? = nil, descriptionAr: String? = nil, descriptionEn: String? = nil,
        type: DocumentType? = nil, agency: String? = nil, documentDate: String? = nil
    ) {
        self.titleAr = titleAr
        self.titleEn = titleEn
        self.descriptionAr = descriptionAr
        self.descriptionEn = descriptionEn
        self.type = type
        self.agency = agency
        self.documentDate = documentDate
    }

    /// These fields over `base`: a field set here wins, an empty string clears it.
    public func applied(to base: DocumentDescription) -> DocumentDescription {
        func merge(_ new: String?, _ old: String?) -> String? {
            guard let new else { return old }
            return new.isEmpty ? nil : new
        }
        return DocumentDescription(
            titleAr: merge(titleAr, base.titleAr), titleEn: merge(titleEn, base.titleEn),
            descriptionAr: merge(descriptionAr, base.descriptionAr), descriptionEn: merge(descriptionEn, base.descriptionEn),
            type: type ?? base.type, agency: merge(agency, base.agency), documentDate: merge(documentDate, base.documentDate))
    }
}

/// Everything the register knows of one document: the raw material of a listing entry.
public struct ListingRecord: Sendable {
    /// The listing reference number, given once and never reused.
    public var reference: Int
    public var document: Document
    public var classification: ClassificationDecision
    /// When the document was first released (ISO 8601), nil if it never was.
    public var publishedAt: String?
    public var description: DocumentDescription
    /// The start of the document's text, for a derived description.
    public var excerpt: String

    public init(
        reference: Int, document: Document, classification: ClassificationDecision, publishedAt: String?,
        description: DocumentDescription, excerpt: String
    ) {
        self.reference = reference
        self.document = document
        self.classification = classification
        self.publishedAt = publishedAt
        self.description = description
        self.excerpt = excerpt
    }
}
