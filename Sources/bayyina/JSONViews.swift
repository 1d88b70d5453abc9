import BayyinaCore
import BayyinaIndex
import BayyinaIngest

/// `show --json`: a document's metadata, and its text when asked for.
struct DocumentJSON: Encodable {
    var sha256: String
    var title: String
    var titleSource: String
    @Nullable var author: String?
    @Nullable var created: String?
    @Nullable var language: String?
    @Nullable var pages: Int?
    var mediaType: String
    var size: Int64
    var filenames: [String]
    var folders: [String]
    var classification: String
    @Nullable var legalBasis: String?
    var commitments: [String]
    var milestones: [String]
    var attachments: [String]
    var properties: DocumentProperties
    var warnings: [String]
    var warningsAr: [String]
    var warningCodes: [String]
    var ingestedAt: String
    var text: String?
    /// With `show --pages`: each page's source (text layer or OCR), size and confidence.
    var pageList: [PageJSON]?

    init(_ document: Document, text: String?) {
        sha256 = document.sha256.hex
        title = document.title
        titleSource = document.titleSource.rawValue
        author = document.author
        created = document.created
        language = document.language?.rawValue
        pages = document.pages
        mediaType = document.mediaType
        size = document.size
        filenames = document.filenames
        folders = document.folders
        classification = document.classification.rawValue
        legalBasis = document.legalBasis
        commitments = document.commitments.map(\.rawValue)
        milestones = document.milestones.map(\.rawValue)
        attachments = document.attachments
        properties = document.properties
        warnings = document.warnings.map(\.english)
        warningsAr = document.warnings.map(\.arabic)
        warningCodes = document.warnings.map(\.code)
        ingestedAt = document.ingestedAt
        self.text = text
    }
}

/// One page in `show --pages --json`: where its text came from, and the text with `--text`.
struct PageJSON: Encodable {
    var page: Int
    var source: String
    var characters: Int
    @Nullable var confidence: Double?
    var text: String?

    init(_ page: DocumentPage, body: String?) {
        self.page = page.number
        source = page.source.rawValue
        characters = page.characters
        confidence = page.confidence
        text = body.map { body in
            let bytes = Array(body.utf8)
            let range = min(page.start, bytes.count)..<min(page.end, bytes.count)
            return String(decoding: bytes[range], as: UTF8.self)
        }
    }
}

/// `search --json`.
struct SearchResponseJSON: Encodable {
    struct Result: Encodable {
        var sha256: String
        var title: String
        var snippet: String
        var score: Double
        var filenames: [String]
        var commitments: [String]
        var milestones: [String]
        var classification: String
        @Nullable var language: String?
        var mediaType: String
        @Nullable var created: String?
        var pages: [Int]
        @Nullable var snippetPage: Int?
    }

    var query: String
    var total: Int
    /// Time spent searching, in milliseconds (without starting the program).
    var tookMs: Double
    var results: [Result]

    init(query: String, page: SearchPage, tookMs: Double) {
        self.query = query
        self.tookMs = tookMs
        total = page.total
        results = page.hits.map { hit in
            Result(
                sha256: hit.document.sha256.hex, title: hit.document.title, snippet: hit.snippet.marked(start: "**", end: "**"),
                score: hit.score, filenames: hit.document.filenames, commitments: hit.document.commitments.map(\.rawValue),
                milestones: hit.document.milestones.map(\.rawValue), classification: hit.document.classification.rawValue,
                language: hit.document.language?.rawValue, mediaType: hit.document.mediaType, created: hit.document.created,
                pages: hit.pages, snippetPage: hit.snippetPage)
        }
    }
}

/// `verify --json`.
struct VerifyJSON: Encodable {
    var ok: Bool
    var repaired: Bool
    var checked: Int
    var corrupted: [String]
    var orphaned: [String]
    var missing: [String]
    var strayFiles: [String]
    var staleStagingFiles: Int
    var databaseProblems: [String]

    init(_ report: VerifyReport) {
        ok = report.ok
        repaired = report.repaired
        checked = report.audit.checked
        corrupted = report.audit.corrupted.map(\.hex)
        orphaned = report.audit.orphaned.map(\.hex)
        missing = report.audit.missing.map(\.hex)
        strayFiles = report.audit.strayFiles
        staleStagingFiles = report.audit.staleStagingFiles
        databaseProblems = report.databaseProblems
    }
}

/// An optional that JSON shows as `null` instead of leaving the key out, as the CLI contract's shapes require.
@propertyWrapper
struct Nullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
