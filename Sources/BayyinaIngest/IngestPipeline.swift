public import BayyinaCore
public import BayyinaExtraction
public import BayyinaIndex
public import BayyinaStorage
public import Foundation

/// One file to ingest, with the name it arrived under and how to file it.
public struct IngestRequest: Sendable {
    public var source: URL
    /// The name the file arrived under (an upload's name); the source's own name when nil.
    public var originalName: String?
    /// The folder the file came from, relative to an ingested directory; empty for single files.
    public var folder: String
    public var commitments: [CommitmentID]
    public var milestones: [MilestoneID]
    public var classification: Classification
    public var legalBasis: String?
    /// Opens a password-protected PDF for extraction; never stored.
    public var password: String?

    public init(
        source: URL, originalName: String? = nil, folder: String = "", commitments: [CommitmentID] = [],
        milestones: [MilestoneID] = [], classification: Classification = .public, legalBasis: String? = nil, password: String? = nil
    ) {
        self.source = source
        self.originalName = originalName
        self.folder = folder
        self.commitments = commitments
        self.milestones = milestones
        self.classification = classification
        self.legalBasis = legalBasis
        self.password = password
    }
}

/// What happened to one file.
public struct IngestOutcome: Sendable {
    public enum Status: String, Sendable { case ingested, duplicate, rejected, reextracted }
    public var path: String
    public var status: Status
    public var sha256: ContentHash?
    public var title: String?
    public var error: BayyinaError?
    public var warnings: [Notice]
    public var size: Int64

    public init(
        path: String, status: Status, sha256: ContentHash? = nil, title: String? = nil, error: BayyinaError? = nil,
        warnings: [Notice] = [], size: Int64
    ) {
        self.path = path
        self.status = status
        self.sha256 = sha256
        self.title = title
        self.error = error
        self.warnings = warnings
        self.size = size
    }
}

/// Ingest as ordered named steps. Per file, on every core at once: preflight (name), store (stage while
/// hashing), deduplicate, extract. Per batch, in order: the staged originals are flushed and moved into place and
/// the rows committed in one transaction, then the link step fingerprints and proposes links for the new documents.
/// A failing step rejects its file with a stable code and leaves no trace; the other files go on.
public struct IngestPipeline: Sendable {
    public let blobs: any BlobStore
    public let index: IndexDatabase
    public let extractors: ExtractorRegistry
    public let sizeLimit: Int64
    /// Files committed together; also how many are staged ahead of the commit.
    public let batchSize: Int
    /// Bytes of files committed together, whatever their number.
    public let batchBytes: Int64
    /// Files extracted at the same time.
    public let concurrency: Int
    /// Where the time a document is recorded comes from.
    public let clock: any WallClock
    /// Fingerprints and link suggestions after each batch.
    public let linkStep: LinkStep
    /// Documents an ingest stores, at least, before the full-text index is merged after it: merging rewrites the
    /// whole index (3 s at 10,000 documents, 21 s at 100,000), so it also waits for an ingest of a tenth of the index.
    public let documentsBeforeMerge: Int

    public init(
        blobs: any BlobStore, index: IndexDatabase, extractors: ExtractorRegistry, sizeLimit: Int64, batchSize: Int = 256,
        batchBytes: Int64 = 64 << 20, concurrency: Int = ProcessInfo.processInfo.activeProcessorCount, clock: any WallClock = SystemClock(),
        documentsBeforeMerge: Int = 1_000
    ) {
        self.clock = clock
        self.blobs = blobs
        self.index = index
        self.extractors = extractors
        self.sizeLimit = sizeLimit
        self.batchSize = max(1, batchSize)
        self.batchBytes = max(1, batchBytes)
        self.concurrency = max(1, concurrency)
        self.documentsBeforeMerge = max(1, documentsBeforeMerge)
        linkStep = LinkStep(index: index)
    }

    /// Ingests one file.
    public func ingest(_ request: IngestRequest) async -> IngestOutcome {
        var outcome: IngestOutcome?
        await ingest([request]) { outcome = $0 }
        return outcome!
    }

    /// Ingests files in batches, reporting each outcome in the order of the requests. The next batch is staged
    /// and extracted while the current one is committed, and a committed batch is linked while the next one is
    /// committed; the last batch is linked before this returns.
    public func ingest(_ requests: [IngestRequest], report: (IngestOutcome) -> Void) async {
        let batches = self.batches(of: requests)
        let merging = segmentMerging(forIngestOf: requests.count)
        var preparing = batches.first.map { batch in Task { await prepare(batch) } }
        var linking: Task<Void, Never>?
        var stored = 0
        for position in batches.indices {
            guard let current = await preparing?.value else { break }
            preparing = position + 1 < batches.count ? Task { [batches] in await prepare(batches[position + 1]) } : nil
            for outcome in commit(current, merging: merging) {
                if outcome.status == .ingested { stored += 1 }
                report(outcome)
            }
            // Taken before the next commit, so that the results do not depend on how far it has come. Pending
            // documents stay pending on failure and are taken up by the next step or `suggestions refresh`.
            let snapshot = try? linkStep.snapshot()
            await linking?.value
            linking = nil
            guard let snapshot else { continue }
            if preparing != nil {
                linking = Task { await runLinkStep(snapshot) }
            } else {
                // The last batch (an upload's only one) has no commit to overlap: linked here, without the hops to
                // another thread and back, which wait behind every search when the server is busy.
                _ = try? linkStep.run(snapshot)
            }
        }
        mergeIndexAfterLargeIngest(stored: stored, merging: merging)
    }

    /// Whether an ingest that stores `stored` documents merges the full-text index when it ends: ``documentsBeforeMerge``
    /// documents or more, and a tenth or more of the `documents` it leaves in the index (counted only then).
    private func mergesIndex(storing stored: Int, documents: () -> Int?) -> Bool {
        guard stored >= documentsBeforeMerge, let documents = documents() else { return false }
        return stored * 10 >= documents
    }

    /// Segments are merged sixteen at a time by an ingest that will merge the whole index when it ends, should every
    /// file be stored: merging them four at a time as it went rewrote each batch's terms again at every level of the
    /// growing index (10,000 documents, alternating runs sampled at 499 Hz: FTS5's merges, the final one included,
    /// 2,387/2,277 -> 872/798 samples, a sixth of the writer's). Other ingests merge as they go, so that searches
    /// meanwhile read few segments.
    private func segmentMerging(forIngestOf count: Int) -> SegmentMerging {
        mergesIndex(storing: count, documents: { (try? index.documentCount()).map { $0 + count } }) ? .deferred : .incremental
    }

    /// Merges the full-text index into one segment after an ingest of ``documentsBeforeMerge`` documents or more and of a
    /// tenth of the index or more. Ingest leaves it in many segments (8 to 18 at 10,000 to 100,000 documents), each read
    /// by every search (10,000 documents, 1,000 queries: p50 7.5/9.2 -> 5.1/7.0 ms, p99 20.1/23.7 -> 14.8/17.6 ms).
    /// A deferred ingest first gives later commits FTS5's own merging back (or the next commit does, if this fails).
    /// A failed merge changes nothing a search sees and is taken up by the next large ingest.
    private func mergeIndexAfterLargeIngest(stored: Int, merging: SegmentMerging) {
        if merging == .deferred { _ = try? index.useSegmentMerging(.incremental) }
        guard mergesIndex(storing: stored, documents: { try? index.documentCount() }) else { return }
        _ = try? index.mergeFullTextSegments()
    }

    /// Fingerprints and proposes links for the pending documents on a thread of its own, not one of the few that
    /// run tasks (the commit beside it and the extraction of the next batch need those), one document after another
    /// and at a lower priority (nice 10). It has until the next batch is committed; on every core and at the same
    /// priority it took CPU time from the single writer, which sets the pace of an ingest (10,000 documents, five
    /// alternating runs: the writer off the CPU in its commits 4.0 -> 3.0 s on average, ingest 22.8 -> 21.9 s).
    private func runLinkStep(_ snapshot: LinkStep.Snapshot) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            Thread {
                Self.lowerCurrentThreadPriority()
                _ = try? linkStep.run(snapshot, onEveryCore: false)
                done.resume()
            }.start()
        }
    }

    /// Gives the calling thread a lower priority (nice 10); on Linux each thread has a nice value of its own.
    private static func lowerCurrentThreadPriority() {
        #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
        #endif
    }

    /// The requests in order, cut into batches of at most ``batchSize`` files and ``batchBytes`` bytes (a file larger
    /// than that is a batch of its own), so that the texts a batch holds in memory stay bounded. The first batches
    /// are smaller (16 files, then twice as many each time): the first commit starts early and the next batch is
    /// extracted beside it, where one batch of 256 PDFs left a core idle through its whole commit and link step.
    private func batches(of requests: [IngestRequest]) -> [[IngestRequest]] {
        var batches: [[IngestRequest]] = []
        var current: [IngestRequest] = []
        var bytes: Int64 = 0
        var files = min(batchSize, 16)
        for request in requests {
            var status = stat()
            let size = stat(request.source.path, &status) == 0 ? Int64(status.st_size) : 0
            if !current.isEmpty, current.count >= files || bytes + size > batchBytes {
                batches.append(current)
                current = []
                bytes = 0
                files = min(batchSize, files * 2)
            }
            current.append(request)
            bytes += size
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// A file staged and extracted, waiting for its batch to be committed.
    private enum Prepared: Sendable {
        case rejected(IngestOutcome)
        case ready(IngestOutcome, StagedBlob, IndexChange)
    }

    private func prepare(_ batch: [IngestRequest]) async -> [Prepared] {
        await withTaskGroup(of: (Int, Prepared).self) { group in
            var results = [Prepared?](repeating: nil, count: batch.count)
            var next = 0
            while next < min(concurrency, batch.count) {
                let (position, request) = (next, batch[next])
                group.addTask { (position, await prepare(request)) }
                next += 1
            }
            while let (position, prepared) = await group.next() {
                results[position] = prepared
                if next < batch.count {
                    let (position, request) = (next, batch[next])
                    group.addTask { (position, await prepare(request)) }
                    next += 1
                }
            }
            return results.map { $0! }
        }
    }

    private func prepare(_ request: IngestRequest) async -> Prepared {
        let name = FileNameSanitizer.sanitize(request.originalName ?? request.source.lastPathComponent)
        var outcome = IngestOutcome(path: request.source.path, status: .rejected, warnings: [], size: 0)
        var staged: StagedBlob?
        do throws(BayyinaError) {
            let blob = try blobs.stage(contentsOf: request.source, sizeLimit: sizeLimit)
            staged = blob
            outcome.size = blob.size
            let arrival = Arrival(hash: blob.hash, name: name, folder: request.folder, commitments: request.commitments,
                                  milestones: request.milestones, classification: request.classification, legalBasis: request.legalBasis)
            if try index.contains(blob.hash) {
                outcome.sha256 = blob.hash
                return .ready(outcome, blob, .arrival(arrival))
            }
            guard blob.size > 0 else {
                throw BayyinaError(.emptyFile, "The file is empty (0 bytes); nothing was stored. Check that the upload or copy finished.")
            }
            let template = Document(
                sha256: blob.hash, title: name, titleSource: .filename, author: nil, created: nil, language: nil, pages: nil,
                mediaType: "application/octet-stream", size: blob.size, filenames: [name], folders: [request.folder],
                classification: request.classification, legalBasis: request.legalBasis, commitments: request.commitments,
                milestones: request.milestones, ingestedAt: Timestamp.string(from: clock.now()))
            let record = try await extract(blob.url, into: template, password: request.password)
            outcome.sha256 = blob.hash
            outcome.title = record.document.title
            outcome.warnings = record.document.warnings
            return .ready(outcome, blob, .newDocument(record))
        } catch {
            if let staged { blobs.discard(staged) }
            outcome.error = error
            outcome.sha256 = nil
            return .rejected(outcome)
        }
    }

    /// Sniffs and extracts a file and fills in what extraction decides: title, metadata, text, warnings.
    private func extract(_ url: URL, into template: Document, password: String? = nil) async throws(BayyinaError) -> NewDocument {
        let name = template.filenames.first ?? url.lastPathComponent
        let (sniffed, content) = try await extractors.extract(fileAt: url, fileName: name, password: password)
        var document = template
        let title = content.title(fileName: name)
        document.title = title.text
        document.titleSource = title.source
        document.author = TextCleanup.singleLine(content.author)
        document.created = content.created
        document.language = content.language
        document.pages = content.pages
        document.mediaType = content.mediaType
        document.warnings = content.warnings
        document.attachments = content.attachments
        document.properties = content.properties
        return NewDocument(
            document: document, text: content.text, alternativeReadings: content.alternativeReadings, pages: content.pageRecords,
            extractor: sniffed.format.rawValue,
            extractorVersion: ExtractorRegistry.versions[sniffed.format] ?? 1)
    }

    /// Reads a stored original again with the current extractors and replaces its title, metadata and text;
    /// names, links and classification stay. On failure the document is left as it was.
    public func reextract(_ hash: ContentHash) async -> IngestOutcome {
        var outcome = IngestOutcome(path: blobs.url(for: hash).path, status: .rejected, sha256: hash, warnings: [], size: 0)
        do throws(BayyinaError) {
            guard let document = try index.metadata(hash) else {
                throw BayyinaError(.unknownDocument, "No document has the hash \(hash).", arabic: "لا توجد وثيقة بالبصمة \(hash).")
            }
            outcome.size = document.size
            let record = try await extract(blobs.url(for: hash), into: document)
            try index.replaceExtraction(record)
            outcome.status = .reextracted
            outcome.title = record.document.title
            outcome.warnings = record.document.warnings
        } catch {
            outcome.error = error
        }
        return outcome
    }

    /// Moves the batch's new originals into place and records every change in one transaction.
    private func commit(_ batch: [Prepared], merging: SegmentMerging) -> [IngestOutcome] {
        let ready = batch.compactMap { prepared -> (IngestOutcome, StagedBlob, IndexChange)? in
            if case .ready(let outcome, let blob, let change) = prepared { return (outcome, blob, change) }
            return nil
        }
        var results: [IndexChangeResult]
        do {
            results = try index.apply(ready.map(\.2), merging: merging) { results throws(BayyinaError) in
                try blobs.commit(zip(ready, results).compactMap { item, result in
                    if case .inserted = result { return item.1 }
                    return nil
                })
            }
        } catch {
            results = ready.map { _ in .failed(error) }
        }
        for ((_, blob, _), result) in zip(ready, results) {
            if case .inserted = result { continue }
            blobs.discard(blob)
        }
        var outcomes = ArraySlice(zip(ready, results).map { item, result -> IngestOutcome in
            var outcome = item.0
            switch result {
            case .inserted:
                outcome.status = .ingested
            case .duplicate:
                outcome.status = .duplicate
                outcome.warnings = []
                outcome.title = try? index.metadata(item.1.hash)?.title
            case .failed(let error):
                outcome.status = .rejected
                outcome.error = error
                outcome.sha256 = (try? index.contains(item.1.hash)) == true ? item.1.hash : nil
            }
            return outcome
        })
        return batch.map { prepared in
            if case .rejected(let outcome) = prepared { return outcome }
            return outcomes.popFirst()!
        }
    }
}
