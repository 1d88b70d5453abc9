import BayyinaCore
@testable import BayyinaExtraction
import BayyinaTestSupport
import Foundation
import Testing

/// Extraction of Word, Excel, PowerPoint and OpenDocument files against their known content.
@Suite struct OfficeExtractionTests {
    let registry = ExtractorRegistry()

    func extract(_ fixture: String) async throws -> (SniffedType, ExtractedContent) {
        try await registry.extract(fixture: fixture)
    }

    @Test func arabicWordDocumentWithoutTitleTakesItsFirstHeading() async throws {
        let (sniffed, content) = try await extract("docs/محضر اجتماع اللجنة الفنية للالتزام الثاني.docx")
        #expect(sniffed.format == .docx)
        #expect(content.title(fileName: "x.docx").text
            == "محضر اجتماع اللجنة الفنية للالتزام الثاني: تعزيز المشاركة المجتمعية في عملية صنع القرار من خلال الوسائل الإلكترونية")
        #expect(content.title(fileName: "x.docx").source == .firstHeading)
        #expect(content.author == "موسى المومني")
        #expect(content.created?.hasPrefix("2023-02-22") == true)
        #expect(content.text.contains("استخدام مبسط باللغتين العربية والإنجليزية"))
        #expect(content.text.contains("ناقشت اللجنة الجدول الزمني لإطلاق"))
        #expect(content.language == .ar)
    }

    @Test func englishWordDocumentTakesItsMetadataTitle() async throws {
        let (_, content) = try await extract("docs/compliance_officers_training_agenda.docx")
        #expect(content.title(fileName: "x.docx").text == "Training Programme for Compliance Officers in Public Institutions - Agenda")
        #expect(content.author == "Integrity and Anti-Corruption Commission")
        #expect(content.text.contains("Receiving and referring complaints"))
        #expect(content.text.contains("Collecting and verifying supporting evidence"))
        #expect(content.language == .en)
    }

    @Test func spreadsheetKeepsSheetNamesSharedStringsAndArabicDigits() async throws {
        let (sniffed, content) = try await extract("docs/zarqa_cso_training_participants.xlsx")
        #expect(sniffed.format == .xlsx)
        #expect(content.title(fileName: "x.xlsx").text == "قائمة المشاركين في البرنامج التدريبي للجمعيات - الزرقاء")
        #expect(content.text.contains("البرنامج التدريبي حول الحوكمة والامتثال - الزرقاء ٤-٦ حزيران ٢٠٢٣"))
        #expect(content.text.contains("جمعية حي معصوم لذوي الإعاقة"))
    }

    @Test func spreadsheetWithoutMetadataTakesItsFirstCell() async throws {
        let (_, content) = try await extract("docs/attendance_karak_capital_projects_2023-07-09.xlsx")
        #expect(content.title(fileName: "x.xlsx") == ("كشف حضور الجلسة التشاورية حول أولويات المشاريع الرأسمالية - محافظة الكرك", .firstHeading))
        #expect(content.text.contains("مديرية أشغال الكرك"))
        #expect(content.language == .ar)
    }

    @Test func presentationCountsSlidesAndReadsSpeakerNotes() async throws {
        let (sniffed, content) = try await extract("docs/c1_progress_2023-10.pptx")
        #expect(sniffed.format == .pptx)
        #expect(content.pages == 6)
        #expect(content.title(fileName: "x.pptx").text == "التقدم في تنفيذ الالتزام الأول - تشرين الأول 2023")
        #expect(content.text.contains("دون تقييد العمل الأهلي المشروع"))
        #expect(content.text.contains("متطلبات الامتثال إلى عبء إداري"))
    }

    @Test func englishPresentationKeepsSlideOrder() async throws {
        let (_, content) = try await extract("docs/c5_progress_2023-10.pptx")
        #expect(content.pages == 6)
        #expect(content.text.contains("is taking longer than planned"))
        #expect(content.text.contains("trust depends on institutions applying"))
    }

    @Test func openDocumentTextKeepsDiacriticsAsWritten() async throws {
        let (sniffed, content) = try await extract("docs/gender_gap_analysis_summary.odt")
        #expect(sniffed.format == .odt)
        #expect(content.title(fileName: "x.odt").text == "ملخص تحليل الفجوات في السياسات الحكومية من منظور النوع الاجتماعي")
        #expect(content.author == "اللجنة الوطنية الأردنية لشؤون المرأة")
        #expect(content.created?.hasPrefix("2022-12-14") == true)
        #expect(content.text.contains("على مبدأ تَكافُؤ الفُرَص وعدم"))
        #expect(content.text.contains("ترتيبات العمل المرن ورعاية الأطفال"))
    }
}
