public import BayyinaCore
public import Foundation

extension CompletenessReport {
    /// `Schemas/json/completeness-report.schema.json`.
    public func json() throws(BayyinaError) -> Data {
        try JSONOutput.encode(self)
    }

    /// One row per commitment followed by one per milestone, with bilingual column names.
    public func csv() -> String {
        var table = CSVTable(header: [
            "Commitment or milestone / الالتزام أو النشاط", "Arabic title / العنوان بالعربية", "English title / العنوان بالإنجليزية",
            "Reported status / الحالة المبلغ عنها", "Start / البداية", "End / النهاية", "Evidence / عدد الأدلة",
            "Latest evidence date / تاريخ أحدث دليل", "Flags / الملاحظات", "Suggested IRM level / مستوى الإنجاز المقترح",
            "English reason / السبب بالإنجليزية", "Arabic reason / السبب بالعربية",
        ])
        for commitment in commitments {
            table.rows.append([commitment.id, commitment.titleAr ?? "", commitment.titleEn ?? "", "", "", "", String(commitment.evidenceCount),
                               commitment.latestEvidenceDate ?? "", Self.flagText(commitment.flags),
                               commitment.suggested.level.label(.en), commitment.suggested.reasonEn, commitment.suggested.reasonAr])
            for milestone in commitment.milestones {
                table.rows.append([milestone.id, milestone.titleAr ?? "", milestone.titleEn ?? "", milestone.reportedStatus ?? "",
                                   milestone.start ?? "", milestone.end ?? "", String(milestone.evidenceCount),
                                   milestone.latestEvidenceDate ?? "", Self.flagText(milestone.flags),
                                   milestone.suggested.level.label(.en), milestone.suggested.reasonEn, milestone.suggested.reasonAr])
            }
        }
        return table.text()
    }

    /// The report as one printable, bilingual, right-to-left HTML page.
    public func html() throws(BayyinaError) -> String {
        func suggestion(_ value: Suggestion) -> [String: Any] {
            ["levelAr": value.level.label(.ar), "levelEn": value.level.label(.en), "level": value.level.rawValue,
             "reasonAr": value.reasonAr, "reasonEn": value.reasonEn]
        }
        func flags(_ flags: [Flag]) -> [[String: String]] {
            flags.map { ["ar": $0.label(.ar), "en": $0.label(.en), "code": $0.rawValue] }
        }
        let rows: [[String: Any]] = commitments.map { commitment in
            [
                "id": commitment.id, "titleAr": commitment.titleAr ?? "", "titleEn": commitment.titleEn ?? "",
                "agencyAr": commitment.leadAgencyAr ?? "", "agencyEn": commitment.leadAgencyEn ?? "",
                "evidenceCount": commitment.evidenceCount, "latest": commitment.latestEvidenceDate ?? "—",
                "flags": flags(commitment.flags), "suggested": suggestion(commitment.suggested),
                "milestones": commitment.milestones.map { milestone -> [String: Any] in
                    let status = milestone.reportedStatus.flatMap(MilestoneStatus.init)
                    return [
                        "id": milestone.id, "titleAr": milestone.titleAr ?? "", "titleEn": milestone.titleEn ?? "",
                        "statusAr": status.map { Self.statusLabel($0, .ar) } ?? "—", "statusEn": status.map { Self.statusLabel($0, .en) } ?? "—",
                        "dates": "\(milestone.start ?? "…") – \(milestone.end ?? "…")", "evidenceCount": milestone.evidenceCount,
                        "latest": milestone.latestEvidenceDate ?? "—", "flags": flags(milestone.flags),
                        "suggested": suggestion(milestone.suggested),
                    ]
                },
            ]
        }
        return try RegisterTemplates.render("completeness", [
            "pageTitleAr": "تقرير اكتمال الأدلة وحداثتها", "pageTitleEn": "Evidence completeness and freshness report",
            "audienceAr": audience == .internal ? "نسخة داخلية" : "النسخة العامة",
            "audienceEn": audience == .internal ? "Internal edition" : "Public edition",
            "asOf": asOf.description, "generatedAt": generatedAt, "commitments": rows,
        ])
    }

    private static func flagText(_ flags: [Flag]) -> String {
        flags.map { "\($0.label(.en)) / \($0.label(.ar))" }.joined(separator: "; ")
    }

    public static func statusLabel(_ status: MilestoneStatus, _ language: UILanguage) -> String {
        switch status {
        case .notStarted: language.pick("Not started", "لم يبدأ")
        case .inProgress: language.pick("In progress", "قيد التنفيذ")
        case .completed: language.pick("Completed", "مكتمل")
        }
    }
}
