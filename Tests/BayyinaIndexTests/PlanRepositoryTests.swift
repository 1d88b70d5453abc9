import BayyinaCore
import GRDB
@testable import BayyinaIndex
import BayyinaTestSupport
import Foundation
import Testing

@Suite struct PlanRepositoryTests {
    @Test func importedPlanReadsBackWithMilestones() throws {
        let index = try TestIndex()
        let plan = try #require(try index.database.plan())
        #expect(plan.commitments.count == 6)
        #expect(plan.commitments.first { $0.id.rawValue == "C2" }?.milestones.isEmpty == false)
    }

    @Test func reimportUpdatesInPlaceAndKeepsLinks() throws {
        let index = try TestIndex()
        let hash = try index.add("evidence", "workshop report", milestones: ["C2.M1"])
        var plan = try PlanFile.decode(try Data(contentsOf: Fixtures.planFile))
        plan.commitments[1].title.en = "Renamed commitment"
        try index.database.importPlan(plan)
        #expect(try index.database.plan()?.commitments[1].title.en == "Renamed commitment")
        let (document, _) = try #require(try index.database.document(hash))
        #expect(document.milestones.map(\.rawValue) == ["C2.M1"])
        #expect(document.commitments.map(\.rawValue) == ["C2"])
    }

    @Test func droppingALinkedMilestoneIsRefused() throws {
        let index = try TestIndex()
        try index.add("evidence", "workshop report", milestones: ["C2.M1"])
        var plan = try PlanFile.decode(try Data(contentsOf: Fixtures.planFile))
        plan.commitments[1].milestones.removeFirst()
        #expect { try index.database.importPlan(plan) } throws: { ($0 as? BayyinaError)?.code == .planConflict }
        #expect(try index.database.plan()?.commitments[1].milestones.first?.id.rawValue == "C2.M1")
    }

    @Test func unknownIdsAreClearErrors() throws {
        let index = try TestIndex()
        #expect {
            try index.database.validateLinks(commitments: [CommitmentID("C9")!], milestones: [])
        } throws: { ($0 as? BayyinaError)?.code == .unknownCommitment }
        #expect {
            try index.database.validateLinks(commitments: [], milestones: [MilestoneID("C2.M99")!])
        } throws: { ($0 as? BayyinaError)?.code == .unknownMilestone }
    }

    @Test func linkAndUnlinkChangeOnlyTheNamedLinks() throws {
        let index = try TestIndex()
        let hash = try index.add("evidence", "workshop report", commitments: ["C1"])
        try index.database.link(hash, commitments: [], milestones: [MilestoneID("C2.M1")!])
        var document = try #require(try index.database.document(hash)).0
        #expect(document.commitments.map(\.rawValue) == ["C1", "C2"])
        try index.database.unlink(hash, commitments: [CommitmentID("C2")!], milestones: [])
        document = try #require(try index.database.document(hash)).0
        #expect(document.commitments.map(\.rawValue) == ["C1"])
        #expect(document.milestones.isEmpty)
    }

    @Test func latestEvidenceIsTheNewestDocumentDateAndTheRecordingDateOnlyWithoutOne() throws {
        let index = try TestIndex()
        try index.add("minutes", "meeting minutes", commitments: ["C1"], created: "2023-10-16T09:00:00Z")
        try index.add("undated", "attendance sheet", commitments: ["C1", "C2"])
        try index.add("hidden", "restricted note", classification: .restricted, commitments: ["C1"], created: "2024-05-01")
        let summary = try index.database.evidenceSummary(for: .public)
        #expect(summary[CommitmentID("C1")!]?.count == 2)
        #expect(summary[CommitmentID("C1")!]?.latest == "2023-10-16")
        #expect(summary[CommitmentID("C2")!]?.latest == String(Timestamp.now().prefix(10)))
        #expect(try index.database.evidenceSummary(for: .internal)[CommitmentID("C1")!]?.latest == "2024-05-01")
    }

    @Test func changedTokenizerVersionRebuildsTheIndexOnOpen() throws {
        let index = try TestIndex()
        try index.add("notes", "ملاحظات جلسة الاستماع")
        try index.database.pool.write { db in
            try db.execute(sql: "UPDATE index_settings SET value = '0' WHERE key = 'tokenizer_version'")
            try db.execute(sql: "INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')")
        }
        #expect(try index.search("ملاحظات").total == 0)
        let reopened = try IndexDatabase(path: index.path)
        #expect(try reopened.search(SearchRequest(query: try SearchQuery("ملاحظات"), audience: .internal)).total == 1)
        let version = try reopened.pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM index_settings WHERE key = 'tokenizer_version'") }
        #expect(version == String(ArabicTokenizer.version))
    }

    @Test func integrityCheckOfAHealthyDatabaseFindsNothing() throws {
        let index = try TestIndex()
        try index.add("evidence", "workshop report تقرير الورشة")
        #expect(try index.database.integrityProblems().isEmpty)
    }
}
