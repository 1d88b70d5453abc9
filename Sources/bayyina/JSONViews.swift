import BayyinaIngest
import BayyinaListings

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
