import BayyinaCore
import Testing

@Suite struct LightStemmerTests {
    private func stem(_ word: String) -> String {
        LightStemmer.stems(of: ArabicNormalizer.normalize(word))[0]
    }

    @Test(arguments: [
        ("المشاريع", "مشاريع"), ("والمشاريع", "مشاريع"), ("بالمشاريع", "مشاريع"), ("كالمشاريع", "مشاريع"),
        ("فالمشاريع", "مشاريع"), ("للمشاريع", "مشاريع"),
    ])
    func everyArticlePrefixIsRemoved(word: String, expected: String) {
        #expect(stem(word) == expected)
    }

    @Test func articleIsKeptWhenTooLittleRemains() {
        #expect(stem("الي") == "الي")
        #expect(LightStemmer.lightForms(of: "الحق") == ["الحق"])
    }

    @Test func conjunctionWawGivesASecondReading() {
        #expect(LightStemmer.stems(of: "وتمويل") == ["وتمويل", "تمويل"])
        #expect(LightStemmer.stems(of: "ورد") == ["ورد"])
    }

    @Test(arguments: [
        ("كتابها", "كتاب"), ("مشاركان", "مشارك"), ("مشاركات", "مشارك"), ("مشاركون", "مشارك"), ("مشاركين", "مشارك"),
        ("شبابيه", "شباب"), ("الشبابية", "شباب"), ("مشاركة", "مشارك"), ("استشاري", "استشار"), ("كتابه", "كتاب"),
    ])
    func everySuffixIsRemoved(word: String, expected: String) {
        #expect(stem(word) == expected)
    }

    @Test func suffixesLeaveAtLeastThreeLetters() {
        #expect(stem("بيان") == "بيان")
        #expect(stem("ورشه") == "ورشه")
    }

    @Test(arguments: [
        ("وزارة", "وزاره"), ("الوزارة", "وزاره"), ("وزارات", "وزاره"), ("التزام", "التزام"), ("الالتزام", "التزام"),
        ("الإلتزام", "التزام"), ("والتزام", "التزام"), ("بالتزام", "التزام"), ("الالتزامات", "التزام"), ("قانون", "قانون"),
        ("القانون", "قانون"), ("آليات", "اليه"), ("الآلية", "اليه"), ("هيئة", "هيئه"), ("هيئات", "هيئه"),
        ("مؤسسة", "مؤسسه"), ("المؤسسات", "مؤسسه"), ("وحدة", "وحده"), ("الوطنية", "وطني"),
    ])
    func protectedWordsKeepTheirStem(word: String, expected: String) {
        #expect(stem(word) == expected)
    }

    @Test func lightFormsDropOnlyTheArticle() {
        #expect(LightStemmer.lightForms(of: "الشفافيه") == ["شفافيه"])
        #expect(LightStemmer.lightForms(of: "والشفافيه") == ["شفافيه"])
        #expect(LightStemmer.lightForms(of: "الالتزام") == ["التزام"])
    }

    @Test func prefixQueriesLoseTheirArticle() {
        #expect(LightStemmer.stemPrefix("التشاور") == "تشاور")
        #expect(LightStemmer.stemPrefix("تشاور") == "تشاور")
    }

    @Test func englishPluralsAreRemoved() {
        #expect(LightStemmer.stems(of: "committees") == ["committee"])
        #expect(LightStemmer.stems(of: "policies") == ["policy"])
        #expect(LightStemmer.stems(of: "process") == ["process"])
        #expect(LightStemmer.stems(of: "focus") == ["focus"])
        #expect(LightStemmer.stems(of: "bus") == ["bus"])
    }
}
