public import BayyinaIngest
public import BayyinaListings

/// One line of `ingest --json`.
public struct IngestLineJSON: Encodable {
    public var path: String
    public var status: String
    @Nullable public var sha256: String?
    @Nullable public var title: String?
    public var size: Int64
    public var error: ErrorJSON.Body?
    public var warnings: [String]
    public var warningsAr: [String]
    public var warningCodes: [String]

    public init(_ outcome: IngestOutcome) {
        path = outcome.path
        status = outcome.status.rawValue
        sha256 = outcome.sha256?.hex
        title = outcome.title
        size = outcome.size
        error = outcome.error.map(ErrorJSON.Body.init)
        warnings = outcome.warnings.map(\.english)
        warningsAr = outcome.warnings.map(\.arabic)
        warningCodes = outcome.warnings.map(\.code)
    }
}
