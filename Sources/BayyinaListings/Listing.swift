public import BayyinaCore
public import BayyinaIndex
import Foundation

/// Which documents a listing, report or pack covers.
public struct ListingFilter: Sendable, Encodable, Equatable {
    public var commitment: CommitmentID?
    public var milestone: MilestoneID?
    /// Part of the responsible agency's Arabic or English name.
    public var agency: String?
    public var type: DocumentType?
    /// Document dates (the date recorded for an undated document) from and to, inclusive.
    public var from: CalendarDate?
    public var to: CalendarDate?

    public init(
        commitment: CommitmentID? = nil, milestone: MilestoneID? = nil, agency: String? = nil, type: DocumentType? = nil,
        from: CalendarDate? = nil, to: CalendarDate? = nil
    ) {
        self.commitment = commitment
        self.milestone = milestone
        self.agency = agency
        self.type = type
        self.from = from
        self.to = to
    }

    func admits(_ entry: Listing.Entry) -> Bool {
        if let type, entry.type != type.rawValue { return false }
        if let agency {
            let wanted = ArabicNormalizer.normalize(agency)
            guard [entry.agencyAr, entry.agencyEn].contains(where: { $0.map { ArabicNormalizer.normalize($0).contains(wanted) } ?? false })
            else { return false }
        }
        let date = CalendarDate(entry.documentDate ?? entry.dateRecorded)
        if let from, date.map({ $0 < from }) ?? true { return false }
        if let to, date.map({ $0 > to }) ?? true { return false }
        return true
    }
}

/// The access-to-information register: one entry per document the audience may see, in reference order. One value,
/// rendered as HTML, CSV, JSON and DCAT JSON-LD.
public struct Listing: Sendable {
    public var audience: Audience
    public var generatedAt: String
    public var filter: ListingFilter
    /// Where the public pages are served, for the "how to obtain" links.
    public var baseURL: String
    public var entries: [Entry]

    /// Builds the listing from the register; a public listing never holds a withheld document, nor counts one.
    public init(
        index: IndexDatabase, audience: Audience, filter: ListingFilter = ListingFilter(), baseURL: String = Listing.defaultBaseURL,
        clock: any WallClock = SystemClock()
    ) throws(BayyinaError) {
        let agencies = Dictionary(
            (try index.plan()?.commitments ?? []).map { ($0.id, $0.leadAgency) }, uniquingKeysWith: { first, _ in first })
        let records = try index.listingRecords(for: audience, commitment: filter.commitment, milestone: filter.milestone)
        let base = Self.withoutTrailingSlash(baseURL)
        self.audience = audience
        self.filter = filter
        self.baseURL = base
        generatedAt = Timestamp.string(from: clock.now())
        entries = records.map { record in
            let leads = Set(record.document.commitments.compactMap { agencies[$0] ?? nil })
            return Entry(record, audience: audience, leadAgency: leads.count == 1 ? leads.first : nil, baseURL: base)
        }.filter(filter.admits)
    }

    /// An address to which paths are appended.
    static func withoutTrailingSlash(_ address: String) -> String {
        address.hasSuffix("/") ? String(address.dropLast()) : address
    }

    /// Where a listing says documents can be obtained when no address is configured.
    public static let defaultBaseURL = "http://localhost:8080"

    /// The short name of a media type, such as PDF, DOCX or ODT; the media type itself when it has none.
    public static func formatName(_ mediaType: String) -> String {
        let names = [
            "application/pdf": "PDF", "application/msword": "DOC", "text/csv": "CSV", "text/plain": "TXT", "text/html": "HTML",
            "text/markdown": "Markdown", "message/rfc822": "EML", "image/jpeg": "JPEG", "image/png": "PNG", "image/tiff": "TIFF",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation": "PPTX",
            "application/vnd.oasis.opendocument.text": "ODT", "application/vnd.oasis.opendocument.spreadsheet": "ODS",
            "application/vnd.oasis.opendocument.presentation": "ODP",
        ]
        return names[mediaType.split(separator: ";").first.map(String.init) ?? mediaType] ?? mediaType
    }

    /// The register number as printed: `BY-000042`.
    public static func reference(_ number: Int) -> String {
        "BY-" + String(repeating: "0", count: max(0, 6 - String(number).count)) + String(number)
    }
}
