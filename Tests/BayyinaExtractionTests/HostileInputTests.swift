import BayyinaCore
@testable import BayyinaExtraction
import BayyinaTestSupport
import Foundation
import Testing

/// Hostile and broken files: each gets a stable error code or a warning, never a crash or a hang.
@Suite struct HostileInputTests {
    let registry = ExtractorRegistry()

    func code(of fixture: String, named name: String? = nil) async -> BayyinaError.Code? {
        let url = Fixtures.url(fixture)
        do {
            _ = try await registry.extract(fileAt: url, fileName: name ?? url.lastPathComponent)
            return nil
        } catch {
            return error.code
        }
    }

    @Test func zipBombStopsAtTheInflationLimit() async {
        #expect(await code(of: "bad/budget_annex_bomb.docx") == .tooLarge)
    }

    @Test func compressedPartCutShortIsAMalformedContainerNotAHang() async {
        #expect(await code(of: "bad/truncated_deflate_minutes.odt") == .malformedContainer)
    }

    @Test func partFailingItsChecksumIsAMalformedContainer() async {
        #expect(await code(of: "bad/crc_mismatch_minutes.odt") == .malformedContainer)
    }

    @Test func zip64ContainerIsReadLikeAnyOther() async throws {
        let (sniffed, content) = try await registry.extract(fixture: "generated/zip64_minutes.odt")
        #expect(sniffed.format == .odt)
        #expect(content.text.contains("محضر اجتماع اللجنة التوجيهية رقم 399 حول الشفافية المالية"))
    }

    @Test func externalEntityIsNeverResolved() async {
        #expect(await code(of: "bad/workshop_minutes_xxe.docx") == .forbiddenDoctype)
    }

    @Test func billionLaughsInsideAWordFileIsRefused() async {
        #expect(await code(of: "bad/attendance_annex_laughs.docx") == .forbiddenDoctype)
    }

    @Test func bareXMLIsNotAnEvidenceFormat() async {
        #expect(await code(of: "bad/billion_laughs.xml") == .unsupportedType)
    }

    @Test func emptyZipNamedXlsxIsAMalformedContainer() async {
        #expect(await code(of: "bad/attendance_empty_archive.xlsx") == .malformedContainer)
    }

    @Test func archiveEntriesThatClimbOutAreNeverWrittenAnywhere() async throws {
        let (_, content) = try await ExtractorRegistry().extract(fileAt: Fixtures.url("bad/traversal_entries.docx"), fileName: "agenda.docx")
        #expect(content.text.contains("Compliance Officers"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/bayyina-escaped.txt"))
        #expect(!FileManager.default.fileExists(atPath: "/etc/bayyina-absolute.txt"))
    }

    @Test func emptyFileIsRefused() async {
        #expect(await code(of: "bad/empty_report.pdf") == .emptyFile)
    }

    @Test func executableNameIsRefusedWhateverItShows() async {
        #expect(await code(of: "bad/rlo_override_name.txt", named: FileNameSanitizer.sanitize("workshop_photo_\u{202E}gnp.exe")) == .disallowedType)
    }

    @Test func pdfNamedDocxIsReadAsPDFWithAMismatchWarning() async throws {
        let (sniffed, content) = try await registry.extract(fixture: "bad/meeting_summary_wrong_extension.docx")
        #expect(sniffed.format == .pdf)
        #expect(content.warnings.map(\.code) == ["extension_mismatch"])
        #expect(content.warnings[0].english.contains("does not match"))
        #expect(content.warnings[0].arabic.contains("لا يطابق"))
        #expect(content.text.contains("reviewed the format of capital project records"))
    }

    @Test func passwordProtectedPDFIsRefusedWithHowToOpenIt() async {
        await #expect {
            _ = try await registry.extract(fixture: "bad/irm_draft_encrypted.pdf")
        } throws: { error in
            guard let error = error as? BayyinaError else { return false }
            return error.code == .encryptedDocument && error.message.contains("--password") && error.arabicMessage.contains("--password")
        }
    }

    @Test func thePasswordOpensAProtectedPDF() async throws {
        let url = Fixtures.url("bad/irm_draft_encrypted.pdf")
        let (_, content) = try await registry.extract(fileAt: url, fileName: url.lastPathComponent, password: "ogp-2023")
        #expect(content.text.contains("This draft summarises the evidence available for each milestone."))
        #expect(content.title(fileName: "x.pdf").text == "Draft Input to the IRM Review")
    }

    @Test func aWrongPasswordIsAClearError() async {
        let url = Fixtures.url("bad/irm_draft_encrypted.pdf")
        await #expect {
            _ = try await registry.extract(fileAt: url, fileName: url.lastPathComponent, password: "wrong")
        } throws: { ($0 as? BayyinaError)?.message.contains("does not open") == true }
    }

    @Test func permissionsOnlyPDFIsReadNormally() async throws {
        let (_, content) = try await registry.extract(fixture: "generated/permissions_only.pdf")
        #expect(content.text.contains("Accept donations through bank accounts"))
        #expect(content.warnings.isEmpty)
    }

    @Test func truncatedPDFKeepsARecordWithAWarning() async throws {
        let (_, content) = try await registry.extract(fixture: "bad/truncated_progress_report.pdf")
        #expect(content.text.isEmpty)
        #expect(!content.warnings.isEmpty)
    }

    @Test func childProcessesStopAtTheirTimeLimit() async throws {
        var limits = ExtractionLimits()
        limits.childTimeoutSeconds = 1
        await #expect {
            _ = try await ChildProcess.run("sleep", ["30"], limits: limits, outputLimit: 1024)
        } throws: { ($0 as? BayyinaError)?.code == .extractionTimeout }
    }

    @Test func childProcessesCannotGrowPastTheirMemoryLimit() async throws {
        var limits = ExtractionLimits()
        limits.childMemoryBytes = 256 << 20
        let outcome = try await ChildProcess.run(
            "python3", ["-c", "block = bytearray(1 << 30); print('allocated')"], limits: limits, outputLimit: 1024)
        #expect(!outcome.succeeded)
        #expect(outcome.standardError.contains("MemoryError"))
        #expect(outcome.output.isEmpty)
    }

    @Test func childProcessesAreStoppedPastTheirOutputLimit() async throws {
        await #expect {
            _ = try await ChildProcess.run("yes", ["محضر"], limits: ExtractionLimits(), outputLimit: 1 << 16)
        } throws: { ($0 as? BayyinaError)?.code == .tooLarge }
    }

    @Test func binaryDataIsNotText() async throws {
        let folder = try TemporaryDirectory()
        let file = try folder.file("data.txt", contents: Data([0x01, 0x00, 0x02, 0x00, 0xFF]))
        await #expect {
            _ = try await registry.extract(fileAt: file, fileName: "data.txt")
        } throws: { ($0 as? BayyinaError)?.code == .unsupportedType }
    }
}
