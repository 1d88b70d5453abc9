import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaTestSupport
import Foundation
import Testing

/// Link suggestions made at ingest, reviewed in a real store.
@Suite struct SuggestionTests {
    func openSuggestion(_ store: TestStore, _ outcome: IngestOutcome, _ target: String) throws -> StoredSuggestion {
        let hash = try #require(outcome.sha256)
        return try #require(try store.repository.index.openSuggestions(document: hash).first { $0.suggestion.target.rawValue == target })
    }

    @Test func ingestProposesLinksForADocumentWithoutAny() async throws {
        let store = try TestStore()
        let hash = try #require(await store.ingest("docs/gender_gap_analysis_summary.odt").sha256)
        let suggestions = try store.repository.index.openSuggestions(minimumConfidence: 0.5, document: hash)
        #expect(suggestions.map(\.suggestion.target.rawValue).prefix(2).sorted() == ["C3", "C3.M1"])
        #expect(suggestions.allSatisfy { $0.state == .open && !($0.suggestion.reason.en ?? "").isEmpty && !($0.suggestion.reason.ar ?? "").isEmpty })
    }

    @Test func acceptingLinksTheDocumentAndRecordsTheReviewer() async throws {
        let store = try TestStore()
        let outcome = await store.ingest("docs/npo_risk_assessment_summary.md")
        let suggestion = try openSuggestion(store, outcome, "C1.M1")
        let accepted = try store.repository.index.acceptSuggestion(suggestion.id, by: "reviewer-amal")
        #expect(accepted.state == .accepted && accepted.decidedBy == "reviewer-amal" && accepted.decidedAt != nil)
        let (document, _) = try store.stored(outcome)
        #expect(document.milestones.map(\.rawValue) == ["C1.M1"])
        #expect(document.commitments.map(\.rawValue) == ["C1"])
        // Linked targets leave the queue; the decision is on the audit trail under the reviewer's name.
        #expect(try store.repository.index.openSuggestions(document: document.sha256).allSatisfy { !["C1", "C1.M1"].contains($0.suggestion.target.rawValue) })
        let events = try store.repository.index.auditEvents(entity: "document:\(document.sha256.hex)")
        #expect(events.contains { $0.action == "suggestion-accepted" && $0.actor == "reviewer-amal" })
        #expect(throws: BayyinaError.self) { try store.repository.index.acceptSuggestion(suggestion.id, by: "someone-else") }
    }

    @Test func aRejectedSuggestionIsNotProposedAgain() async throws {
        let store = try TestStore()
        let outcome = await store.ingest("docs/compliance_officers_training_agenda.docx")
        let hash = try #require(outcome.sha256)
        let first = try #require(try store.repository.index.openSuggestions(document: hash).first)
        _ = try store.repository.index.rejectSuggestion(first.id, by: "reviewer-amal")
        try LinkStep(index: store.repository.index).refreshSuggestions()
        #expect(try store.repository.index.openSuggestions(document: hash).allSatisfy { $0.suggestion.target != first.suggestion.target })
    }

    @Test func unknownSuggestionAndMissingReviewerAreClearErrors() async throws {
        let store = try TestStore()
        let outcome = await store.ingest("docs/npo_risk_assessment_summary.md")
        #expect { try store.repository.index.acceptSuggestion(987_654, by: "reviewer") } throws: { ($0 as? BayyinaError)?.code == .unknownSuggestion }
        let suggestion = try openSuggestion(store, outcome, "C1")
        #expect { try store.repository.index.rejectSuggestion(suggestion.id, by: "  ") } throws: { ($0 as? BayyinaError)?.code == .invalidArgument }
    }

    @Test func importingThePlanAfterTheDocumentsStillYieldsSuggestions() async throws {
        let folder = try TemporaryDirectory()
        let repository = try Repository(root: folder.url.appendingPathComponent("store"))
        let hash = try #require(await repository.pipeline.ingest(IngestRequest(source: Fixtures.url("docs/npo_risk_assessment_summary.md"))).sha256)
        #expect(try repository.index.openSuggestions(minimumConfidence: 0).isEmpty)
        try repository.index.importPlan(try PlanFile.decode(try Data(contentsOf: Fixtures.planFile)))
        try LinkStep(index: repository.index).refreshSuggestions()
        #expect(try repository.index.openSuggestions(document: hash).contains { $0.suggestion.target.rawValue == "C1.M1" })
    }
}
