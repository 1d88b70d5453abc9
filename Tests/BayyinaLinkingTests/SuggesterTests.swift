import BayyinaCore
import BayyinaExtraction
@testable import BayyinaLinking
import BayyinaTestSupport
import Foundation
import Testing

/// Suggestions from real evidence against the corpus plan, with every title word weighed alike.
@Suite struct SuggesterTests {
    let suggester: LinkSuggester

    init() throws {
        suggester = LinkSuggester(plan: try PlanFile.decode(try Data(contentsOf: Fixtures.planFile)))
    }

    func suggestions(_ fixture: String) async throws -> [LinkSuggestion] {
        let (_, content) = try await ExtractorRegistry().extract(fileAt: Fixtures.url(fixture), fileName: Fixtures.url(fixture).lastPathComponent)
        let title = content.title(fileName: Fixtures.url(fixture).lastPathComponent).text
        let weights = TermWeights(Dictionary(uniqueKeysWithValues: suggester.vocabulary.map { ($0, 1.0) }))
        return suggester.suggestions(title: TextTerms(title), text: TextTerms(title + "\n" + content.text), weights: weights)
    }

    func confidence(_ suggestions: [LinkSuggestion], _ target: String) -> Double {
        suggestions.first { $0.target.rawValue == target }?.confidence ?? 0
    }

    @Test func arabicReportNamingItsCommitmentAndMilestoneIsSuggestedBoth() async throws {
        let found = try await suggestions("docs/npo_risk_assessment_summary.md")
        #expect(confidence(found, "C1") > 0.9)
        #expect(confidence(found, "C1.M1") > 0.9)
        #expect(found.first { $0.target.rawValue == "C1.M1" }?.reason.ar?.contains("المحور الاول من الالتزام الاول") == true)
        #expect(found.first { $0.target.rawValue == "C1.M1" }?.reason.en?.isEmpty == false)
        #expect(found.filter { $0.target.commitment.number != 1 }.allSatisfy { $0.confidence < 0.5 })
    }

    @Test func englishAgendaIsSuggestedForItsCommitmentOnly() async throws {
        let found = try await suggestions("docs/compliance_officers_training_agenda.docx")
        #expect(confidence(found, "C5") > 0.9)
        #expect(found.filter { $0.target.commitment.number != 5 }.allSatisfy { $0.confidence < 0.5 })
    }

    @Test func milestoneReportedNotStartedStaysBelowTheReviewThreshold() async throws {
        let found = try await suggestions("docs/c1_progress_2023-10.pptx")
        for done in ["C1.M1", "C1.M2", "C1.M3"] { #expect(confidence(found, done) > 0.9) }
        #expect(confidence(found, "C1.M4") <= 0.1)
        #expect(found.first { $0.target.rawValue == "C1.M4" }?.reason.en?.contains("not started") == true)
    }

    @Test func anInvitationToTheForumSpeaksOfEveryCommitment() async throws {
        let found = try await suggestions("docs/invitation_msf_meeting_2023-10-15.eml")
        for number in 1...6 { #expect(confidence(found, "C\(number)") >= 0.5) }
        #expect(found.filter { $0.target.rawValue.contains(".") }.allSatisfy { $0.confidence < 0.5 })
    }

    @Test func aPhotoWithoutTextHasNoSuggestions() async throws {
        #expect(try await suggestions("docs/irbid_workshop_photo.jpg").allSatisfy { $0.confidence < 0.5 })
    }

    @Test func suggestionsAreSurestFirstAndWithinZeroAndOne() async throws {
        let found = try await suggestions("docs/محضر اجتماع اللجنة الفنية للالتزام الثاني.docx")
        #expect(found.map(\.confidence) == found.map(\.confidence).sorted(by: >))
        #expect(found.allSatisfy { (0...1).contains($0.confidence) && $0.confidence >= LinkSuggester.floor })
        #expect(found.first?.target.rawValue == "C2")
    }
}
