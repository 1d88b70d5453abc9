public import BayyinaCore
public import BayyinaIndex

/// `show --json`: a document's metadata, and its text when asked for.
public struct DocumentJSON: Encodable {
    public var sha256: String
    public var title: String
    public var titleSource: String
    @Nullable public var author: String?
    @Nullable public var created: String?
    @Nullable public var language: String?
    @Nullable public var pages: Int?
    public var mediaType: String
    public var size: Int64
    public var filenames: [String]
    public var folders: [String]
    public var classification: String
    @Nullable public var legalBasis: String?
    public var commitments: [String]
    public var milestones: [String]
    public var attachments: [String]
    public var properties: DocumentProperties
    public var warnings: [String]
    public var warningsAr: [String]
    public var warningCodes: [String]
    public var ingestedAt: String
    public var text: String?
    /// With `show --pages`: each page's source (text layer or OCR), size and confidence.
    public var pageList: [PageJSON]?
    /// With `show --versions`: the other documents of its version group.
    public var versions: [VersionJSON]?

    public init(_ document: Document, text: String?) {
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

/// Another version of a document: enough to tell it apart and fetch it.
public struct VersionJSON: Encodable {
    public var sha256: String
    public var title: String
    public var mediaType: String
    public var filenames: [String]

    public init(_ document: Document) {
        sha256 = document.sha256.hex
        title = document.title
        mediaType = document.mediaType
        filenames = document.filenames
    }
}

/// One page in `show --pages --json`: where its text came from, and the text with `--text`.
public struct PageJSON: Encodable {
    public var page: Int
    public var source: String
    public var characters: Int
    @Nullable public var confidence: Double?
    public var text: String?

    public init(_ page: DocumentPage, body: String?) {
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
public struct SearchResponseJSON: Encodable {
    public struct Result: Encodable {
        public var sha256: String
        public var title: String
        public var snippet: String
        public var score: Double
        public var filenames: [String]
        public var commitments: [String]
        public var milestones: [String]
        public var classification: String
        @Nullable public var language: String?
        public var mediaType: String
        @Nullable public var created: String?
        public var pages: [Int]
        @Nullable public var snippetPage: Int?
    }

    public var query: String
    public var total: Int
    /// Time spent searching, in milliseconds (without starting the program).
    public var tookMs: Double
    public var results: [Result]

    public init(query: String, page: SearchPage, tookMs: Double) {
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

/// An optional that JSON shows as `null` instead of leaving the key out, as the CLI contract's shapes require.
@propertyWrapper
public struct Nullable<Value: Encodable>: Encodable {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

/// The one JSON error shape: `{"error": {"code", "message", "messageAr"}}`.
public struct ErrorJSON: Encodable {
    public struct Body: Encodable {
        public var code: String
        public var message: String
        public var messageAr: String

        public init(_ error: BayyinaError) {
            code = error.code.rawValue
            message = error.message
            messageAr = error.arabicMessage
        }
    }

    public var error: Body

    public init(_ error: BayyinaError) { self.error = Body(error) }
}
