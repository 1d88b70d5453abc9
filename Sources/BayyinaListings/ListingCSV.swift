extension Listing {
    /// The register as CSV, one row per entry, with bilingual column names; the classification level column is
    /// in internal listings only.
    public func csv() -> String {
        let isInternal = audience == .internal
        var header = ["Reference / المرجع", "SHA-256 / البصمة", "Arabic title / العنوان بالعربية", "English title / العنوان بالإنجليزية",
                      "Arabic description / الوصف بالعربية", "English description / الوصف بالإنجليزية", "Type / النوع",
                      "Commitments / الالتزامات", "Milestones / الأنشطة", "Responsible agency / الجهة المسؤولة",
                      "Document date / تاريخ الوثيقة", "Date recorded / تاريخ القيد", "Date published / تاريخ النشر",
                      "Languages / اللغات", "Access status / حالة الإتاحة"]
        if isInternal { header.append("Classification level / مستوى التصنيف") }
        header += ["Legal basis / السند القانوني", "Review date / تاريخ المراجعة", "How to obtain / طريقة الحصول",
                   "Format / الصيغة", "Size in bytes / الحجم بالبايت"]
        var table = CSVTable(header: header)
        for entry in entries {
            var row = [entry.reference, entry.sha256, entry.titleAr ?? "", entry.titleEn ?? "", entry.descriptionAr ?? "",
                       entry.descriptionEn ?? "", "\(entry.typeEn) / \(entry.typeAr)", entry.commitments.joined(separator: "; "),
                       entry.milestones.joined(separator: "; "), [entry.agencyAr, entry.agencyEn].compactMap { $0 }.joined(separator: " / "),
                       entry.documentDate ?? "", entry.dateRecorded, entry.datePublished ?? "", entry.languages.joined(separator: "; "),
                       entry.accessStatus]
            if isInternal { row.append(entry.classificationLevel ?? "") }
            row += [entry.legalBasis ?? "", entry.reviewDate ?? "", entry.url ?? entry.howToObtainEn, entry.format, String(entry.size)]
            table.rows.append(row)
        }
        return table.text()
    }
}
