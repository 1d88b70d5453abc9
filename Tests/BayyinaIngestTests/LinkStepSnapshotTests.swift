import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import Testing

/// Ingest links a batch while it commits the next, from a snapshot taken between the two commits: the step takes
/// the documents stored up to the snapshot and leaves later ones pending for the next step.
@Suite struct LinkStepSnapshotTests {
    static func stored(_ title: String, _ text: String, in index: IndexDatabase) throws {
        let document = Document(
            sha256: ContentHash(digest: Array((Array(title.utf8) + Array(repeating: 0, count: 32)).prefix(32))), title: title, titleSource: .metadata,
            author: nil, created: nil, language: .ar, pages: nil, mediaType: "text/plain", size: Int64(text.utf8.count),
            filenames: ["\(title).txt"], classification: .public, ingestedAt: Timestamp.now())
        let change = IndexChange.newDocument(NewDocument(document: document, text: text, extractor: "text", extractorVersion: 1))
        let results = try index.apply([change]) { _ in }
        guard case .inserted = results.first else { Issue.record("not stored: \(results)"); return }
    }

    @Test func aStepFromASnapshotTakesTheDocumentsStoredUpToItAndLeavesLaterOnesPending() throws {
        let store = try TestStore()
        let index = store.repository.index
        try Self.stored("محضر", "محضر اجتماع منتدى الحكومة المنفتحة حول الالتزام 2 والمشاركة الإلكترونية", in: index)
        let step = LinkStep(index: index)
        let snapshot = try step.snapshot()
        try Self.stored("تقرير", "تقرير ورشة عمل حول الالتزام 5 والموازنة المفتوحة", in: index)
        #expect(try step.run(snapshot) == 1)
        #expect(try index.linkStepInputs(limit: 10).map(\.title) == ["تقرير"])
        #expect(try step.run() == 1)
        #expect(try index.linkStepInputs(limit: 10).isEmpty)
    }
}
