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

    public init(
        source: URL, originalName: String? = nil, folder: String = "", commitments: [CommitmentID] = [],
        milestones: [MilestoneID] = [], classification: Classification = .public, legalBasis: String? = nil
    ) {
        self.source = source
        self.originalName = originalName
        self.folder = folder
        self.commitments = commitments
        self.milestones = milestones
        self.classification = classification
        self.legalBasis = legalBasis
    }
}

/// What happened to one file.
public struct IngestOutcome: Sendable {
    public enum Status: String, Sendable { case ingested, duplicate, rejected }
    public var path: String
    public var status: Status
    public var sha256: ContentHash?
    public var title: String?
    public var error: BayyinaError?
    public var warnings: [String]
    public var size: Int64
}

/// Ingest as ordered named steps: preflight (name), store (stage while hashing), deduplicate, extract, index
/// (blob moved into place and row committed together). A failing step rejects the file with a stable code and
/// leaves no trace; the caller goes on with the next file.
public struct IngestPipeline: Sendable {
    public let blobs: any BlobStore
    public let index: IndexDatabase
    public let extractors: ExtractorRegistry
    public let sizeLimit: Int64

    public init(blobs: any BlobStore, index: IndexDatabase, extractors: ExtractorRegistry, sizeLimit: Int64) {
        self.blobs = blobs
        self.index = index
        self.extractors = extractors
        self.sizeLimit = sizeLimit
    }

    public func ingest(_ request: IngestRequest) async -> IngestOutcome {
        let name = FileNameSanitizer.sanitize(request.originalName ?? request.source.lastPathComponent)
        var outcome = IngestOutcome(path: request.source.path, status: .rejected, warnings: [], size: 0)
        var staged: StagedBlob?
        do throws(BayyinaError) {
            let blob = try blobs.stage(contentsOf: request.source, sizeLimit: sizeLimit)
            staged = blob
            outcome.sha256 = blob.hash
            outcome.size = blob.size
            if try index.addArrival(of: blob.hash, name: name, folder: request.folder, commitments: request.commitments, milestones: request.milestones) {
                blobs.discard(blob)
                staged = nil
                outcome.status = .duplicate
                outcome.title = try index.document(blob.hash)?.0.title
                return outcome
            }
            guard blob.size > 0 else {
                throw BayyinaError(.emptyFile, "The file is empty (0 bytes); nothing was stored. Check that the upload or copy finished.")
            }
            let (sniffed, content) = try await extractors.extract(fileAt: blob.url, fileName: name)
            let title = content.title(fileName: name)
            let document = Document(
                sha256: blob.hash, title: title.text, titleSource: title.source, author: TextCleanup.singleLine(content.author),
                created: content.created, language: content.language, pages: content.pages, mediaType: content.mediaType,
                size: blob.size, filenames: [name], folders: [request.folder], classification: request.classification,
                legalBasis: request.legalBasis, commitments: request.commitments, milestones: request.milestones,
                warnings: content.warnings, attachments: content.attachments, ingestedAt: Timestamp.now())
            let record = NewDocument(
                document: document, text: content.text, extractor: sniffed.format.rawValue,
                extractorVersion: ExtractorRegistry.versions[sniffed.format] ?? 1)
            try index.insert(record) { () throws(BayyinaError) in try blobs.commit(blob) }
            staged = nil
            outcome.status = .ingested
            outcome.title = document.title
            outcome.warnings = content.warnings
        } catch {
            if let staged { blobs.discard(staged) }
            outcome.status = .rejected
            outcome.error = error
            outcome.sha256 = outcome.sha256.flatMap { (try? index.contains($0)) == true ? $0 : nil }
        }
        return outcome
    }
}
