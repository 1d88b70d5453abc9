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

/// The generation at which a connection's memory of the database was taken: what `bayyina_rank`, `bayyina_facets`
/// and `bayyina_in_set` remember holds until it changes.
struct GenerationMark {
    private var generation: ConnectionGeneration?

    /// Whether the generation can be told; when it cannot, nothing may be remembered.
    var isKnown: Bool { generation != nil }

    /// Whether the database changed since the last call, or its generation cannot be told: then what was remembered
    /// must be forgotten. Marks the generation now.
    mutating func changed(_ db: OpaquePointer?) -> Bool {
        let now = ConnectionGeneration.current(db)
        defer { generation = now }
        return now == nil || now != generation
    }
}
