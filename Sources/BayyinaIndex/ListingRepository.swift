public import BayyinaCore
import Foundation
import GRDB

extension IndexDatabase {
    /// The register rows the audience may see, in reference order. The public sees documents released in whole
    /// or in part, and released documents since withdrawn; staff see every document ever recorded and still stored.
    public func listingRecords(
        for audience: Audience, commitment: CommitmentID? = nil, milestone: MilestoneID? = nil
    ) throws(BayyinaError) -> [ListingRecord] {
        try read { db in
            var (conditions, arguments) = Self.linkConditions(commitment: commitment, milestone: milestone, idColumn: "d.id")
            if audience == .public { conditions.append("c.access <> 'withheld' AND (c.withdrawn = 0 OR p.published_at IS NOT NULL)") }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(db, sql: """
                WITH current AS (
                    SELECT sha256, level, access, withdrawn, legal_basis, decided_by, decided_at, review_date, note, max(id)
                    FROM classification_decisions GROUP BY sha256),
                published AS (
                    SELECT sha256, min(decided_at) AS published_at FROM classification_decisions
                    WHERE access <> 'withheld' AND withdrawn = 0 GROUP BY sha256)
                SELECT d.*, r.number AS reference, p.published_at,
                       c.level AS c_level, c.access AS c_access, c.withdrawn AS c_withdrawn, c.legal_basis AS c_legal_basis,
                       c.decided_by AS c_decided_by, c.decided_at AS c_decided_at, c.review_date AS c_review_date, c.note AS c_note,
                       x.title_ar AS x_title_ar, x.title_en AS x_title_en, x.description_ar AS x_description_ar,
                       x.description_en AS x_description_en, x.document_type AS x_document_type, x.agency AS x_agency,
                       x.document_date AS x_document_date
                FROM (SELECT \(Self.metadataColumns), substr(body, 1, 800) AS excerpt FROM documents) d
                JOIN listing_references r ON r.sha256 = d.sha256
                JOIN current c ON c.sha256 = d.sha256
                LEFT JOIN published p ON p.sha256 = d.sha256
                LEFT JOIN document_descriptions x ON x.document_id = d.id
                \(filter) ORDER BY r.number
                """, arguments: arguments)
            let documents = try Self.documents(from: rows, db: db)
            return zip(rows, documents).map { row, document in
                ListingRecord(
                    reference: row["reference"], document: document, classification: Self.decision(row, prefix: "c_"),
                    publishedAt: row["published_at"], description: Self.description(row, prefix: "x_"), excerpt: row["excerpt"])
            }
        }
    }

    /// What staff have said of a document (all nil when nothing).
    public func documentDescription(_ hash: ContentHash) throws(BayyinaError) -> DocumentDescription {
        try read { db in
            let id = try Self.documentID(hash, db: db)
            return try Row.fetchOne(db, sql: "SELECT * FROM document_descriptions WHERE document_id = ?", arguments: [id])
                .map { Self.description($0) } ?? DocumentDescription()
        }
    }

    /// Changes what staff say of a document: fields given replace the stored ones, an empty string clears one.
    @discardableResult
    public func describe(_ hash: ContentHash, _ change: DocumentDescription, by author: String, at time: String) throws(BayyinaError)
        -> DocumentDescription {
        if let date = change.documentDate, !date.isEmpty, CalendarDate(date) == nil {
            throw BayyinaError(.invalidArgument, "The document date '\(date)' is not a date of the form YYYY-MM-DD.",
                               arabic: "تاريخ الوثيقة «\(date)» ليس تاريخاً بالصيغة YYYY-MM-DD.")
        }
        return try write { db in
            let id = try Self.documentID(hash, db: db)
            let stored = try Row.fetchOne(db, sql: "SELECT * FROM document_descriptions WHERE document_id = ?", arguments: [id])
                .map { Self.description($0) } ?? DocumentDescription()
            let new = change.applied(to: stored)
            try db.execute(sql: """
                INSERT OR REPLACE INTO document_descriptions(document_id, title_ar, title_en, description_ar, description_en,
                    document_type, agency, document_date, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, new.titleAr, new.titleEn, new.descriptionAr, new.descriptionEn, new.type?.rawValue,
                                 new.agency, new.documentDate, author, time])
            try Self.audit("describe", "document:\(hash.hex)", before: try Self.digest(stored), after: try Self.digest(new), actor: author, db: db)
            return new
        }
    }

    private static func description(_ row: Row, prefix: String = "") -> DocumentDescription {
        DocumentDescription(
            titleAr: row[prefix + "title_ar"], titleEn: row[prefix + "title_en"], descriptionAr: row[prefix + "description_ar"],
            descriptionEn: row[prefix + "description_en"], type: (row[prefix + "document_type"] as String?).flatMap(DocumentType.init),
            agency: row[prefix + "agency"], documentDate: row[prefix + "document_date"])
    }
}
