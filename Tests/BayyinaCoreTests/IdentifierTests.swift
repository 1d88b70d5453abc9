import BayyinaCore
import Foundation
import Testing

@Suite struct IdentifierTests {
    @Test func commitmentIDsAcceptTheirSpellings() {
        #expect(CommitmentID("C2")?.rawValue == "C2")
        #expect(CommitmentID("c2")?.number == 2)
        #expect(CommitmentID("2")?.rawValue == "C2")
        #expect(CommitmentID("C0") == nil)
        #expect(CommitmentID("X2") == nil)
        #expect(CommitmentID("") == nil)
    }

    @Test func milestoneIDsNameTheirCommitment() {
        let id = MilestoneID("C2.M3")
        #expect(id?.commitment.rawValue == "C2")
        #expect(id?.number == 3)
        #expect(MilestoneID("c2.m3")?.rawValue == "C2.M3")
        #expect(MilestoneID("C2") == nil)
        #expect(MilestoneID("C2.3") == nil)
        #expect(MilestoneID("2.M3") == nil)
    }

    @Test func contentHashAcceptsOnlySixtyFourHexDigits() {
        let hex = String(repeating: "ab", count: 32)
        #expect(ContentHash(hex: hex.uppercased())?.hex == hex)
        #expect(ContentHash(hex: String(hex.dropLast())) == nil)
        #expect(ContentHash(hex: String(repeating: "g", count: 64)) == nil)
        #expect(ContentHash(digest: [0x00, 0xff]).hex == "00ff")
    }

    @Test func languageIsDecidedByScriptShare() {
        #expect(DocumentLanguage.detect(in: "محضر اجتماع اللجنة الفنية") == .ar)
        #expect(DocumentLanguage.detect(in: "Minutes of the forum meeting") == .en)
        #expect(DocumentLanguage.detect(in: "محضر اجتماع Minutes of the meeting") == .mixed)
        #expect(DocumentLanguage.detect(in: "2023 - 15/10") == nil)
        #expect(DocumentLanguage.detect(in: "سلمى الفايز إربد salma.fayez@example.org https://example.org") == .ar)
    }
}

@Suite struct LanguageTests {
    @Test func everyErrorCodeHasItsOwnArabicSummary() {
        let codes: [BayyinaError.Code] = [
            .emptyFile, .unsupportedType, .disallowedType, .encryptedDocument, .tooLarge, .malformedContainer,
            .forbiddenDoctype, .extractionFailed, .extractionTimeout, .fileNotFound, .unreadableFile, .invalidPlan,
            .unknownCommitment, .unknownMilestone, .unknownDocument, .invalidQuery, .invalidArgument, .storageFailure,
            .databaseFailure, .planConflict,
        ]
        let summaries = codes.map(\.arabicSummary)
        #expect(Set(summaries).count == codes.count)
        #expect(summaries.allSatisfy { [.ar, .mixed].contains(DocumentLanguage.detect(in: $0)) })
    }

    @Test func errorsSpeakTheUsersLanguage() {
        let error = BayyinaError(.emptyFile, "The file is empty.")
        #expect(error.message(in: .en) == "The file is empty.")
        #expect(error.message(in: .ar) == BayyinaError.Code.emptyFile.arabicSummary)
        #expect(BayyinaError(.unknownDocument, "x", arabic: "س").message(in: .ar) == "س")
    }

    @Test func languageComesFromTheEnvironment() {
        #expect(UILanguage(environment: ["LANG": "ar_JO.UTF-8"]) == .ar)
        #expect(UILanguage(environment: ["LANG": "en_US.UTF-8"]) == .en)
        #expect(UILanguage(environment: ["BAYYINA_LANG": "ar", "LANG": "en_US.UTF-8"]) == .ar)
        #expect(UILanguage(environment: [:]) == .en)
        #expect(UILanguage.ar.pick("yes", "نعم") == "نعم")
    }
}
