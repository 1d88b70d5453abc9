public import BayyinaCore
public import BayyinaExtraction
public import BayyinaIndex
public import BayyinaStorage
public import Foundation

/// The composition root of a store folder: originals under `blobs/`, the database `bayyina.sqlite`, and the
/// ingest pipeline over both.
public struct Repository: Sendable {
    public let root: URL
    public let blobs: FileSystemBlobStore
    public let index: IndexDatabase
    public let pipeline: IngestPipeline

    /// Largest file accepted by default: 512 MB.
    public static let defaultSizeLimit: Int64 = 512 << 20

    /// Files worked on at once by default: twice the cores, since a file spends part of its time waiting on the
    /// child processes that read it (64 small PDFs: 120 pages/s with one job a core, 167 with two; text ingest is
    /// bound by the single writer and does not change).
    public static var defaultJobs: Int { 2 * ProcessInfo.processInfo.activeProcessorCount }

    /// Opens (or creates) the store; `jobs` is how many files, and pages or images for OCR (at most one a core), are
    /// worked on at once; `clock` dates what is recorded; `mapsReads` maps the database for searching (see ``IndexDatabase``).
    public init(
        root: URL, sizeLimit: Int64 = defaultSizeLimit, limits: ExtractionLimits = ExtractionLimits(),
        jobs: Int = defaultJobs, clock: any WallClock = SystemClock(), mapsReads: Bool = false
    ) throws(BayyinaError) {
        self.root = root
        blobs = try FileSystemBlobStore(root: root)
        index = try IndexDatabase(path: root.appendingPathComponent("bayyina.sqlite").path, mapsReads: mapsReads)
        var limits = limits
        limits.ocrConcurrency = max(1, min(jobs, ProcessInfo.processInfo.activeProcessorCount))
        pipeline = IngestPipeline(
            blobs: blobs, index: index, extractors: ExtractorRegistry(limits: limits), sizeLimit: sizeLimit, concurrency: max(1, jobs), clock: clock)
    }

    /// Re-hashes every original, compares blobs with the database, checks the database, and repairs what can be
    /// repaired safely when asked (orphans and staging leftovers removed, corrupted originals quarantined).
    public func verify(repair: Bool) throws(BayyinaError) -> VerifyReport {
        let known = try index.allHashes()
        var audit = blobs.audit(known: known)
        var report = VerifyReport(audit: audit, databaseProblems: try index.integrityProblems(), repaired: false)
        if repair, !report.ok {
            try blobs.repair(audit)
            if !report.databaseProblems.isEmpty { try index.rebuildFullTextIndex() }
            audit = blobs.audit(known: known)
            report = VerifyReport(audit: audit, databaseProblems: try index.integrityProblems(), repaired: true)
        }
        return report
    }
}

/// The outcome of `verify`.
public struct VerifyReport: Sendable {
    public var audit: BlobAudit
    public var databaseProblems: [String]
    public var repaired: Bool

    public var ok: Bool {
        audit.corrupted.isEmpty && audit.orphaned.isEmpty && audit.missing.isEmpty && audit.strayFiles.isEmpty
            && audit.staleStagingFiles == 0 && databaseProblems.isEmpty
    }
}
