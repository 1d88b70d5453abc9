public import BayyinaCore
public import Foundation

/// A file copied into the store's staging area while it was hashed; not yet part of the store.
public struct StagedBlob: Sendable {
    public let hash: ContentHash
    public let size: Int64
    /// Where the staged bytes can be read until they are committed or discarded.
    public let path: String
    public var url: URL { URL(fileURLWithPath: path, isDirectory: false) }
    /// Its name in the staging folder.
    let name: String
}

/// A report of `verify`: what is wrong with the stored originals.
public struct BlobAudit: Sendable {
    public var checked = 0
    public var corrupted: [ContentHash] = []
    public var orphaned: [ContentHash] = []
    public var missing: [ContentHash] = []
    public var strayFiles: [String] = []
    public var staleStagingFiles = 0
}

/// Content-addressed storage of original files.
public protocol BlobStore: Sendable {
    /// Copies a file into staging, hashing it on the way; refuses files larger than `sizeLimit` bytes.
    /// Staged bytes become durable only when they are committed.
    func stage(contentsOf source: URL, sizeLimit: Int64) throws(BayyinaError) -> StagedBlob
    /// Moves staged files into their content addresses, durably: staged bytes are flushed, then renamed, then the
    /// renames are flushed. Committing bytes already stored only discards the staged copy.
    func commit(_ batch: [StagedBlob]) throws(BayyinaError)
    /// Forgets a staged file.
    func discard(_ staged: StagedBlob)
    /// Where the original bytes of a stored document can be read.
    func url(for hash: ContentHash) -> URL
    func contains(_ hash: ContentHash) -> Bool
    /// Re-hashes every stored original and compares the store with the hashes the database knows.
    func audit(known: Set<ContentHash>) -> BlobAudit
    /// Deletes orphaned originals, stray and stale staging files, and moves corrupted ones to quarantine.
    func repair(_ audit: BlobAudit) throws(BayyinaError)
}
