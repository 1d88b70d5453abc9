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
        let words = ArabicNormalizer.normalize(([title] + filenames).joined(separator: " ")).utf8.map { $0 == 0x5F || $0 == 0x2D ? 0x20 : $0 }
        for (type, cues) in normalizedCues where cues.contains(where: { Self.contains(words, $0) }) {
            return type
        }
        if mediaType.hasPrefix("message/") { return .correspondence }
        if mediaType.hasPrefix("image/") { return .photo }
        if mediaType.contains("presentation") { return .presentation }
        if mediaType == "text/csv" || mediaType.contains("spreadsheet") { return .dataset }
        return .other
    }

    /// Whether `needle` occurs in `haystack` (both UTF-8, so a match is a match of whole characters).
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }

    /// The cues as the normalizer writes them, in UTF-8.
    private static let normalizedCues = cues.map { type, words in (type, words.map { Array(ArabicNormalizer.normalize($0).utf8) }) }

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
