import BayyinaCore
import BayyinaExtraction
import BayyinaLinking
import BayyinaTestSupport
import Foundation
import Testing

/// Near-duplicate fingerprints: one piece of evidence in several formats agrees, different evidence does not.
@Suite struct FingerprintTests {
    func fingerprint(_ url: URL) async throws -> TextFingerprint {
        let (_, content) = try await ExtractorRegistry().extract(fileAt: url, fileName: url.lastPathComponent)
        return Fingerprinter.fingerprint(TextTerms(content.text))
    }

    @Test func theSeedMinutesAsTextWordAndPDFAreVersionsOfEachOther() async throws {
        let text = try await fingerprint(Fixtures.sample("msf_minutes_2023-10-15.txt"))
        let word = try await fingerprint(Fixtures.sample("msf_minutes_2023-10-15.docx"))
        let pdf = try await fingerprint(Fixtures.sample("msf_minutes_2023-10-15.pdf"))
        #expect(text.isComparable && word.isComparable && pdf.isComparable)
        #expect(text.similarity(to: word) >= TextFingerprint.versionThreshold)
        #expect(word.similarity(to: pdf) >= TextFingerprint.versionThreshold)
        #expect(text.similarity(to: pdf) >= TextFingerprint.versionThreshold)
    }

    @Test func differentEvidenceOfOneTemplateIsNotAVersion() async throws {
        let first = try await fingerprint(Fixtures.url("docs/c1_progress_2023-10.pptx"))
        let fifth = try await fingerprint(Fixtures.url("docs/c5_progress_2023-10.pptx"))
        let minutes = try await fingerprint(Fixtures.sample("msf_minutes_2023-10-15.txt"))
        #expect(first.similarity(to: fifth) < 0.3)
        #expect(first.similarity(to: minutes) < 0.3)
    }

    @Test func spellingVariantsDoNotMakeADifferentText() {
        let written = Fingerprinter.fingerprint(TextTerms(String(repeating: "أعدّت الوزارة مسودة السياسة الوطنية للشفافية وتمت مناقشتها ", count: 5)))
        let plain = Fingerprinter.fingerprint(TextTerms(String(repeating: "اعدت الوزاره مسوده السياسه الوطنيه للشفافيه وتمت مناقشتها ", count: 5)))
        #expect(written.similarity(to: plain) == 1)
    }

    @Test func aSignatureSurvivesStorage() throws {
        let fingerprint = Fingerprinter.fingerprint(TextTerms("محضر اجتماع اللجنة الفنية للالتزام الثاني حول منصة المشاركة الإلكترونية الموحدة"))
        let stored = try #require(TextFingerprint(bytes: fingerprint.bytes, shingles: fingerprint.shingles))
        #expect(stored == fingerprint)
        #expect(!fingerprint.isComparable)
        #expect(TextFingerprint(bytes: [1, 2, 3], shingles: 5) == nil)
    }
}
