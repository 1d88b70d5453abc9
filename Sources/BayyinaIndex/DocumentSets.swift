import GRDB
import GRDBSQLite

/// `bayyina_in_set(id, kind, value)`: 1 when document `id` belongs to the set `kind` names, else 0. The sets: the
/// restricted documents (`'restricted'`, value `''`), and the documents linked to a commitment (`'commitment'`,
/// `'C2'`), to a milestone (`'milestone'`, `'C2.M1'`) or to a commitment that an agency leads (`'agency'`, its
/// Arabic or English name). `kind` and `value` must be the same on every row of a statement (literals or bound
/// parameters): the set is looked up once per statement and hung on them.
///
/// Search and facets keep a query's matches (some 16,500 at 100,000 documents) by audience and links. Written as
/// `rowid IN (SELECT …)`, each statement first built a temporary b-tree of the set's ids, then looked each match up
/// in it: a quarter of a public search, and a filter on a commitment (a sixth of the documents) cost more than the
/// search itself. Here each connection keeps its sets as bitsets (see ``DocumentSetCache``) until the database
/// changes, and a match costs one bit.
enum DocumentSets {
    static let name = "bayyina_in_set"

    /// The sets, with the statement that reads each one's ids (`?1` is the value).
    enum Kind: String {
        case restricted, commitment, milestone, agency

        var sql: String {
            switch self {
            case .restricted: "SELECT id FROM documents WHERE classification = 'restricted'"
            case .commitment: "SELECT document_id FROM document_commitments WHERE commitment_id = ?1"
            case .milestone: "SELECT document_id FROM document_milestones WHERE milestone_id = ?1"
            case .agency:
                """
                SELECT l.document_id FROM document_commitments l JOIN commitments c ON c.id = l.commitment_id
                WHERE c.lead_agency_ar = ?1 OR c.lead_agency_en = ?1
                """
            }
        }
    }

    /// The SQL condition that `id` is in the set (`member`) or not; the value is a bound parameter, if the kind has one.
    static func condition(_ id: String, in kind: Kind, member: Bool = true) -> String {
        "\(name)(\(id), '\(kind.rawValue)', \(kind == .restricted ? "''" : "?")) = \(member ? 1 : 0)"
    }

    /// Registers the function on a connection, with a cache of its own.
    static func register(in db: Database) throws {
        try db.addSQLFunction(name, arguments: 3, userData: DocumentSetCache(), function: call)
    }

    private static let call: Database.SQLFunctionCall = { context, _, values in
        guard let values, let cache = sqlite3_user_data(context).map({ Unmanaged<DocumentSetCache>.fromOpaque($0).takeUnretainedValue() }) else {
            sqlite3_result_error(context, "\(name)(id, kind, value) takes a document id and a set", -1)
            return
        }
        let set: DocumentBits
        if let hung = sqlite3_get_auxdata(context, 2) {
            set = Unmanaged<DocumentBits>.fromOpaque(hung).takeUnretainedValue()
        } else {
            guard let kindText = sqlite3_value_text(values[1]), let kind = Kind(rawValue: String(cString: kindText)) else {
                sqlite3_result_error(context, "\(name): the kind of set is one of restricted, commitment, milestone, agency", -1)
                return
            }
            let value = sqlite3_value_text(values[2]).map { String(cString: $0) } ?? ""
            let (found, code) = cache.set(kind, value, db: sqlite3_context_db_handle(context))
            guard let found else {
                sqlite3_result_error_code(context, code)
                return
            }
            set = found
            sqlite3_set_auxdata(context, 2, Unmanaged.passRetained(found).toOpaque(), Database.releaseRetainedObject)
        }
        sqlite3_result_int(context, set.contains(sqlite3_value_int64(values[0])) ? 1 : 0)
    }
}

/// A set of document ids as bits.
final class DocumentBits {
    private let words: [UInt64]

    init(_ ids: [Int64]) {
        var words = [UInt64](repeating: 0, count: Int((ids.max() ?? -1) >> 6) + 1)
        for id in ids where id >= 0 { words[Int(id >> 6)] |= 1 << UInt64(id & 63) }
        self.words = words
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0, Int(id >> 6) < words.count else { return false }
        return words[Int(id >> 6)] & (1 << UInt64(id & 63)) != 0
    }
}

/// The sets one connection has read, with the database generation they were read at; all are read again once it
/// changes. SQLite runs a connection's statements one at a time, so one thread at a time touches the cache.
final class DocumentSetCache {
    /// Sets kept at most (the plan's commitments and milestones, a few agencies), past which the cache starts again.
    private static let limit = 256
    private var generation = GenerationMark()
    private var sets: [String: DocumentBits] = [:]

    /// The set, read now unless it was read since the database last changed; nil and the error code when it cannot be read.
    func set(_ kind: DocumentSets.Kind, _ value: String, db: OpaquePointer?) -> (DocumentBits?, Int32) {
        if generation.changed(db) || sets.count >= Self.limit { sets = [:] }
        let key = "\(kind.rawValue)\u{1}\(value)"
        if let known = sets[key] { return (known, SQLITE_OK) }
        var statement: OpaquePointer?
        var code = sqlite3_prepare_v2(db, kind.sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        if code == SQLITE_OK, kind != .restricted {
            code = sqlite3_bind_text(statement, 1, value, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
        }
        var ids: [Int64] = []
        while code == SQLITE_OK || code == SQLITE_ROW {
            code = sqlite3_step(statement)
            if code == SQLITE_ROW { ids.append(sqlite3_column_int64(statement, 0)) }
        }
        guard code == SQLITE_DONE else { return (nil, code) }
        let set = DocumentBits(ids)
        if generation.isKnown { sets[key] = set }
        return (set, SQLITE_OK)
    }
}
