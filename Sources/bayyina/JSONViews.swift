import BayyinaCore
import BayyinaIndex
import BayyinaIngest

/// `show --json`: a document's metadata, and its text when asked for.
struct DocumentJSON: Encodable {
    var sha256: String
    var title: String
    var titleSource: String
    var author: String?
    var created: String?
    var language: String?
    var pages: Int?
    var mediaType: String
    var size: Int64
    var filenames: [String]
    var folders: [String]
    var classification: String
    var legalBasis: String?
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

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sha256, forKey: .sha256)
        try container.encode(title, forKey: .title)
        try container.encode(titleSource, forKey: .titleSource)
        try container.encode(author, forKey: .author)
        try container.encode(created, forKey: .created)
        try container.encode(language, forKey: .language)
        try container.encode(pages, forKey: .pages)
        try container.encode(mediaType, forKey: .mediaType)
        try container.encode(size, forKey: .size)
        try container.encode(filenames, forKey: .filenames)
        try container.encode(folders, forKey: .folders)
        try container.encode(classification, forKey: .classification)
        try container.encode(legalBasis, forKey: .legalBasis)
        try container.encode(commitments, forKey: .commitments)
        try container.encode(milestones, forKey: .milestones)
        try container.encode(attachments, forKey: .attachments)
        try container.encode(properties, forKey: .properties)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(warningsAr, forKey: .warningsAr)
        try container.encode(warningCodes, forKey: .warningCodes)
        try container.encode(ingestedAt, forKey: .ingestedAt)
        try container.encodeIfPresent(text, forKey: .text)
        try container.encodeIfPresent(pageList, forKey: .pageList)
    }

    enum CodingKeys: String, CodingKey {
        case sha256, title, titleSource, author, created, language, pages, mediaType, size, filenames, folders, classification
        case legalBasis, commitments, milestones, attachments, properties, warnings, warningsAr, warningCodes, ingestedAt, text, pageList
    }
}

/// One page in `show --pages --json`: where its text came from, and the text with `--text`.
struct PageJSON: Encodable {
    var page: Int
    var source: String
    var characters: Int
    var confidence: Double?
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

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(page, forKey: .page)
        try container.encode(source, forKey: .source)
        try container.encode(characters, forKey: .characters)
        try container.encode(confidence, forKey: .confidence)
        try container.encodeIfPresent(text, forKey: .text)
    }

    enum CodingKeys: String, CodingKey { case page, source, characters, confidence, text }
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
        var language: String?
        var mediaType: String
        var created: String?
        var pages: [Int]
        var snippetPage: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sha256, forKey: .sha256)
            try container.encode(title, forKey: .title)
            try container.encode(snippet, forKey: .snippet)
            try container.encode(score, forKey: .score)
            try container.encode(filenames, forKey: .filenames)
            try container.encode(commitments, forKey: .commitments)
            try container.encode(milestones, forKey: .milestones)
            try container.encode(classification, forKey: .classification)
            try container.encode(language, forKey: .language)
            try container.encode(mediaType, forKey: .mediaType)
            try container.encode(created, forKey: .created)
            try container.encode(pages, forKey: .pages)
            try container.encode(snippetPage, forKey: .snippetPage)
        }

        enum CodingKeys: String, CodingKey {
            case sha256, title, snippet, score, filenames, commitments, milestones, classification, language, mediaType, created
            case pages, snippetPage
        }
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
