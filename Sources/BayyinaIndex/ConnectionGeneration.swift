import GRDBSQLite

/// The state of the database a connection sees: the file's data version (which other connections' commits change)
/// and the connection's own count of changes. What a connection remembers from the database holds while this stays
/// the same.
struct ConnectionGeneration: Equatable {
    let data: UInt32
    let changes: Int64

    /// The connection's generation now; nil when the data version cannot be read (then nothing may be remembered).
    static func current(_ db: OpaquePointer?) -> ConnectionGeneration? {
        var version: UInt32 = 0
        guard sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, &version) == SQLITE_OK else { return nil }
        return ConnectionGeneration(data: version, changes: sqlite3_total_changes64(db))
    }
}
