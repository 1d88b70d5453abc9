import BayyinaCore
import Testing

@Suite struct FileNameSanitizerTests {
    @Test func pathComponentsAreRemoved() {
        #expect(FileNameSanitizer.sanitize("../../../../etc/cron.d/ogp_evidence.txt") == "ogp_evidence.txt")
        #expect(FileNameSanitizer.sanitize("C:\\Users\\x\\report.pdf") == "report.pdf")
    }

    @Test func bidiOverridesAndControlsAreRemoved() {
        #expect(FileNameSanitizer.sanitize("workshop_photo_\u{202E}gnp.exe") == "workshop_photo_gnp.exe")
        #expect(FileNameSanitizer.sanitize("a\u{0000}b\u{0007}.txt") == "ab.txt")
    }

    @Test func namesAreComposedToNFC() {
        #expect(FileNameSanitizer.sanitize("re\u{0301}sume\u{0301}.txt") == "résumé.txt")
    }

    @Test func longNamesAreCappedAndKeepTheirExtension() {
        let name = String(repeating: "تقرير_ورشة_", count: 40) + ".txt"
        let safe = FileNameSanitizer.sanitize(name)
        #expect(safe.utf8.count <= 255)
        #expect(safe.hasSuffix(".txt"))
        #expect(safe.hasPrefix("تقرير_ورشة_"))
    }

    @Test func emptyAndDotNamesGetAName() {
        #expect(FileNameSanitizer.sanitize("..") == "unnamed")
        #expect(FileNameSanitizer.sanitize("") == "unnamed")
        #expect(FileNameSanitizer.sanitize(".hidden") == "hidden")
    }

    @Test func extensionsAreReadInLowerCase() {
        #expect(FileNameSanitizer.fileExtension(of: "Report.PDF") == "pdf")
        #expect(FileNameSanitizer.fileExtension(of: "README") == "")
    }
}
