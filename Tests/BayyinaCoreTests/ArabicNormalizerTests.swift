import BayyinaCore
import Testing

@Suite struct ArabicNormalizerTests {
    @Test(arguments: [
        ("أحمد", "احمد"), ("إدارة", "اداره"), ("آليات", "اليات"), ("ٱلرحمن", "الرحمن"), ("الأولويات", "الاولويات"),
    ])
    func alefVariantsFoldToBareAlef(written: String, expected: String) {
        #expect(ArabicNormalizer.normalize(written) == expected)
    }

    @Test func hamzaOnWawAndYehIsKept() {
        #expect(ArabicNormalizer.normalize("مؤسسة") == "مؤسسه")
        #expect(ArabicNormalizer.normalize("هيئة") == "هيئه")
        #expect(ArabicNormalizer.normalize("ءامن") == "ءامن")
    }

    @Test func alefMaksuraFoldsToYeh() {
        #expect(ArabicNormalizer.normalize("ملتقى") == "ملتقي")
        #expect(ArabicNormalizer.normalize("مستوى") == ArabicNormalizer.normalize("مستوي"))
        #expect(ArabicNormalizer.normalize("یوم") == "يوم")
    }

    @Test func taaMarbutaFoldsToHeh() {
        #expect(ArabicNormalizer.normalize("بلدية") == ArabicNormalizer.normalize("بلديه"))
        #expect(ArabicNormalizer.normalize("هيئة النزاهة") == "هيئه النزاهه")
    }

    @Test func tatweelIsRemoved() {
        #expect(ArabicNormalizer.normalize("ملاحظـــات") == "ملاحظات")
    }

    @Test(arguments: ["\u{064B}", "\u{064C}", "\u{064D}", "\u{064E}", "\u{064F}", "\u{0650}", "\u{0651}", "\u{0652}", "\u{0670}"])
    func eachHarakaIsRemoved(mark: String) {
        #expect(ArabicNormalizer.normalize("ك" + mark + "تاب") == "كتاب")
    }

    @Test func fullyVocalizedWordMatchesBareWord() {
        #expect(ArabicNormalizer.normalize("الشَّفَافِيَة") == ArabicNormalizer.normalize("الشفافية"))
        #expect(ArabicNormalizer.normalize("تَكافُؤ الفُرَص") == "تكافؤ الفرص")
    }

    @Test func arabicIndicDigitsBecomeASCII() {
        #expect(ArabicNormalizer.normalize("٤/١٢/٧٥٣٢") == "4/12/7532")
        #expect(ArabicNormalizer.normalize("٠١٢٣٤٥٦٧٨٩") == "0123456789")
    }

    @Test func easternArabicIndicDigitsBecomeASCII() {
        #expect(ArabicNormalizer.normalize("۰۱۲۳۴۵۶۷۸۹") == "0123456789")
    }

    @Test func presentationFormsFoldToLetters() {
        #expect(ArabicNormalizer.normalize("\u{FEB3}\u{FEFC}\u{FEE1}") == "سلام")
        #expect(ArabicNormalizer.normalize("\u{FE8D}\u{FEDF}\u{FEE4}\u{FEAE}\u{FE84}\u{FE93}") == "المراه")
    }

    @Test func lamAlefLigaturesBecomeTwoLetters() {
        #expect(ArabicNormalizer.normalize("\u{FEFB}") == "لا")
        #expect(ArabicNormalizer.normalize("\u{FEF7}") == "لا")
        #expect(ArabicNormalizer.normalize("\u{FEF9}") == "لا")
        #expect(ArabicNormalizer.normalize("\u{FEF5}") == "لا")
    }

    @Test func formatCharactersAreRemoved() {
        #expect(ArabicNormalizer.normalize("\u{202B}وزارة\u{202C}\u{200F}") == "وزاره")
        #expect(ArabicNormalizer.normalize("مش\u{200C}ارکة") == "مشاركه")
    }

    @Test func latinIsLowerCasedWithoutDiacritics() {
        #expect(ArabicNormalizer.normalize("Participation") == "participation")
        #expect(ArabicNormalizer.normalize("Résumé ÉTÉ") == "resume ete")
        #expect(ArabicNormalizer.normalize("Nguyễn Łódź Ḥusayn Ǻ") == "nguyen łodz husayn a")
    }
}
