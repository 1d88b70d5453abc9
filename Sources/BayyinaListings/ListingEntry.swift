import BayyinaCore
import Foundation

extension Listing {
    /// One row of the register.
    public struct Entry: Sendable, Encodable, Equatable {
        /// The stable listing reference, such as `BY-000042`.
        public var reference: String
        public var sha256: String
        /// The title as the repository shows it (the Arabic title when there is one).
        public var title: String
        public var titleAr: String?
        public var titleEn: String?
        public var descriptionAr: String?
        public var descriptionEn: String?
        /// A ``DocumentType`` code.
        public var type: String
        public var typeAr: String
        public var typeEn: String
        public var commitments: [String]
        public var milestones: [String]
        public var agencyAr: String?
        public var agencyEn: String?
        /// `YYYY-MM-DD` dates: of the document, of its recording, of its first release.
        public var documentDate: String?
        public var dateRecorded: String
        public var datePublished: String?
        public var languages: [String]
        /// `public`, `partial`, `withheld` or `withdrawn`.
        public var accessStatus: String
        /// The classification level code; internal listings only.
        public var classificationLevel: String?
        /// Internal listings, or a document released in part.
        public var legalBasis: String?
        public var reviewDate: String?
        /// Where the document can be downloaded; nil when it cannot.
        public var url: String?
        public var howToObtainAr: String
        public var howToObtainEn: String
        /// Short name of the file format, such as PDF or DOCX.
        public var format: String
        public var mediaType: String
        public var size: Int64
        public var pages: Int?
        public var filenames: [String]

        init(_ record: ListingRecord, audience: Audience, leadAgency: LocalizedText?, baseURL: String) {
            let document = record.document
            let said = record.description
            let decision = record.classification
            let titleIsEnglish = (DocumentLanguage.detect(in: document.title) ?? document.language) == .en
            reference = Listing.reference(record.reference)
            sha256 = document.sha256.hex
            titleAr = said.titleAr ?? (titleIsEnglish ? nil : document.title)
            titleEn = said.titleEn ?? (titleIsEnglish ? document.title : nil)
            title = titleAr ?? titleEn ?? document.title
            let derived = Self.summary(of: record.excerpt)
            let textIsEnglish = document.language == .en
            descriptionAr = said.descriptionAr ?? (textIsEnglish ? nil : derived)
            descriptionEn = said.descriptionEn ?? (textIsEnglish ? derived : nil)
            let kind = said.type ?? DocumentType.inferred(title: document.title, filenames: document.filenames, mediaType: document.mediaType)
            type = kind.rawValue
            typeAr = kind.label(.ar)
            typeEn = kind.label(.en)
            commitments = document.commitments.map(\.rawValue)
            milestones = document.milestones.map(\.rawValue)
            if let agency = said.agency {
                let english = DocumentLanguage.detect(in: agency) == .en
                agencyAr = english ? nil : agency
                agencyEn = english ? agency : nil
            } else {
                agencyAr = leadAgency?.ar
                agencyEn = leadAgency?.en
            }
            documentDate = (said.documentDate ?? document.created).flatMap { CalendarDate($0)?.description }
            dateRecorded = String(document.ingestedAt.prefix(10))
            datePublished = record.publishedAt.map { String($0.prefix(10)) }
            languages = switch document.language {
            case .ar: ["ar"]
            case .en: ["en"]
            case .mixed: ["ar", "en"]
            case nil: []
            }
            accessStatus = decision.listingStatus
            let showsRestriction = audience == .internal || decision.access != .public
            classificationLevel = audience == .internal ? decision.level : nil
            legalBasis = showsRestriction ? decision.legalBasis : nil
            reviewDate = showsRestriction ? decision.reviewDate : nil
            url = decision.isPublic ? "\(baseURL)/documents/\(document.sha256.hex)/download" : nil
            (howToObtainEn, howToObtainAr) = Self.howToObtain(decision, url: url, baseURL: baseURL)
            format = Listing.formatName(document.mediaType)
            mediaType = document.mediaType
            size = document.size
            pages = document.pages
            filenames = document.filenames
        }

        private static func howToObtain(_ decision: ClassificationDecision, url: String?, baseURL: String) -> (String, String) {
            if let url {
                return decision.access == .partial
                    ? ("Download the released part: \(url)", "تنزيل الجزء المتاح: \(url)")
                    : ("Download: \(url)", "تنزيل: \(url)")
            }
            let request = "\(baseURL)/request"
            return decision.withdrawn && decision.access != .withheld
                ? ("Withdrawn from publication; ask for it with an access-to-information request: \(request)",
                   "سُحبت من النشر؛ اطلبها بطلب حصول على معلومات: \(request)")
                : ("Withheld; an access-to-information request is decided case by case: \(request)",
                   "محجوبة؛ يُبتّ في طلب الحصول على المعلومات لكل حالة: \(request)")
        }

        /// The first words of a text, whitespace collapsed, cut at a word boundary near 200 characters.
        static func summary(of text: String) -> String? {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(512)
            var lastSpace: Int?
            var length = 0
            var afterSpace = false
            for scalar in text.unicodeScalars {
                let isSpace = scalar.value < 0x80 ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value))
                    : scalar.properties.isWhitespace
                if isSpace {
                    afterSpace = !bytes.isEmpty
                    continue
                }
                if length + (afterSpace ? 2 : 1) > 200 {
                    return String(decoding: bytes.prefix(lastSpace ?? bytes.count), as: UTF8.self) + " …"
                }
                if afterSpace {
                    lastSpace = bytes.count
                    bytes.append(0x20)
                    length += 1
                    afterSpace = false
                }
                UTF8.encode(scalar) { bytes.append($0) }
                length += 1
            }
            return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
        }
    }
}
