import BayyinaCore
@testable import BayyinaExtraction
import BayyinaTestSupport
import Foundation
import Testing

/// Features of each format that the real evidence does not show, on small generated files (`Fixtures/generated`).
@Suite struct FormatFeatureTests {
    let registry = ExtractorRegistry()

    func extract(_ name: String) async throws -> (SniffedType, ExtractedContent) {
        try await registry.extract(fixture: "generated/\(name)")
    }

    @Test func wordKeepsHeadersFootersNotesCommentsTablesAndOneCopyOfEachTextBox() async throws {
        let (_, content) = try await extract("word_parts.docx")
        for part in ["ترويسة وزارة التخطيط", "Page footer of the report", "حاشية سفلية عن المصدر", "Endnote about the methodology",
                     "تعليق المراجع على الفقرة", "خلية الجدول الأولى", "Second table cell"] {
            #expect(content.text.contains(part), "missing \(part)")
        }
        #expect(content.text.components(separatedBy: "مربع نص عن الموازنة المفتوحة").count == 2)
        #expect(!content.text.contains("نص محذوف"))
        #expect(content.title(fileName: "word_parts.docx") == ("تقرير ورشة المحافظات", .firstHeading))
        #expect(content.text.hasPrefix("تقرير ورشة المحافظات"))
    }

    @Test func spreadsheetReadsInlineAndRichStringsNumbersAndBooleans() async throws {
        let (_, content) = try await extract("inline_strings.xlsx")
        #expect(content.text.contains("الحضور"))
        #expect(content.text.contains("سجل المشاركين المضمن"))
        #expect(content.text.contains("Inline rich text\t42\tTRUE"))
        #expect(content.title(fileName: "x.xlsx").text == "سجل المشاركين المضمن")
    }

    @Test func presentationFollowsSlideOrderAndAddsSpeakerNotesWithoutSlideNumbers() async throws {
        let (_, content) = try await extract("speaker_notes.pptx")
        #expect(content.pages == 2)
        #expect(content.title(fileName: "x.pptx").text == "عنوان الشريحة الأولى")
        let first = try #require(content.text.range(of: "نقطة في الشريحة الأولى"))
        let second = try #require(content.text.range(of: "Second slide bullet"))
        let notes = try #require(content.text.range(of: "ملاحظات المتحدث عن الشريحة الثانية"))
        #expect(first.lowerBound < second.lowerBound && second.lowerBound < notes.lowerBound)
        #expect(!content.text.split(separator: "\n").contains("3"))
    }

    @Test func openDocumentSpreadsheetKeepsSheetNamesAndCells() async throws {
        let (sniffed, content) = try await extract("budget_sheet.ods")
        #expect(sniffed.format == .ods)
        #expect(content.text.contains("النفقات"))
        #expect(content.text.contains("بند النفقات الرأسمالية"))
        #expect(content.author == "وحدة الحكومة الشفافة")
        #expect(content.title(fileName: "x.ods").text == "budget_sheet")
    }

    @Test func openDocumentPresentationCountsPagesAndKeepsNotesAndSpaces() async throws {
        let (sniffed, content) = try await extract("forum_slides.odp")
        #expect(sniffed.format == .odp)
        #expect(content.pages == 2)
        #expect(content.text.contains("شريحة منتدى الحكومة"))
        #expect(content.text.contains("ملاحظة المقدم"))
        #expect(content.text.contains("Second page   spaced"))
    }

    @Test func htmlOnlyEmailInWindows1256IsDecoded() async throws {
        let (sniffed, content) = try await extract("html_only.eml")
        #expect(sniffed.format == .email)
        #expect(content.author == "وزارة المالية")
        #expect(content.title(fileName: "x.eml") == ("Open budget workshop", .emailSubject))
        #expect(content.created == "2023-09-04T06:15:00Z")
        #expect(content.text.contains("دعوة إلى ورشة الموازنة المفتوحة"))
        #expect(!content.text.contains("<p>"))
    }

    @Test func utf16TextWithBOMIsDecoded() async throws {
        let (_, content) = try await extract("utf16_minutes.txt")
        #expect(content.text == "محضر مكتوب بترميز UTF-16\nالسطر الثاني")
    }

    @Test func undeclaredWindows1256TextIsDetectedWithAWarning() async throws {
        let (_, content) = try await extract("windows1256_notes.txt")
        #expect(content.text.hasPrefix("ملاحظات مكتوبة بترميز ويندوز العربي"))
        #expect(content.warnings.map(\.code) == ["charset_guessed"])
    }

    @Test func pngExifDateIsRead() async throws {
        let (sniffed, content) = try await extract("photo_with_exif.png")
        #expect(sniffed.format == .png)
        #expect(content.created == "2023-09-04T11:20:05")
        #expect(content.text.isEmpty)
    }
}

@Suite struct DecodingEdgeTests {
    let registry = ExtractorRegistry()

    @Test func utf16WithoutByteOrderMarkIsRecognised() async throws {
        let (sniffed, content) = try await registry.extract(fixture: "generated/utf16le_no_bom.txt")
        #expect(sniffed.format == .text)
        #expect(content.text == "ملاحظات بترميز UTF-16 دون علامة")
        #expect(content.warnings.map(\.code) == ["charset_guessed"])
    }

    @Test func fileWithoutTextIsKeptWithANotice() async throws {
        let (_, content) = try await registry.extract(fixture: "generated/whitespace_only.txt")
        #expect(content.text.isEmpty)
        #expect(content.warnings.map(\.code) == ["no_text"])
        #expect(!content.warnings[0].arabic.isEmpty)
    }

    @Test(arguments: ["Untitled", "Microsoft Word - report.docx", "report_final_v2.pdf", "PowerPoint Presentation", "---", "بدون عنوان"])
    func placeholderMetadataTitlesGiveWayToTheFirstHeading(placeholder: String) {
        var content = ExtractedContent(mediaType: "application/pdf")
        content.metadataTitle = placeholder
        content.headingTitle = "تقرير ورشة العمل"
        #expect(content.title(fileName: "x.pdf") == ("تقرير ورشة العمل", .firstHeading))
    }

    @Test func realMetadataTitlesAreKept() {
        var content = ExtractedContent(mediaType: "application/pdf")
        content.metadataTitle = "Minutes of the Forum, 20 March 2022"
        content.headingTitle = "Minutes"
        #expect(content.title(fileName: "x.pdf") == ("Minutes of the Forum, 20 March 2022", .metadata))
    }
}

@Suite struct LargeInputTests {
    @Test func hugeTextFileIsReadOnlyUpToTheTextLimit() async throws {
        var limits = ExtractionLimits()
        limits.maximumTextBytes = 1024
        let folder = try TemporaryDirectory()
        let file = try folder.file("big.txt", contents: Data(String(repeating: "سطر من محضر الاجتماع\n", count: 5000).utf8))
        let (_, content) = try await ExtractorRegistry(limits: limits).extract(fileAt: file, fileName: "big.txt")
        #expect(content.text.utf8.count <= 1024)
        #expect(content.text.hasPrefix("سطر من محضر الاجتماع"))
        #expect(content.warnings.map(\.code) == ["text_truncated"])
    }
}

@Suite struct PropertyTests {
    let registry = ExtractorRegistry()

    @Test func pdfPropertiesComeFromTheInfoDictionary() async throws {
        let (_, content) = try await registry.extract(fixture: "docs/integrity_index_2022_summary.pdf")
        #expect(content.properties.keywords == ["النزاهة", "الامتثال", "المؤشر", "الوطني"])
        #expect(content.properties.creatorTool == "Writer")
        #expect(content.properties.pdfVersion == "1.6")
        #expect(content.properties.tagged == false)
        #expect(content.properties.encrypted == false)
    }

    @Test func permissionsOnlyPDFIsMarkedEncrypted() async throws {
        let (_, content) = try await registry.extract(fixture: "generated/permissions_only.pdf")
        #expect(content.properties.encrypted == true)
    }

    @Test func wordPropertiesComeFromCoreAndAppParts() async throws {
        let (_, content) = try await registry.extract(fixture: "docs/compliance_officers_training_agenda.docx")
        #expect(content.properties.keywords == ["compliance officers", "training", "integrity"])
        #expect(content.properties.creatorTool == "Microsoft Macintosh Word")
        #expect(content.properties.modified == "2023-03-02T09:00:00Z")
    }

    @Test func openDocumentPropertiesComeFromMeta() async throws {
        let (_, content) = try await registry.extract(fixture: "docs/gender_gap_analysis_summary.odt")
        #expect(content.properties.keywords == ["النوع الاجتماعي", "تحليل الفجوات"])
        #expect(content.properties.creatorTool == "OGP-JO-Evidence-Templates/2.1")
        #expect(content.properties.modified == "2022-12-14T11:00:00")
    }

    @Test func xmpPacketFillsTitleCreatorDatesAndKeywords() throws {
        let packet = """
            <?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
              xmp:CreateDate="2023-05-18T09:30:00Z" xmp:CreatorTool="Microsoft Word">
            <dc:title><rdf:Alt><rdf:li xml:lang="x-default">تقرير ورشة إربد</rdf:li></rdf:Alt></dc:title>
            <dc:creator><rdf:Seq><rdf:li>وحدة الحكومة الشفافة</rdf:li></rdf:Seq></dc:creator>
            <dc:subject><rdf:Bag><rdf:li>إربد</rdf:li><rdf:li>OGP</rdf:li></rdf:Bag></dc:subject>
            <xmp:ModifyDate>2023-05-19T10:00:00Z</xmp:ModifyDate>
            </rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>
            """
        let xmp = try XMPMetadata(Data(packet.utf8))
        #expect(xmp.title == "تقرير ورشة إربد")
        #expect(xmp.creator == "وحدة الحكومة الشفافة")
        #expect(xmp.keywords == ["إربد", "OGP"])
        #expect(xmp.created == "2023-05-18T09:30:00Z")
        #expect(xmp.modified == "2023-05-19T10:00:00Z")
        #expect(xmp.creatorTool == "Microsoft Word")
    }

    @Test func keywordsSplitOnCommasSemicolonsAndArabicCommas() {
        #expect(DocumentProperties.keywords(from: "الكرك، Karak; capital projects ,") == ["الكرك", "Karak", "capital projects"])
    }
}
