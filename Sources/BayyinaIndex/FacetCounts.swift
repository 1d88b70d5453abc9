import Foundation
import GRDB
import GRDBSQLite

/// `bayyina_facets(id)`: an aggregate that counts the documents it is given by every value of every facet (media
/// type, language, year, commitment, milestone, lead agency) and returns the counts as JSON text,
/// `{"type": {"application/pdf": 3}, "year": {"2024": 2}, …}`.
///
/// Facets used to join each match to its documents row and its links in SQL: at 100,000 documents a query matches
/// some 16,500, and those lookups were most of a facets call (p50 45 ms, p99 216 ms). Here each connection
/// remembers every document's facet values (see ``FacetTable``) until the database changes, and a match costs a few
/// array reads. One statement at a time may use the aggregate on a connection, as SQLite runs them.
enum FacetCounts {
    static let name = "bayyina_facets"

    /// Registers the aggregate on a connection, with a memory of its own.
    static func register(in db: Database) throws {
        try db.addSQLFunction(name, arguments: 1, userData: FacetMemory(), step: step, final: final)
    }

    private static func memory(_ context: OpaquePointer?) -> FacetMemory? {
        sqlite3_user_data(context).map { Unmanaged<FacetMemory>.fromOpaque($0).takeUnretainedValue() }
    }

    private static let step: Database.SQLFunctionCall = { context, _, values in
        guard let memory = memory(context), let values,
              let started = sqlite3_aggregate_context(context, 1)?.assumingMemoryBound(to: UInt8.self) else {
            sqlite3_result_error_nomem(context)
            return
        }
        if started.pointee == 0 {
            let code = memory.startCounting(sqlite3_context_db_handle(context))
            guard code == SQLITE_OK else {
                sqlite3_result_error_code(context, code)
                return
            }
            started.pointee = 1
        }
        memory.count(sqlite3_value_int64(values[0]))
    }

    private static let final: @convention(c) (OpaquePointer?) -> Void = { context in
        let started = sqlite3_aggregate_context(context, 0) != nil
        let counts = started ? memory(context)?.counts() ?? [:] : [:]
        guard let data = try? JSONSerialization.data(withJSONObject: counts, options: [.sortedKeys]) else {
            sqlite3_result_error(context, "\(name): the counts could not be written", -1)
            return
        }
        let text = String(decoding: data, as: UTF8.self)
        sqlite3_result_text(context, text, -1, unsafeBitCast(-1, to: sqlite3_destructor_type.self))
    }
}

/// Every document's facet values on one connection: `values` names each (facet, value) pair once, and a document's
/// pairs are `entries[starts[id]..<starts[id + 1]]`.
struct FacetTable {
    var values: [(facet: String, value: String)] = []
    var starts: [Int32] = [0]
    var entries: [Int32] = []

    /// The facet values of every document, read from the covering index of its short columns and from its links;
    /// a document linked to two commitments of one agency counts once for that agency.
    static func read(_ db: OpaquePointer?) -> (FacetTable?, Int32) {
        let sources: [(sql: String, facets: [String])] = [
            ("SELECT id, media_type, language, year FROM documents INDEXED BY documents_search_columns", ["type", "language", "year"]),
            ("SELECT document_id, commitment_id FROM document_commitments", ["commitment"]),
            ("SELECT document_id, milestone_id FROM document_milestones", ["milestone"]),
            ("""
             SELECT DISTINCT l.document_id, coalesce(c.lead_agency_ar, c.lead_agency_en)
             FROM document_commitments l JOIN commitments c ON c.id = l.commitment_id
             """, ["agency"]),
        ]
        var table = FacetTable()
        var numbers: [String: [String: Int32]] = [:]
        var pairs: [(id: Int, value: Int32)] = []
        for source in sources {
            var statement: OpaquePointer?
            guard sqlite3_prepare_v2(db, source.sql, -1, &statement, nil) == SQLITE_OK else { return (nil, sqlite3_errcode(db)) }
            defer { sqlite3_finalize(statement) }
            var code = sqlite3_step(statement)
            while code == SQLITE_ROW {
                let id = Int(sqlite3_column_int64(statement, 0))
                for (column, facet) in source.facets.enumerated() {
                    guard id >= 0, let text = sqlite3_column_text(statement, Int32(column + 1)) else { continue }
                    let value = String(cString: text)
                    if let number = numbers[facet]?[value] {
                        pairs.append((id, number))
                    } else {
                        let number = Int32(table.values.count)
                        table.values.append((facet, value))
                        numbers[facet, default: [:]][value] = number
                        pairs.append((id, number))
                    }
                }
                code = sqlite3_step(statement)
            }
            guard code == SQLITE_DONE else { return (nil, code) }
        }
        // Grouped by document in two passes over the pairs (a counting sort).
        let rows = (pairs.map(\.id).max() ?? -1) + 1
        var starts = [Int32](repeating: 0, count: rows + 1)
        for pair in pairs { starts[pair.id + 1] += 1 }
        for row in 0..<rows { starts[row + 1] += starts[row] }
        var next = starts
        table.entries = [Int32](repeating: 0, count: pairs.count)
        for pair in pairs {
            table.entries[Int(next[pair.id])] = pair.value
            next[pair.id] += 1
        }
        table.starts = starts
        return (table, SQLITE_OK)
    }
}

/// What `bayyina_facets` remembers on one connection: the facet table until the database changes, and the counts
/// of the statement running it.
final class FacetMemory {
    private var generation = GenerationMark()
    private var table: FacetTable?
    private var tally: [Int] = []

    /// Reads the table again if the database changed since it was read, and starts the counts at zero.
    func startCounting(_ db: OpaquePointer?) -> Int32 {
        if generation.changed(db) || table == nil {
            let (read, code) = FacetTable.read(db)
            table = read
            guard read != nil else { return code }
        }
        tally = [Int](repeating: 0, count: table?.values.count ?? 0)
        return SQLITE_OK
    }

    /// Counts one document once for each of its values.
    func count(_ id: Int64) {
        guard let table, id >= 0, id < table.starts.count - 1 else { return }
        let (start, end) = (Int(table.starts[Int(id)]), Int(table.starts[Int(id) + 1]))
        for entry in table.entries[start..<end] { tally[Int(entry)] += 1 }
    }

    /// The counts so far, by facet and value (values counted zero times left out).
    func counts() -> [String: [String: Int]] {
        guard let table else { return [:] }
        var counts: [String: [String: Int]] = [:]
        for (number, count) in tally.enumerated() where count > 0 {
            let (facet, value) = table.values[number]
            counts[facet, default: [:]][value] = count
        }
        return counts
    }
}
