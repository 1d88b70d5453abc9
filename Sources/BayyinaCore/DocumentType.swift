/// The kind of evidence a document is, as an access-to-information listing names it.
public enum DocumentType: String, Hashable, Sendable, Codable, CaseIterable {
    case minutes
    case workshopReport = "workshop_report"
    case attendanceSheet = "attendance_sheet"
    case presentation
    case policy
    case pressRelease = "press_release"
    case report
    case correspondence
    case dataset
    case photo
    case other

    public func label(_ language: UILanguage) -> String {
        switch self {
        case .minutes: language.pick("Minutes", "محضر اجتماع")
        case .workshopReport: language.pick("Workshop report", "تقرير ورشة عمل")
        case .attendanceSheet: language.pick("Attendance sheet", "كشف حضور")
        case .presentation: language.pick("Presentation", "عرض تقديمي")
        case .policy: language.pick("Policy or regulation", "سياسة أو تعليمات")
        case .pressRelease: language.pick("Press release", "بيان صحفي")
        case .report: language.pick("Report", "تقرير")
        case .correspondence: language.pick("Correspondence", "مراسلة")
        case .dataset: language.pick("Dataset", "بيانات")
        case .photo: language.pick("Photograph", "صورة")
        case .other: language.pick("Other", "أخرى")
        }
    }

    /// The type the words of a title or file name and the media type suggest; the first rule that matches wins,
    /// so the specific kinds (minutes, attendance) come before the general ones (report).
    public static func inferred(title: String, filenames: [String], mediaType: String) -> DocumentType {
        let words = ArabicNormalizer.normalize(([title] + filenames).joined(separator: " "))
            .replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ")
        for (type, cues) in cues where cues.contains(where: { words.contains(ArabicNormalizer.normalize($0)) }) {
            return type
        }
        if mediaType.hasPrefix("message/") { return .correspondence }
        if mediaType.hasPrefix("image/") { return .photo }
        if mediaType.contains("presentation") { return .presentation }
        if mediaType == "text/csv" || mediaType.contains("spreadsheet") { return .dataset }
        return .other
    }

    private static let cues: [(DocumentType, [String])] = [
        (.attendanceSheet, ["كشف حضور", "كشف الحضور", "سجل الحضور", "قائمة الحضور", "attendance"]),
        (.minutes, ["محضر", "minutes"]),
        (.workshopReport, ["ورشة", "ورشه", "workshop"]),
        (.pressRelease, ["بيان صحفي", "خبر صحفي", "press release", "news release"]),
        (.presentation, ["عرض تقديمي", "presentation", "slides"]),
        (.policy, ["سياسة", "تعليمات", "نظام رقم", "قانون", "دليل", "policy", "regulation", "guideline", "bylaw"]),
        (.report, ["تقرير", "report"]),
        (.correspondence, ["كتاب رسمي", "مراسلة", "letter", "memo"]),
    ]
}
