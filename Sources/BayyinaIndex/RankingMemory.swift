import GRDBSQLite

/// What `bayyina_rank` (see ``RelevanceRank``) remembers on one connection between queries, until the database
/// changes: each row's length in tokens, and the inverse document frequencies of recent expressions. SQLite runs
/// a connection's statements one at a time, so one thread at a time touches a connection's memory.
final class RankingMemory {
    /// Expressions remembered at most (some 1.3 MB), past which the memory starts again.
    private static let expressionLimit = 4_096
    /// Row ids past this are not remembered (the array would be too big); their lengths are read from the index.
    private static let rowLimit: Int64 = 1 << 24

    /// The database's generation when the memory began.
    private var generation = GenerationMark()
    private(set) var inverseFrequencies: [String: [Double]] = [:]
    /// Tokens in each row, by rowid (−1 for none); nil until read.
    private var lengths: [Int32]?
    /// Rows `bayyina_rank` scored since `bayyina_ranked_rows()` last read them (see ``RelevanceRank``).
    var rowsRanked = 0

    /// Forgets everything when the database changed since the memory began (by this connection or another).
    func forgetIfChanged(_ db: OpaquePointer?) {
        guard generation.changed(db) else { return }
        inverseFrequencies = [:]
        lengths = nil
    }

    func remember(_ frequencies: [Double], for expression: String) {
        if inverseFrequencies.count >= Self.expressionLimit { inverseFrequencies = [:] }
        inverseFrequencies[expression] = frequencies
    }

    /// The remembered length of row `rowid` in `length`; false when it is not remembered.
    func length(of rowid: Int64, into length: inout Int32) -> Bool {
        guard let lengths, rowid >= 0, rowid < lengths.count, lengths[Int(rowid)] >= 0 else { return false }
        length = lengths[Int(rowid)]
        return true
    }

    /// Reads every row's length from the index's `docsize` table (one SQLite varint per column), unless read
    /// already; on any error the lengths stay unread and come from the index row by row.
    func readLengths(_ db: OpaquePointer?) {
        guard lengths == nil, generation.isKnown else { return }
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(db, "SELECT id, sz FROM documents_fts_docsize ORDER BY id DESC", -1, &statement, nil) == SQLITE_OK else { return }
        defer { sqlite3_finalize(statement) }
        var read: [Int32] = []
        var step = sqlite3_step(statement)
        while step == SQLITE_ROW {
            let id = sqlite3_column_int64(statement, 0)
            guard id >= 0, id < Self.rowLimit else { return }
            if read.isEmpty { read = [Int32](repeating: -1, count: Int(id) + 1) }
            let bytes = UnsafeRawBufferPointer(start: sqlite3_column_blob(statement, 1), count: Int(sqlite3_column_bytes(statement, 1)))
            read[Int(id)] = Self.sumOfVarints(bytes)
            step = sqlite3_step(statement)
        }
        if step == SQLITE_DONE { lengths = read }
    }

    /// The sum of the SQLite varints in `bytes` (big-endian groups of seven bits, the ninth byte whole).
    static func sumOfVarints(_ bytes: UnsafeRawBufferPointer) -> Int32 {
        var sum: Int64 = 0, value: Int64 = 0, length = 0
        for byte in bytes {
            length += 1
            if length == 9 {
                value = value << 8 | Int64(byte)
            } else {
                value = value << 7 | Int64(byte & 0x7F)
                if byte & 0x80 != 0 { continue }
            }
            sum += value
            (value, length) = (0, 0)
        }
        return Int32(clamping: sum)
    }
}
