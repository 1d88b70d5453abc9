import BayyinaCore
import BayyinaIndex
import Testing

/// Arabic queries find documents whatever their spelling variants, with the text as written in snippets.
@Suite struct ArabicSearchTests {
    @Test func alefVariantsMatchBareAlef() throws {
        let index = try TestIndex()
        try index.add("strategy", "أطلقت الوزارة الاستراتيجية الوطنية للشباب")
        #expect(try index.titles("الإستراتيجية") == ["strategy"])
        #expect(try index.titles("الاستراتيجيه") == ["strategy"])
    }

    @Test func hamzaInTextMatchesQueryWithout() throws {
        let index = try TestIndex()
        try index.add("priorities", "ناقش المشاركون الاولويات في المشاريع")
        #expect(try index.titles("أولويات المشاريع") == ["priorities"])
    }

    @Test func articleIsOptional() throws {
        let index = try TestIndex()
        try index.add("integrity", "نتائج مؤشر النزاهة الوطني")
        #expect(try index.titles("نزاهة") == ["integrity"])
    }

    @Test func diacriticsInQueryOrTextDoNotMatter() throws {
        let index = try TestIndex()
        try index.add("vocalized", "على مبدأ تَكافُؤ الفُرَص وعدم التمييز")
        try index.add("plain", "تعزيز الشفافية في المؤسسات")
        #expect(try index.titles("تكافؤ الفرص") == ["vocalized"])
        #expect(try index.titles("الشَّفَافِيَة") == ["plain"])
    }

    @Test func taaMarbutaAndAlefMaksuraAreFolded() throws {
        let index = try TestIndex()
        try index.add("commission", "اجتماع مع هيئة النزاهة ومكافحة الفساد")
        try index.add("forum", "ملتقى الشباب في المحافظة")
        #expect(try index.titles("هيئه النزاهه") == ["commission"])
        #expect(try index.titles("ملتقي الشباب") == ["forum"])
    }

    @Test func tatweelAndArabicIndicDigitsAreFolded() throws {
        let index = try TestIndex()
        try index.add("notes", "ملاحظـــات جلسة الاستماع رقم الكتاب ٤/١٢/٧٥٣٢")
        #expect(try index.titles("ملاحظات جلسة") == ["notes"])
        #expect(try index.titles("7532") == ["notes"])
    }

    @Test func protectedWordsMatchAcrossTheirForms() throws {
        let index = try TestIndex()
        try index.add("commitment", "متابعة تنفيذ الإلتزام الثاني")
        try index.add("visit", "زار الوفد المحافظة")
        #expect(try index.titles("التزام") == ["commitment"])
        #expect(try index.titles("وزارة").isEmpty)
    }

    @Test func exactFormsRankAboveStems() throws {
        let index = try TestIndex()
        try index.add("stem only", "الحكومة الشفافة والحكومات الشفافة والشفافة")
        try index.add("exact", "تعزيز الشفافية")
        let titles = try index.titles("الشفافية")
        #expect(titles.first == "exact")
        #expect(titles.contains("stem only"))
    }

    @Test func snippetShowsTextAsWrittenWithTheMatchMarked() throws {
        let index = try TestIndex()
        try index.add("vocalized", "مقدمة طويلة ثم تَكافُؤ الفُرَص في العمل")
        let hit = try #require(try index.search("تكافؤ").hits.first)
        #expect(hit.snippet.plain.contains("تَكافُؤ"))
        #expect(hit.snippet.marked(start: "<mark>", end: "</mark>").contains("<mark>تَكافُؤ</mark>"))
    }

    @Test func snippetMarksTheRightWordAfterRunsThatAreNotWords() throws {
        let index = try TestIndex()
        // A run of tatweel and a lone tanween are split out as words but are no index token: they hold no position.
        try index.add("runs", "ـــ تقرير ً والورشة الختامية ـ في الكرك")
        for (query, word) in [("الورشة", "والورشة"), ("الكرك", "الكرك"), ("ختامي*", "الختامية")] {
            let hit = try #require(try index.search(query).hits.first)
            let marked = hit.snippet.marked(start: "[", end: "]")
            #expect(marked.contains("[\(word)]"), "\(query): \(marked)")
            #expect(marked.filter { $0 == "[" }.count == 1)
        }
    }

    @Test func snippetMarksComeAfterEscaping() throws {
        let index = try TestIndex()
        try index.add("markup", "<script>alert(1)</script> تقرير الورشة")
        let hit = try #require(try index.search("تقرير").hits.first)
        let html = hit.snippet.marked(start: "<mark>", end: "</mark>") {
            $0.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        #expect(html.contains("&lt;script&gt;"))
        #expect(html.contains("<mark>تقرير</mark>"))
    }
}
