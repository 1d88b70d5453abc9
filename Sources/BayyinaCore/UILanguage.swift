/// The language Bayyina speaks to a user in: Arabic (right to left) or English.
public enum UILanguage: String, Hashable, Sendable, Codable, CaseIterable {
    case ar
    case en

    /// Arabic when a locale setting such as `LANG=ar_JO.UTF-8` or `BAYYINA_LANG=ar` asks for it, else English.
    public init(environment: [String: String]) {
        let setting = environment["BAYYINA_LANG"] ?? environment["LC_ALL"] ?? environment["LANG"] ?? ""
        self = setting.lowercased().hasPrefix("ar") ? .ar : .en
    }

    /// The English or the Arabic of a user-facing string.
    public func pick(_ english: String, _ arabic: String) -> String {
        self == .ar ? arabic : english
    }
}

extension BayyinaError.Code {
    /// A short Arabic statement of the problem and what to do, for every code.
    public var arabicSummary: String {
        switch rawValue {
        case "empty_file": "الملف فارغ (0 بايت) ولم يُحفظ شيء. تأكد من اكتمال الرفع أو النسخ."
        case "unsupported_type": "نوع الملف غير مقبول كوثيقة داعمة. الأنواع المقبولة: PDF وWord وExcel وPowerPoint وOpenDocument وHTML والبريد الإلكتروني والنصوص وCSV وJPEG وPNG."
        case "disallowed_type": "الملفات التنفيذية والبرمجية غير مقبولة كوثائق داعمة."
        case "encrypted_document": "الوثيقة محمية بكلمة مرور فلا يمكن قراءة نصها. أدخل نسخة غير محمية لتصبح قابلة للبحث."
        case "too_large": "الملف أو أحد أجزائه المضغوطة أكبر من الحد المسموح به. قسّم الملف أو اطلب من المسؤول رفع الحد."
        case "malformed_container": "الملف تالف أو ناقص ولا يمكن فتحه. احفظه من جديد من تطبيقه ثم أعد إدخاله."
        case "forbidden_doctype": "يحتوي الملف على تعريف DOCTYPE لا تستخدمه ملفات Office وOpenDocument، وقد يكون هجوماً، فرُفض."
        case "extraction_failed": "تعذّر استخراج النص من الملف. تأكد من تثبيت الأدوات اللازمة (poppler-utils)."
        case "extraction_timeout": "توقّف استخراج النص لأنه تجاوز الوقت أو الذاكرة المسموح بهما؛ قد يكون الملف تالفاً."
        case "file_not_found": "الملف غير موجود. تحقق من المسار."
        case "unreadable_file": "تعذّرت قراءة الملف. تحقق من الصلاحيات."
        case "invalid_plan": "ملف الخطة غير صالح. صحّح الموضع المذكور في الرسالة."
        case "unknown_commitment": "لا يوجد التزام بهذا الرمز في الخطة. استورد الخطة أولاً أو تحقق من الرمز (مثل C1)."
        case "unknown_milestone": "لا يوجد نشاط بهذا الرمز في الخطة. تحقق من الرمز (مثل C2.M3)."
        case "unknown_document": "لا توجد وثيقة بهذه البصمة."
        case "unknown_suggestion": "لا يوجد اقتراح ربط بهذا الرقم. اعرض الاقتراحات بالأمر bayyina suggestions."
        case "invalid_query": "لا يمكن البحث بهذا الاستعلام. اكتب كلمات، أو \"عبارة\" بين علامتي تنصيص، أو بادئة متبوعة بـ *."
        case "invalid_argument": "قيمة غير صالحة في الأمر. راجع التعليمات (--help)."
        case "storage_failure": "تعذّرت الكتابة في مجلد التخزين. تحقق من المساحة والصلاحيات."
        case "database_failure": "تعذّر الوصول إلى قاعدة البيانات. شغّل bayyina verify أو استرجع نسخة احتياطية."
        case "plan_conflict": "لا يمكن تطبيق الخطة لأنها تحذف التزامات أو أنشطة مرتبطة بوثائق، أو لأن المخزن يحوي خطة أخرى."
        default: "حدث خطأ: \(rawValue)."
        }
    }
}
