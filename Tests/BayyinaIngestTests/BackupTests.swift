import BayyinaCore
import BayyinaIndex
import BayyinaIngest
import BayyinaListings
import BayyinaStorage
import BayyinaTestSupport
import Foundation
import Testing

@Suite struct BackupTests {
    @Test func aRestoredBackupHasTheSameDocumentsLinksClassificationsHistoryAndSearchResults() async throws {
        let (fixture, granted, _) = try await DisclosureLogTests.fixture()
        let original = fixture.store.repository
        let backup = fixture.store.folder.url.appendingPathComponent("backup")
        let manifest = try original.backup(to: backup, clock: RegisterFixture.clock)
        #expect(manifest.documents == 5 && manifest.files.count == 6 && manifest.createdAt == "2025-06-30T09:00:00Z")
        let root = fixture.store.folder.url.appendingPathComponent("restored")
        try Repository.restore(from: backup, to: root)
        let restored = try Repository(root: root)
        #expect(try restored.verify(repair: false).ok)
        func listing(_ repository: Repository) throws -> Data {
            try Listing(index: repository.index, audience: .internal, clock: RegisterFixture.clock).json()
        }
        #expect(try listing(restored) == (try listing(original)))
        for hash in [fixture.partial, fixture.withdrawn, fixture.restricted] {
            #expect(try restored.index.classificationHistory(hash) == (try original.index.classificationHistory(hash)))
        }
        #expect(try restored.index.requests() == (try original.index.requests()))
        #expect(try restored.index.request(granted.reference)?.releasedDocuments == granted.releasedDocuments)
        for query in ["محضر", "Multi-Stakeholder", "training"] {
            let request = SearchRequest(query: try SearchQuery(query), audience: .internal)
            #expect(try restored.index.search(request).hits.map(\.document.sha256) == (try original.index.search(request).hits.map(\.document.sha256)))
        }
        for hash in try original.index.allHashes() {
            #expect(FileDigest.hash(of: restored.blobs.url(for: hash))?.hash == hash)
        }
    }

    @Test func aDamagedBackupRestoresNothingAndAStoreIsNeverOverwritten() async throws {
        let fixture = try await RegisterFixture()
        let backup = fixture.store.folder.url.appendingPathComponent("backup")
        _ = try fixture.store.repository.backup(to: backup)
        #expect(throws: BayyinaError.self) { try Repository.restore(from: backup, to: fixture.store.repository.root) }
        let blob = backup.appendingPathComponent(FileSystemBlobStore.relativePath(of: fixture.agenda))
        var bytes = try Data(contentsOf: blob)
        bytes[100] ^= 0xFF
        try bytes.write(to: blob)
        let root = fixture.store.folder.url.appendingPathComponent("restored")
        #expect(throws: BayyinaError.self) { try Repository.restore(from: backup, to: root) }
        #expect(!FileManager.default.fileExists(atPath: root.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.store.folder.url.path).allSatisfy { !$0.hasPrefix(".") })
        #expect(throws: BayyinaError.self) { _ = try fixture.store.repository.backup(to: backup) }
    }
}
