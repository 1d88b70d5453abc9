import BayyinaDigest
import BayyinaCore
import BayyinaStorage
import BayyinaTestSupport
import Foundation
import Testing

@Suite struct FileSystemBlobStoreTests {
    @Test func stagedFileIsHashedAndCommittedUnderItsContentAddress() throws {
        let folder = try TemporaryDirectory()
        let store = try FileSystemBlobStore(root: folder.url.appendingPathComponent("store"))
        let source = try folder.file("minutes.txt", contents: Data("محضر الاجتماع".utf8))
        let staged = try store.stage(contentsOf: source, sizeLimit: 1 << 20)
        #expect(staged.hash == SHA256Hasher.hash(Array("محضر الاجتماع".utf8)))
        #expect(!store.contains(staged.hash))
        try store.commit([staged])
        let stored = store.url(for: staged.hash)
        #expect(stored.path.hasSuffix("blobs/sha256/\(staged.hash.hex.prefix(2))/\(staged.hash.hex.dropFirst(2).prefix(2))/\(staged.hash.hex)"))
        #expect(try Data(contentsOf: stored) == Data("محضر الاجتماع".utf8))
        #expect(!FileManager.default.fileExists(atPath: staged.url.path))
    }

    @Test func knownSHA256OfEmptyInputIsProduced() {
        #expect(SHA256Hasher.hash([UInt8]()).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func committingTheSameBytesTwiceKeepsOneFile() throws {
        let folder = try TemporaryDirectory()
        let store = try FileSystemBlobStore(root: folder.url)
        let source = try folder.file("a.txt", contents: Data("same bytes".utf8))
        let first = try store.stage(contentsOf: source, sizeLimit: 1 << 20)
        try store.commit([first])
        let second = try store.stage(contentsOf: source, sizeLimit: 1 << 20)
        try store.commit([second])
        #expect(first.hash == second.hash)
        #expect(store.audit(known: [first.hash]).checked == 1)
        #expect(store.audit(known: [first.hash]).staleStagingFiles == 0)
    }

    @Test func originalsAreReadOnlyAndFoldersRemovedAfterStagingAreMadeAgain() throws {
        let folder = try TemporaryDirectory()
        let store = try FileSystemBlobStore(root: folder.url)
        let source = try folder.file("a.txt", contents: Data("تقرير ورشة العمل".utf8))
        let staged = try store.stage(contentsOf: source, sizeLimit: 1 << 20)
        try FileManager.default.removeItem(at: folder.url.appendingPathComponent("blobs/sha256/\(staged.hash.hex.prefix(2))"))
        try store.commit([staged])
        let stored = store.url(for: staged.hash)
        #expect(try Data(contentsOf: stored) == Data("تقرير ورشة العمل".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: stored.path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o222 } == 0)
    }

    @Test func fileOverTheSizeLimitIsRefusedWithoutTrace() throws {
        let folder = try TemporaryDirectory()
        let store = try FileSystemBlobStore(root: folder.url.appendingPathComponent("store"))
        let source = try folder.file("big.bin", contents: Data(repeating: 7, count: 4096))
        #expect {
            try store.stage(contentsOf: source, sizeLimit: 1024)
        } throws: { ($0 as? BayyinaError)?.code == .tooLarge }
        #expect(store.audit(known: []).staleStagingFiles == 0)
    }

    @Test func missingSourceIsAClearError() throws {
        let folder = try TemporaryDirectory()
        let store = try FileSystemBlobStore(root: folder.url)
        #expect {
            try store.stage(contentsOf: folder.url.appendingPathComponent("nope.pdf"), sizeLimit: 1024)
        } throws: { ($0 as? BayyinaError)?.code == .fileNotFound }
    }

    @Test func auditFindsCorruptedOrphanedAndMissingOriginals() throws {
        let folder = try TemporaryDirectory()
        let store = try FileSystemBlobStore(root: folder.url)
        let kept = try store.stage(contentsOf: try folder.file("kept.txt", contents: Data("kept".utf8)), sizeLimit: 1024)
        let orphan = try store.stage(contentsOf: try folder.file("orphan.txt", contents: Data("orphan".utf8)), sizeLimit: 1024)
        try store.commit([kept])
        try store.commit([orphan])
        let corrupt = store.url(for: kept.hash)
        chmod(corrupt.path, 0o644)
        try Data("tampered".utf8).write(to: corrupt)
        let missing = SHA256Hasher.hash(Array("never stored".utf8))
        let audit = store.audit(known: [kept.hash, missing])
        #expect(audit.corrupted == [kept.hash])
        #expect(audit.orphaned == [orphan.hash])
        #expect(audit.missing == [missing])
    }

    @Test func repairRemovesOrphansAndStagingLeftoversAndQuarantinesCorruption() throws {
        let folder = try TemporaryDirectory()
        let store = try FileSystemBlobStore(root: folder.url)
        let orphan = try store.stage(contentsOf: try folder.file("orphan.txt", contents: Data("orphan".utf8)), sizeLimit: 1024)
        try store.commit([orphan])
        _ = try store.stage(contentsOf: try folder.file("crash.txt", contents: Data("interrupted".utf8)), sizeLimit: 1024)
        let before = store.audit(known: [])
        #expect(before.orphaned == [orphan.hash])
        #expect(before.staleStagingFiles == 1)
        try store.repair(before)
        let after = store.audit(known: [])
        #expect(after.orphaned.isEmpty && after.staleStagingFiles == 0 && after.checked == 0)
    }
}
