import BayyinaDigest
import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaListings
import BayyinaStorage
import BayyinaTestSupport
import Foundation
import Testing

/// A store in a temporary folder with the corpus plan imported.
struct TestStore {
    let folder: TemporaryDirectory
    let repository: Repository

    init(clock: any WallClock = SystemClock()) throws {
        folder = try TemporaryDirectory()
        repository = try Repository(root: folder.url.appendingPathComponent("store"), clock: clock)
        try repository.index.importPlan(try PlanFile.decode(try Data(contentsOf: Fixtures.planFile)))
    }

    func ingest(_ fixture: String, as name: String? = nil, classification: Classification = .public,
                commitments: [String] = [], milestones: [String] = [], legalBasis: String? = nil) async -> IngestOutcome {
        await repository.pipeline.ingest(IngestRequest(
            source: Fixtures.url(fixture), originalName: name, commitments: commitments.compactMap { CommitmentID($0) },
            milestones: milestones.compactMap { MilestoneID($0) }, classification: classification, legalBasis: legalBasis))
    }

    /// The stored document an outcome refers to.
    func stored(_ outcome: IngestOutcome) throws -> (Document, String) {
        let hash = try #require(outcome.sha256)
        return try #require(try repository.index.document(hash))
    }

    var storedFiles: [String] {
        let enumerator = FileManager.default.enumerator(atPath: repository.root.appendingPathComponent("blobs").path)
        return (enumerator?.allObjects as? [String] ?? []).filter { $0.count > 60 }
    }
}

@Suite struct IngestPipelineTests {
    @Test func ingestedDocumentIsStoredIndexedAndLinked() async throws {
        let store = try TestStore()
        let outcome = await store.ingest("docs/gender_gap_analysis_summary.odt", commitments: ["C3"], milestones: ["C3.M1"])
        #expect(outcome.status == .ingested)
        let hash = try #require(outcome.sha256)
        #expect(store.repository.blobs.contains(hash))
        let (document, text) = try #require(try store.repository.index.document(hash))
        #expect(document.title == "ملخص تحليل الفجوات في السياسات الحكومية من منظور النوع الاجتماعي")
        #expect(document.mediaType == "application/vnd.oasis.opendocument.text")
        #expect(document.commitments.map(\.rawValue) == ["C3"])
        #expect(document.milestones.map(\.rawValue) == ["C3.M1"])
        #expect(text.contains("ترتيبات العمل المرن"))
        let page = try store.repository.index.search(SearchRequest(query: try SearchQuery("تكافؤ الفرص"), audience: .public))
        #expect(page.hits.map(\.document.sha256) == [hash])
    }

    @Test func duplicateUploadReturnsExistingDocumentWithTheNewName() async throws {
        let store = try TestStore()
        let first = await store.ingest("docs/npo_tf_risk_guidance_note.pdf")
        let second = await store.ingest("bad/copy_of_guidance_note_final_v2.pdf", commitments: ["C1"])
        #expect(second.status == .duplicate)
        #expect(second.sha256 == first.sha256)
        let (document, _) = try store.stored(first)
        #expect(document.filenames == ["npo_tf_risk_guidance_note.pdf", "copy_of_guidance_note_final_v2.pdf"])
        #expect(document.commitments.map(\.rawValue) == ["C1"])
        #expect(store.storedFiles.count == 1)
        #expect(try store.repository.index.search(SearchRequest(query: try SearchQuery("donations"), audience: .internal)).total == 1)
    }

    @Test(arguments: [
        ("bad/empty_report.pdf", "empty_file"), ("bad/budget_annex_bomb.docx", "too_large"),
        ("bad/attendance_annex_laughs.docx", "forbidden_doctype"), ("bad/billion_laughs.xml", "unsupported_type"),
        ("bad/attendance_empty_archive.xlsx", "malformed_container"), ("bad/workshop_minutes_xxe.docx", "forbidden_doctype"),
    ])
    func rejectedFileLeavesNoTrace(fixture: String, code: String) async throws {
        let store = try TestStore()
        let outcome = await store.ingest(fixture)
        #expect(outcome.status == .rejected)
        #expect(outcome.error?.code.rawValue == code)
        #expect(outcome.error?.message.isEmpty == false)
        #expect(store.storedFiles.isEmpty)
        #expect(try store.repository.index.allHashes().isEmpty)
        #expect(try store.repository.verify(repair: false).ok)
    }

    @Test func aRestrictedArrivalRestrictsButAPublicOneNeverOpens() async throws {
        let store = try TestStore()
        let first = await store.ingest("docs/attendance_karak_capital_projects_2023-07-09.xlsx")
        #expect(try store.stored(first).0.classification == .public)
        _ = await store.ingest("docs/attendance_karak_capital_projects_2023-07-09.xlsx", as: "again.xlsx", classification: .restricted)
        #expect(try store.stored(first).0.classification == .restricted)
        _ = await store.ingest("docs/attendance_karak_capital_projects_2023-07-09.xlsx", as: "third.xlsx", classification: .public)
        #expect(try store.stored(first).0.classification == .restricted)
    }

    @Test func hostileNamesAreStoredSafely() async throws {
        let store = try TestStore()
        let traversal = await store.ingest("bad/path_traversal_name.txt", as: "../../../../etc/cron.d/ogp_evidence.txt")
        let (document, _) = try store.stored(traversal)
        #expect(document.filenames == ["ogp_evidence.txt"])
        let override = await store.ingest("bad/rlo_override_name.txt", as: "workshop_photo_\u{202E}gnp.exe")
        #expect(override.status == .rejected)
        #expect(override.error?.code == .disallowedType)
        let long = String(repeating: "تقرير_ورشة_العمل_", count: 20) + ".txt"
        let longOutcome = await store.ingest("bad/long_file_name.txt", as: long)
        let (longDocument, _) = try store.stored(longOutcome)
        #expect(longDocument.filenames[0].hasSuffix(".txt"))
        #expect(longDocument.filenames[0].utf8.count <= 255)
        #expect(longDocument.title == "ملخص ورشة إربد")
    }

    @Test func restrictedDocumentsStayOutOfThePublicListing() async throws {
        let store = try TestStore()
        let open = await store.ingest("docs/capital_projects_2023.csv")
        let hidden = await store.ingest("docs/attendance_karak_capital_projects_2023-07-09.xlsx", classification: .restricted)
        let listing = try Listing(index: store.repository.index, audience: .public)
        #expect(listing.entries.map(\.sha256) == [open.sha256?.hex])
        let csv = listing.csv()
        #expect(!csv.contains(try #require(hidden.sha256).hex))
        #expect(!csv.contains("كشف حضور"))
        #expect(try Listing(index: store.repository.index, audience: .internal).entries.count == 2)
    }

    @Test func crashLeftoversAreFoundAndRepairedByVerify() async throws {
        let store = try TestStore()
        let kept = await store.ingest("docs/karak_hearing_notes.txt")
        _ = try store.repository.blobs.stage(contentsOf: Fixtures.url("docs/capital_projects_2023.csv"), sizeLimit: 1 << 20)
        let orphan = try store.repository.blobs.stage(contentsOf: Fixtures.url("docs/npo_risk_assessment_summary.md"), sizeLimit: 1 << 20)
        try store.repository.blobs.commit([orphan])
        let report = try store.repository.verify(repair: false)
        #expect(!report.ok)
        #expect(report.audit.orphaned == [orphan.hash])
        #expect(report.audit.staleStagingFiles == 1)
        let repaired = try store.repository.verify(repair: true)
        #expect(repaired.ok && repaired.repaired)
        #expect(try store.stored(kept).0.title.isEmpty == false)
    }

    @Test func tamperedOriginalIsReportedAsCorrupted() async throws {
        let store = try TestStore()
        let outcome = await store.ingest("docs/karak_hearing_notes.txt")
        let path = store.repository.blobs.url(for: try #require(outcome.sha256)).path
        chmod(path, 0o644)
        try Data("changed".utf8).write(to: URL(fileURLWithPath: path))
        let report = try store.repository.verify(repair: false)
        #expect(report.audit.corrupted == [outcome.sha256])
    }

    @Test func reextractionReplacesTextButKeepsNamesLinksAndClassification() async throws {
        let store = try TestStore()
        let outcome = await store.ingest("docs/karak_hearing_notes.txt", classification: .restricted, commitments: ["C6"])
        let hash = try #require(outcome.sha256)
        let (original, text) = try store.stored(outcome)
        var document = original
        #expect(try store.repository.index.outdatedExtractions(currentVersions: ["text": 1]).isEmpty)
        #expect(try store.repository.index.outdatedExtractions(currentVersions: ["text": 2]) == [hash])
        document.title = "stale title"
        try store.repository.index.replaceExtraction(NewDocument(document: document, text: "stale text", extractor: "text", extractorVersion: 1))
        #expect(try store.repository.index.search(SearchRequest(query: try SearchQuery("stale"), audience: .internal)).total == 1)

        let again = await store.repository.pipeline.reextract(hash)
        #expect(again.status == .reextracted)
        let (reread, rereadText) = try store.stored(outcome)
        #expect(reread.title == "ملاحظـــات جلسة الاستماع - الكرك")
        #expect(rereadText == text)
        #expect(reread.classification == .restricted)
        #expect(reread.commitments.map(\.rawValue) == ["C6"])
        #expect(try store.repository.index.search(SearchRequest(query: try SearchQuery("stale"), audience: .internal)).total == 0)
    }

    @Test func reextractingAnUnknownHashChangesNothing() async throws {
        let store = try TestStore()
        let outcome = await store.repository.pipeline.reextract(SHA256Hasher.hash(Array("nothing".utf8)))
        #expect(outcome.status == .rejected)
        #expect(outcome.error?.code == .unknownDocument)
    }

    @Test func reopeningTheStoreKeepsEverything() async throws {
        let store = try TestStore()
        let outcome = await store.ingest("docs/integrity_index_results_2022.html", commitments: ["C5"])
        let reopened = try Repository(root: store.repository.root)
        let page = try reopened.index.search(SearchRequest(query: try SearchQuery("procurement"), audience: .public))
        #expect(page.hits.map(\.document.sha256) == [try #require(outcome.sha256)])
    }
}

@Suite struct BatchIngestTests {
    @Test func theSameFileTwiceInOneBatchIsOneDocument() async throws {
        let store = try TestStore()
        let file = Fixtures.url("docs/karak_hearing_notes.txt")
        var outcomes: [IngestOutcome] = []
        await store.repository.pipeline.ingest([IngestRequest(source: file), IngestRequest(source: file, originalName: "copy.txt")]) {
            outcomes.append($0)
        }
        #expect(outcomes.map(\.status) == [.ingested, .duplicate])
        #expect(outcomes[0].sha256 == outcomes[1].sha256)
        #expect(try store.stored(outcomes[0]).0.filenames == ["karak_hearing_notes.txt", "copy.txt"])
        #expect(store.storedFiles.count == 1)
        #expect(try store.repository.verify(repair: false).ok)
    }

    @Test func filesCutIntoBatchesByCountAndBytesAreAllRecordedInOrder() async throws {
        let store = try TestStore()
        let pipeline = IngestPipeline(
            blobs: store.repository.blobs, index: store.repository.index, extractors: store.repository.pipeline.extractors, sizeLimit: 1 << 20,
            batchSize: 2, batchBytes: 1_000)
        let requests = ["docs/karak_hearing_notes.txt", "docs/capital_projects_2023.csv", "bad/budget_annex_bomb.docx",
                        "docs/karak_hearing_notes.txt", "docs/news_maan_youth_consultations.html"]
            .map { IngestRequest(source: Fixtures.url($0)) }
        var outcomes: [IngestOutcome] = []
        await pipeline.ingest(requests) { outcomes.append($0) }
        #expect(outcomes.map(\.path) == requests.map(\.source.path))
        #expect(outcomes.map(\.status) == [.ingested, .ingested, .rejected, .duplicate, .ingested])
        #expect(try store.repository.verify(repair: false).ok)
    }

    @Test func anIngestOfEnoughDocumentsDefersMergingAndLeavesTheFullTextIndexMergedAndASmallerOneDoesNot() async throws {
        let files = ["docs/karak_hearing_notes.txt", "docs/capital_projects_2023.csv", "docs/news_maan_youth_consultations.html"]
        for (threshold, merged) in [(3, true), (4, false)] {
            let store = try TestStore()
            let pipeline = IngestPipeline(
                blobs: store.repository.blobs, index: store.repository.index, extractors: store.repository.pipeline.extractors,
                sizeLimit: 1 << 20, batchSize: 1, documentsBeforeMerge: threshold)
            var outcomes: [IngestOutcome] = []
            var merging: [SegmentMerging?] = []
            await pipeline.ingest(files.map { IngestRequest(source: Fixtures.url($0)) }) { outcome in
                outcomes.append(outcome)
                merging.append(try? store.repository.index.segmentMerging())
            }
            #expect(outcomes.map(\.status) == [.ingested, .ingested, .ingested])
            // An ingest that merges the index when it ends leaves merging to then, and gives it back.
            #expect(merging == Array(repeating: merged ? .deferred : .incremental, count: 3))
            #expect(try store.repository.index.segmentMerging() == .incremental)
            let found = try store.repository.index.search(SearchRequest(query: try SearchQuery("الكرك"), audience: .internal))
            #expect(found.hits.map(\.document.sha256).contains(try #require(outcomes[0].sha256)))
            // Each batch of one file was a segment of its own; a merged index has nothing left to merge.
            #expect(try (store.repository.index.mergeFullTextSegments() == 0) == merged)
        }
    }

    @Test func aRejectedFileDoesNotStopTheBatch() async throws {
        let store = try TestStore()
        let requests = ["docs/capital_projects_2023.csv", "bad/budget_annex_bomb.docx", "docs/karak_hearing_notes.txt"]
            .map { IngestRequest(source: Fixtures.url($0)) }
        var outcomes: [IngestOutcome] = []
        await store.repository.pipeline.ingest(requests) { outcomes.append($0) }
        #expect(outcomes.map(\.status) == [.ingested, .rejected, .ingested])
        #expect(outcomes.map(\.path) == requests.map(\.source.path))
        #expect(store.storedFiles.count == 2)
    }
}

@Suite struct TextLayerRepairSearchTests {
    @Test func repairedPDFIsFoundByTheRepairedAndTheAlternativeReadings() async throws {
        let store = try TestStore()
        let outcome = await store.ingest("generated/lam_alef_dejavu.pdf")
        #expect(outcome.status == .ingested)
        for query in ["الأول", "الالتزام", "السلام", "اللازمة", "\"الإجراءات والآليات\""] {
            let page = try store.repository.index.search(SearchRequest(query: try SearchQuery(query), audience: .public))
            #expect(page.total == 1, "\(query)")
        }
    }
}
