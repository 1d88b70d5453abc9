import GRDB
import GRDBSQLite

/// `bayyina_restricted(id, 0)`: 1 when document `id` is restricted, else 0. The second argument is a constant that
/// the function hangs its per-statement state on: on the first row of a statement it makes sure its set is current.
///
/// Every public search keeps only public matches. Written as `rowid NOT IN (SELECT id FROM documents WHERE
/// classification = 'restricted')`, each of a query's matches (some 16,500 at 100,000 documents) was a look-up in
/// a temporary b-tree of the restricted ids: with one document in eleven restricted that was a quarter of a search.
/// Here each connection keeps those ids as a bitset (see ``RestrictedSet``) until the database changes, and a match
/// costs one bit.
enum RestrictedDocuments {
    static let name = "bayyina_restricted"

    /// Registers the function on a connection, with a set of its own.
    static func register(in db: Database) throws {
        try db.addSQLFunction(name, arguments: 2, userData: Unmanaged.passRetained(RestrictedSet()).toOpaque(), function: call) { pointer in
            if let pointer { Unmanaged<RestrictedSet>.fromOpaque(pointer).release() }
        }
    }

    private static let call: Database.SQLFunctionCall = { context, _, values in
        guard let values, let pointer = sqlite3_user_data(context) else {
            sqlite3_result_error(context, "\(name)(id, 0) takes a document id", -1)
            return
        }
        let restricted = Unmanaged<RestrictedSet>.fromOpaque(pointer).takeUnretainedValue()
        if sqlite3_get_auxdata(context, 1) == nil {
            let code = restricted.refresh(sqlite3_context_db_handle(context))
            guard code == SQLITE_OK else {
                sqlite3_result_error_code(context, code)
                return
            }
            // A marker, not owned: the set lives as long as the connection.
            sqlite3_set_auxdata(context, 1, pointer, nil)
        }
        sqlite3_result_int(context, restricted.contains(sqlite3_value_int64(values[0])) ? 1 : 0)
    }
}

/// The ids of the restricted documents on one connection, as a bitset, with the database generation they were
/// read at. SQLite runs a connection's statements one at a time, so one thread at a time touches it.
final class RestrictedSet {
    private var generation: ConnectionGeneration?
    private var bits: [UInt64] = []

    /// Reads the ids again when the database changed since they were read (or when its generation cannot be told).
    func refresh(_ db: OpaquePointer?) -> Int32 {
        let now = ConnectionGeneration.current(db)
        if let now, now == generation { return SQLITE_OK }
        generation = nil
        var statement: OpaquePointer?
        var code = sqlite3_prepare_v2(db, "SELECT id FROM documents WHERE classification = 'restricted'", -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        var read: [UInt64] = []
        while code == SQLITE_OK || code == SQLITE_ROW {
            code = sqlite3_step(statement)
            guard code == SQLITE_ROW else { break }
            let id = sqlite3_column_int64(statement, 0)
            guard id >= 0 else { continue }
            let word = Int(id >> 6)
            if word >= read.count { read += [UInt64](repeating: 0, count: word + 1 - read.count) }
            read[word] |= 1 << UInt64(id & 63)
        }
        guard code == SQLITE_DONE else { return code }
        bits = read
        generation = now
        return SQLITE_OK
    }

    func contains(_ id: Int64) -> Bool {
        guard id >= 0, Int(id >> 6) < bits.count else { return false }
        return bits[Int(id >> 6)] & (1 << UInt64(id & 63)) != 0
    }
}
