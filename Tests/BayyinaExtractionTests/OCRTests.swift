import BayyinaCore
@testable import BayyinaExtraction
import BayyinaTestSupport
import Foundation
import Testing

/// Scanned pages and images read by Tesseract (Arabic and English), page by page.
@Suite struct OCRTests {
    let registry = ExtractorRegistry()

    /// Edit distance over Unicode scalars, white space collapsed, divided by the reference length.
    static func characterErrorRate(_ recognized: String, reference: String) -> Double {
        func scalars(_ text: String) -> [Unicode.Scalar] {
            Array(text.split(whereSeparator: \.isWhitespace).joined(separator: " ").unicodeScalars
                .filter { !$0.properties.isDiacritic && !TextCleanup.isBidiControl($0) })
        }
        let a = scalars(recognized)
        let b = scalars(reference)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return Double(previous[b.count]) / Double(max(1, b.count))
    }

    static var reference: String {
        (try? String(contentsOf: Fixtures.url("generated/scanned_arabic.txt"), encoding: .utf8)) ?? ""
    }

    @Test func scannedArabicPageIsReadWithinTenPercentCharacterErrors() async throws {
        let (_, content) = try await registry.extract(fixture: "generated/scanned_arabic.pdf")
        let rate = Self.characterErrorRate(content.text, reference: Self.reference)
        #expect(rate <= 0.10, "character error rate \(rate)")
        #expect(content.pageRecords.map(\.source) == [.ocr])
        #expect((content.pageRecords.first?.confidence ?? 0) > 60)
        #expect(content.text.hasPrefix("محضر اجتماع لجنة متابعة الالتزام الثاني"))
        #expect(content.language == .ar)
    }

    @Test func mixedPDFKeepsItsTextLayerAndReadsItsScannedPage() async throws {
        let (_, content) = try await registry.extract(fixture: "generated/mixed_pages.pdf")
        #expect(content.pageRecords.map(\.number) == [1, 2])
        #expect(content.pageRecords.map(\.source) == [.textLayer, .ocr])
        let bytes = Array(content.text.utf8)
        let second = content.pageRecords[1]
        #expect(String(decoding: bytes[second.start..<second.end], as: UTF8.self).contains("واتفق الأعضاء على نشر التقرير"))
        #expect(content.text.hasPrefix("Quarterly progress of the e-participation platform"))
    }

    @Test(arguments: ["scanned_arabic.png", "scanned_arabic.tiff"])
    func scannedImagesAreRead(name: String) async throws {
        let (sniffed, content) = try await registry.extract(fixture: "generated/\(name)")
        #expect([.png, .tiff].contains(sniffed.format))
        #expect(Self.characterErrorRate(content.text, reference: Self.reference) <= 0.10)
        #expect(content.pageRecords.map(\.source) == [.ocr])
    }

    @Test func aPhotoWithABannerIsNotAScannedPage() async throws {
        let (_, content) = try await registry.extract(fixture: "docs/irbid_workshop_photo.jpg")
        #expect(content.text.isEmpty)
        #expect(content.pageRecords.isEmpty)
        #expect(content.created == "2023-05-14T10:32:17")
    }

    @Test func textPDFPagesComeFromTheTextLayer() async throws {
        let (_, content) = try await registry.extract(fixture: "docs/msf_meeting_minutes_2022-03-20_en.pdf")
        #expect(content.pageRecords.count == 2)
        #expect(content.pageRecords.allSatisfy { $0.source == .textLayer && $0.confidence == nil })
    }

    @Test func tesseractRowsBecomeLinesAndParagraphsInReadingOrder() {
        let tsv = """
            level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext
            5\t1\t1\t1\t1\t1\t900\t10\t90\t40\t91.5\t\u{200F}محضر
            5\t1\t1\t1\t1\t2\t700\t10\t90\t40\t90.5\tاجتماع
            5\t1\t1\t1\t2\t1\t700\t60\t20\t40\t80\tم
            5\t1\t1\t1\t2\t2\t680\t60\t20\t40\t80\tن
            5\t1\t1\t1\t2\t3\t660\t60\t20\t40\t80\tص
            5\t1\t1\t1\t2\t4\t640\t60\t20\t40\t80\tة
            5\t1\t1\t2\t1\t1\t10\t120\t90\t40\t95\tForum
            4\t1\t1\t2\t1\t0\t10\t120\t90\t40\t-1\t
            """
        let result = OCREngine.parse(tsv: tsv)
        #expect(result.text == "محضر اجتماع\nمنصة\n\nForum")
        #expect(result.words == 7)
        #expect(abs((result.confidence ?? 0) - 597.0 / 7) < 0.001)
    }

    @Test func textLayersOfUnmappedGlyphsAreNotTrusted() {
        #expect(PageReader.isGarbled("\u{E001}\u{E002}\u{E003} \u{FFFD}\u{FFFD} ab"))
        #expect(!PageReader.isGarbled("محضر اجتماع اللجنة الفنية \u{FFFD}"))
    }

    @Test func visualOrderArabicIsDetectedAndReadBack() {
        let logical = "اجتماع اللجنة الوطنية حول المشاركة الإلكترونية في المحافظة وتعزيز الشفافية والنزاهة في المؤسسات العامة"
        let visual = String(String.UnicodeScalarView(logical.unicodeScalars.reversed()))
        #expect(ArabicTextLayerRepair.isVisualOrder(visual))
        #expect(!ArabicTextLayerRepair.isVisualOrder(logical))
        #expect(ArabicTextLayerRepair.logicalOrder(ofVisual: visual) == logical)
    }
}
