import BayyinaCore

/// Every string of the public pages, in Arabic and English.
enum UIStrings {
    static let table: [String: (en: String, ar: String)] = [
        "siteName": ("Bayyina — evidence repository", "بيّنة — مستودع الوثائق الداعمة"),
        "siteTagline": ("Evidence for Jordan's open government commitments", "الأدلة على تنفيذ التزامات الأردن في الحكومة المنفتحة"),
        "skipToContent": ("Skip to content", "انتقل إلى المحتوى"),
        "navPlan": ("Action plan", "خطة العمل"),
        "navSearch": ("Search", "البحث"),
        "otherLanguage": ("العربية", "English"),
        "searchLabel": ("Search the evidence", "ابحث في الوثائق الداعمة"),
        "searchButton": ("Search", "ابحث"),
        "searchHelp": ("All words must match; \"quotes\" for a phrase; word* for a prefix.",
                       "يجب أن تتطابق كل الكلمات؛ علامتا التنصيص لعبارة؛ والنجمة * لبداية كلمة."),
        "commitment": ("Commitment", "الالتزام"),
        "commitments": ("Commitments", "الالتزامات"),
        "milestones": ("Milestones", "الأنشطة"),
        "leadAgency": ("Lead agency", "الجهة المسؤولة"),
        "evidence": ("Evidence", "الوثائق الداعمة"),
        "evidenceCount": ("Documents", "عدد الوثائق"),
        "lastEvidence": ("Latest evidence", "أحدث وثيقة"),
        "status": ("Status", "الحالة"),
        "completed": ("Completed", "مكتمل"),
        "in_progress": ("In progress", "قيد التنفيذ"),
        "not_started": ("Not started", "لم يبدأ"),
        "dates": ("Dates", "التواريخ"),
        "noEvidence": ("No evidence yet.", "لا توجد وثائق بعد."),
        "wholeCommitment": ("Evidence for the commitment as a whole", "وثائق تخص الالتزام ككل"),
        "results": ("results", "نتيجة"),
        "noResults": ("No documents match. Try fewer words, another spelling, or a prefix such as تشاور*.",
                      "لا توجد وثائق مطابقة. جرّب كلمات أقل أو كتابة أخرى أو بداية كلمة مثل تشاور*."),
        "page": ("page", "صفحة"),
        "previous": ("Previous", "السابق"),
        "next": ("Next", "التالي"),
        "title": ("Title", "العنوان"),
        "author": ("Author", "المؤلف"),
        "created": ("Date", "التاريخ"),
        "language": ("Language", "اللغة"),
        "pages": ("Pages", "الصفحات"),
        "type": ("Type", "النوع"),
        "size": ("Size", "الحجم"),
        "fileNames": ("File names", "أسماء الملف"),
        "download": ("Download the original", "تنزيل الملف الأصلي"),
        "textPreview": ("Text", "النص"),
        "notFound": ("This page does not exist.", "هذه الصفحة غير موجودة."),
        "badRequest": ("The request could not be understood.", "تعذّر فهم الطلب."),
        "backHome": ("Back to the action plan", "العودة إلى خطة العمل"),
        "onPage": ("on page", "في الصفحة"),
    ]

    /// The strings in one language, keyed for the templates (`{{t.searchLabel}}`).
    static func strings(_ language: UILanguage) -> [String: String] {
        table.mapValues { language == .ar ? $0.ar : $0.en }
    }
}
