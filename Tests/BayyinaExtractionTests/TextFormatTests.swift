import BayyinaCore
@testable import BayyinaExtraction
import BayyinaTestSupport
import Foundation
import Testing

/// HTML, e-mail, text, Markdown, CSV, images and PDF.
@Suite struct TextFormatTests {
    let registry = ExtractorRegistry()

    func extract(_ fixture: String) async throws -> (SniffedType, ExtractedContent) {
        try await registry.extract(fixture: fixture)
    }

    @Test func windows1256PageIsDecodedFromItsMetaCharset() async throws {
        let (sniffed, content) = try await extract("docs/news_maan_youth_consultations.html")
        #expect(sniffed.format == .html)
        #expect(content.title(fileName: "x.html") == ("شباب معان يشاركون في صياغة أولويات الاستراتيجية الوطنية للشباب", .htmlTitle))
        #expect(content.author == "وزارة الشباب - قسم الإعلام")
        #expect(content.created?.hasPrefix("2023-04-18") == true)
        #expect(content.text.contains("أكثر من ستين شاباً وشابة"))
        #expect(content.text.contains("ستنشر ملخصاً بما تم الأخذ"))
    }

    @Test func markupInCapitalsAfterABOMAndBlankLinesIsHTMLAndItsSpacesCollapse() throws {
        let folder = try TemporaryDirectory()
        let page = "\u{FEFF} \n\t<HTML><HEAD><META CHARSET=\"UTF-8\"><TITLE>T</TITLE></HEAD><BODY>"
            + "<p>\u{00A0} \u{00A0}Minutes\u{00A0}\u{00A0}of \t the\r\nmeeting  </p>\n\n\n<p>  Second   paragraph  </p></BODY></HTML>"
        let file = try folder.file("capitals.txt", contents: Data(page.utf8))
        #expect(try TypeSniffer.sniff(fileAt: file, fileName: "capitals.txt", limits: ExtractionLimits()).format == .html)
        #expect(HTMLExtractor.declaredCharset(in: Data(page.utf8)) == "utf-8")
        #expect(HTMLExtractor.declaredCharset(in: Data("<meta http-equiv=\"Content-Type\" content=\"text/html; Charset= 'Windows-1256'\">".utf8)) == "windows-1256")
        let content = HTMLExtractor().extract(Data(page.utf8))
        #expect(content.text == "Minutes of the\nmeeting\n\nSecond paragraph")
    }

    @Test func scriptsStylesAndCommentsAreNotText() async throws {
        let (_, content) = try await extract("docs/integrity_index_results_2022.html")
        let page = try String(contentsOf: Fixtures.url("docs/integrity_index_results_2022.html"), encoding: .utf8)
        #expect(page.contains("<script"))
        #expect(!content.text.contains("dataLayer"))
        #expect(!content.text.contains("<!--"))
        #expect(content.text.contains("mainly because procurement information is"))
        #expect(content.text.contains("بالمشتريات الحكومية وتفعيل وحدات الرقابة"))
        #expect(content.language == .mixed)
    }

    @Test func invalidUTF8IsReplacedWithAWarningAndTheRestIsKept() async throws {
        let (_, content) = try await extract("bad/news_invalid_utf8.html")
        #expect(content.text.contains("نظمت وحدة الحكومة الشفافة ورشة توعوية في محافظة عجلون"))
        #expect(content.text.contains("Participants asked for shorter summaries"))
        #expect(content.text.contains("\u{FFFD}"))
        #expect(!content.warnings.isEmpty)
        #expect(content.title(fileName: "x.html").text == "ورشة توعوية في عجلون حول منصة المشاركة")
    }

    @Test func emailDecodesEncodedHeadersAndPrefersThePlainPart() async throws {
        let (sniffed, content) = try await extract("docs/invitation_msf_meeting_2023-10-15.eml")
        #expect(sniffed.format == .email)
        #expect(content.title(fileName: "x.eml")
            == ("دعوة لحضور اجتماع فريق العمل الوطني لمبادرة شراكة الحكومات الشفافة - الأحد 15/10/2023", .emailSubject))
        #expect(content.author == "وحدة الحكومة الشفافة")
        #expect(content.created == "2023-10-08T07:12:00Z")
        #expect(content.text.contains("في تمام الساعة العاشرة صباحاً"))
        #expect(content.text.contains("You are kindly invited to"))
        #expect(content.attachments.contains { $0.hasSuffix(".ics") })
    }

    @Test func textWithBOMAndCRLFKeepsTatweelAsWritten() async throws {
        let (sniffed, content) = try await extract("docs/karak_hearing_notes.txt")
        #expect(sniffed.format == .text)
        #expect(content.title(fileName: "x.txt").text == "ملاحظـــات جلسة الاستماع - الكرك")
        #expect(!content.text.contains("\r"))
        #expect(!content.text.hasPrefix("\u{FEFF}"))
        #expect(content.text.contains("لازم تنعكس بموازنة السنه الجايه"))
    }

    @Test func markdownTitleLosesItsHeadingMarks() async throws {
        let (sniffed, content) = try await extract("docs/npo_risk_assessment_summary.md")
        #expect(sniffed.format == .markdown)
        #expect(content.title(fileName: "x.md").text == "ملخص تقييم مخاطر استغلال المنظمات غير الهادفة للربح في غسل الأموال وتمويل الإرهاب")
        #expect(content.text.contains("تتلقى تمويلاً أجنبياً أو تنفذ"))
    }

    @Test func csvCellsBecomeTabSeparatedTextAndTheFileNameIsTheTitle() async throws {
        let (sniffed, content) = try await extract("docs/capital_projects_2023.csv")
        #expect(sniffed.format == .csv)
        #expect(content.title(fileName: "capital_projects_2023.csv") == ("capital_projects_2023", .filename))
        #expect(content.text.contains("طريق معان - الحسينية"))
        #expect(content.text.contains("Girls' secondary school in Al-Qasr"))
        #expect(!content.text.hasPrefix("\u{FEFF}"))
    }

    @Test func quotedCSVCellsMayHoldSeparatorsQuotesAndLineBreaks() {
        let rows = CSVExtractor.rows("a,\"b, c\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\n", separator: ",")
        #expect(rows == [["a", "b, c", "say \"hi\""], ["two\nlines", "x"]])
    }

    @Test func photoHasNoTextButItsExifDate() async throws {
        let (sniffed, content) = try await extract("docs/irbid_workshop_photo.jpg")
        #expect(sniffed.format == .jpeg)
        #expect(content.text.isEmpty)
        #expect(content.created == "2023-05-14T10:32:17")
        #expect(content.language == nil)
    }

    @Test func arabicPDFLosesBidiControlsAndKeepsMetadata() async throws {
        let (sniffed, content) = try await extract("docs/integrity_index_2022_summary.pdf")
        #expect(sniffed.format == .pdf)
        #expect(content.pages == 2)
        #expect(content.title(fileName: "x.pdf").text == "ملخص نتائج مؤشر النزاهة الوطني لعام 2022")
        #expect(content.author == "هيئة النزاهة ومكافحة الفساد - مديرية الامتثال")
        #expect(!content.text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })
        #expect(content.text.contains("سيادة القانون والشفافية والمساءلة والعدالة"))
        #expect(content.language == .ar)
    }

    @Test func englishPDFWithoutTitleTakesItsFirstLine() async throws {
        let (_, content) = try await extract("docs/npo_tf_risk_guidance_note.pdf")
        #expect(content.title(fileName: "x.pdf") == ("Guidance Note: Protecting NPOs from Terrorist Financing", .firstHeading))
        #expect(content.text.contains("Accept donations through bank accounts"))
    }

    @Test func strayTanweenLinesRejoinTheirWord() {
        #expect(PDFExtractor.reattachStrayMarks("\u{064B}\nتنفيذا أصدرت الهيئة") == "تنفيذاً أصدرت الهيئة")
        #expect(PDFExtractor.reattachStrayMarks("سطر عادي\nآخر") == "سطر عادي\nآخر")
    }

    @Test func arabicPDFKeepsTanweenOnItsWord() async throws {
        let (_, content) = try await extract("docs/integrity_index_2022_summary.pdf")
        #expect(content.text.contains("تنفيذاً"))
    }

    @Test func bidiRunsThatMeetAreSeparatedByASpace() {
        #expect(PDFExtractor.clean("\u{202B}كلمة\u{202C}\u{202B}أخرى\u{202C}") == "كلمة أخرى")
        #expect(PDFExtractor.clean("\u{FEFB}") == "لا")
    }
}
