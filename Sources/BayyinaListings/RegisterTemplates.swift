public import BayyinaCore
import Foundation
import Mustache

/// The Mustache templates of the printable registers (listing, completeness report, pack index), shipped as resources.
enum RegisterTemplates {
    /// Renders a template; the values are escaped by Mustache.
    static func render(_ name: String, _ values: [String: Any]) throws(BayyinaError) -> String {
        guard let rendered = try library().render(values, withTemplate: name) else {
            throw BayyinaError(.fileNotFound, "The register template '\(name)' is missing from this installation.",
                               arabic: "قالب السجل «\(name)» غير موجود في هذا التثبيت.")
        }
        return rendered
    }

    private static func library() throws(BayyinaError) -> MustacheLibrary {
        do {
            guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
                throw BayyinaError(.fileNotFound, "The register templates are missing from this installation.",
                                   arabic: "قوالب السجلات غير موجودة في هذا التثبيت.")
            }
            var library = MustacheLibrary()
            for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            }
            return library
        } catch let error as BayyinaError {
            throw error
        } catch {
            throw BayyinaError(.fileNotFound, "The register templates cannot be read: \(error)", underlying: error)
        }
    }

    /// A size as people read it: bytes, KB or MB with one decimal.
    static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }
}

extension Listing {
    /// The register as one printable, bilingual, right-to-left HTML page.
    public func html() throws(BayyinaError) -> String {
        let isInternal = audience == .internal
        var filters: [String] = []
        if let commitment = filter.commitment { filters.append("الالتزام / Commitment: \(commitment.rawValue)") }
        if let milestone = filter.milestone { filters.append("النشاط / Milestone: \(milestone.rawValue)") }
        if let agency = filter.agency { filters.append("الجهة / Agency: \(agency)") }
        if let type = filter.type { filters.append("النوع / Type: \(type.label(.ar)) / \(type.label(.en))") }
        if filter.from != nil || filter.to != nil {
            filters.append("التاريخ / Date: \(filter.from?.description ?? "…") – \(filter.to?.description ?? "…")")
        }
        let rows: [[String: Any]] = entries.map { entry in
            let status = Self.statusLabels(entry.accessStatus)
            var row: [String: Any] = [
                "reference": entry.reference, "sha256": entry.sha256, "typeAr": entry.typeAr, "typeEn": entry.typeEn,
                "links": (entry.commitments + entry.milestones).joined(separator: ", "), "documentDate": entry.documentDate ?? "—",
                "dateRecorded": entry.dateRecorded, "datePublished": entry.datePublished ?? "—",
                "languages": entry.languages.joined(separator: ", "), "statusAr": status.ar, "statusEn": status.en,
                "howToObtainAr": entry.howToObtainAr, "howToObtainEn": entry.howToObtainEn,
                "format": entry.format, "size": RegisterTemplates.size(entry.size),
            ]
            let optional: [String: String?] = [
                "titleAr": entry.titleAr, "titleEn": entry.titleEn, "descriptionAr": entry.descriptionAr,
                "descriptionEn": entry.descriptionEn, "agencyAr": entry.agencyAr, "agencyEn": entry.agencyEn,
                "level": entry.classificationLevel, "legalBasis": entry.legalBasis, "reviewDate": entry.reviewDate, "url": entry.url,
            ]
            for case let (key, value?) in optional { row[key] = value }
            return row
        }
        return try RegisterTemplates.render("listing", [
            "pageTitleAr": "سجل الوثائق لأغراض حق الحصول على المعلومات", "pageTitleEn": "Access-to-information register of documents",
            "audienceAr": isInternal ? "نسخة داخلية" : "النسخة العامة", "audienceEn": isInternal ? "Internal edition" : "Public edition",
            "total": entries.count, "generatedAt": generatedAt, "filters": filters, "entries": rows,
        ])
    }

    /// An entry's access status (`public`, `partial`, `withheld`, `withdrawn`) in Arabic and English.
    public static func statusLabels(_ status: String) -> (ar: String, en: String) {
        if let access = AccessStatus(rawValue: status) { return (access.label(.ar), access.label(.en)) }
        return ("مسحوبة من النشر", "Withdrawn")
    }
}
