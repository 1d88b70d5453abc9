import BayyinaCore
@testable import BayyinaExtraction
import BayyinaTestSupport
import Foundation
import Testing

/// Lam-alef written back as alef-lam by some fonts (STACK-NOTES pitfall 11), on a PDF made with DejaVu Sans.
@Suite struct ArabicTextLayerRepairTests {
    @Test func certainSwapsAreRepairedInPlace() throws {
        let result = try #require(ArabicTextLayerRepair.repair("محضر اللقاء األول حول االلتزام الخامس واإلفصاح باألولويات"))
        #expect(result.text == "محضر اللقاء الأول حول الالتزام الخامس والإفصاح بالأولويات")
        #expect(result.repairedWords == 4)
    }

    @Test func uncertainSwapsBecomeAlternativeReadings() throws {
        let result = try #require(ArabicTextLayerRepair.repair("األول االلتزام أن السالم الالزمة"))
        #expect(result.text.contains("السالم"))
        #expect(result.alternativeReadings.contains("السلام"))
        #expect(result.alternativeReadings.contains("اللازمة"))
    }

    @Test func detachedTaaMarbutaRejoinsItsWord() throws {
        let result = try #require(ArabicTextLayerRepair.repair("األول االلتزام لتعزيز النزاه ة"))
        #expect(result.text.hasSuffix("لتعزيز النزاهة"))
    }

    @Test func soundTextIsLeftAlone() {
        #expect(ArabicTextLayerRepair.repair("محضر اللقاء الأول حول الالتزام الخامس مع سالم") == nil)
        #expect(ArabicTextLayerRepair.repair("One األول only") == nil)
    }

    @Test func pdfWrittenWithDejaVuIsRepairedAndSearchableBothWays() async throws {
        let (_, content) = try await ExtractorRegistry().extract(fixture: "generated/lam_alef_dejavu.pdf")
        #expect(content.text.contains("محضر اللقاء الأول حول الالتزام الخامس"))
        #expect(content.text.contains("الإجراءات والآليات"))
        #expect(content.text.contains("بالأولويات"))
        #expect(content.alternativeReadings.contains("السلام"))
        #expect(content.warnings.map(\.code) == ["lam_alef_repaired"])
    }

    @Test func kufiPDFTextLayerIsReadAsWritten() async throws {
        let (_, content) = try await ExtractorRegistry().extract(fixture: "generated/kufi_arabic.pdf")
        #expect(content.text.contains("الأول والإلتزام والآليات"))
        #expect(content.text.contains("محضر اللقاء الأول للجنة المتابعة"))
        #expect(content.pageRecords.map(\.source) == [.textLayer])
    }

    @Test func englishPDFInDejaVuIsReadAsWritten() async throws {
        let (_, content) = try await ExtractorRegistry().extract(fixture: "generated/english_dejavu.pdf")
        #expect(content.text == "Minutes of the first follow-up meeting\nThe committee reviewed the open data portal.")
        #expect(content.warnings.isEmpty)
        #expect(content.language == .en)
    }
}
