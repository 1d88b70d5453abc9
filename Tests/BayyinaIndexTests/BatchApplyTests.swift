import BayyinaCore
import BayyinaIndex
import Testing

/// A batch is recorded in one transaction and indexed in one statement after its rows.
@Suite struct BatchApplyTests {
    @Test func aFailingChangeLeavesTheRestOfItsBatchRecordedAndSearchable() throws {
        let index = try TestIndex()
        let missing = Arrival(hash: ContentHash(digest: [UInt8](repeating: 7, count: 32)), name: "gone.txt", folder: "",
                              commitments: [], milestones: [])
        let results = try index.database.apply([
            TestIndex.newDocument("first", "محضر اجتماع لجنة الشفافية"), .arrival(missing),
            TestIndex.newDocument("second", "workshop report on open budgets"),
        ]) { _ in }
        #expect(results.map(Self.outcome) == ["inserted", "failed", "inserted"])
        #expect(try index.titles("الشفافيه") == ["first"])
        #expect(try index.titles("budgets") == ["second"])
        #expect(try index.database.integrityProblems().isEmpty)
    }

    @Test func everyDocumentOfALargeBatchIsFoundByItsOwnWordsAndTheShared() throws {
        let index = try TestIndex()
        let changes = (1...300).map { TestIndex.newDocument("document \($0)", "تقرير الورشة رقم \($0) marker\($0)") }
        let results = try index.database.apply(changes) { _ in }
        #expect(results.allSatisfy { Self.outcome($0) == "inserted" })
        #expect(try index.search("الورشه").total == 300)
        #expect(try index.titles("marker217") == ["document 217"])
        #expect(try index.database.integrityProblems().isEmpty)
    }

    @Test func aBatchWhoseCommitFailsLeavesNothingRecordedOrIndexed() throws {
        let index = try TestIndex()
        #expect(throws: BayyinaError.self) {
            try index.database.apply([TestIndex.newDocument("lost", "سجل الحضور unique-word")]) { _ throws(BayyinaError) in
                throw BayyinaError(.storageFailure, "The disk is full.")
            }
        }
        #expect(try index.search("unique").total == 0)
        #expect(try index.database.documentCount() == 0)
        #expect(try index.database.integrityProblems().isEmpty)
    }

    private static func outcome(_ result: IndexChangeResult) -> String {
        switch result {
        case .inserted: "inserted"
        case .duplicate: "duplicate"
        case .failed: "failed"
        }
    }
}
