import Foundation
import GRDB
import GRDBSQLite

/// The FTS5 auxiliary functions search ranks with.
///
/// `bayyina_rank(documents_fts, expression, weights)` is the score of FTS5's `bm25()` with the column weights of the
/// schema's `rank` setting, each phrase's part multiplied by its weight (the phrases' weights, separated by spaces:
/// a phrase weighing 2 scores as if written twice) (title 4, body 1, alternates 0.5; k1 = 1.2, b = 0.75; negated, so that smaller ranks
/// first), computed for less: at 100,000 documents a query matches some 16,500 rows, and `bm25()` spent two fifths
/// of its time reading each row's length from the index and a tenth counting each phrase's documents before the
/// first row. Here a connection remembers (see ``RankingMemory``) the row lengths, read in one pass once a query
/// has scored enough rows to pay for it, and each expression's inverse document frequencies, both until the
/// database changes; and each phrase's matches in a row are walked with `xPhraseFirst` instead of an array of
/// every match of every phrase sorted by position. `expression` is the MATCH expression: it names the phrases.
///
/// `bayyina_ranked_rows()`: how many rows `bayyina_rank` scored on the connection since this was last called (which
/// starts the count again). Read before and after a statement that scores every match (to sort them), it is the
/// number of matches: search reads its total here instead of running the match a second time to count it.
///
/// `bayyina_close(documents_fts, phrases)`: 1 when every phrase of `phrases` (their numbers, separated by spaces:
/// each term's light form, see ``SearchQuery``) matches in the row: the documents that rank first.
enum RelevanceRank {
    static let rankName = "bayyina_rank"
    static let closeName = "bayyina_close"
    static let rankedRowsName = "bayyina_ranked_rows"
    /// The weights of the title, body and alternates columns, as in the schema's `rank` setting.
    static let columnWeights = [4.0, 1.0, 0.5]

    /// Registers the three functions on a connection, with a memory of its own.
    static func register(in db: Database) throws {
        let memory = RankingMemory()
        try db.addFTS5Function(rankName, rank, userData: memory)
        try db.addFTS5Function(closeName, close)
        try db.addSQLFunction(rankedRowsName, arguments: 0, userData: memory, function: { context, _, _ in
            let memory = sqlite3_user_data(context).map { Unmanaged<RankingMemory>.fromOpaque($0).takeUnretainedValue() }
            sqlite3_result_int64(context, Int64(memory?.rowsRanked ?? 0))
            memory?.rowsRanked = 0
        })
    }

    /// What one query needs for every row it scores.
    private final class QueryStatistics {
        let inverseFrequencies: [Double]
        let weights: [Double]
        let averageLength: Double
        /// The smallest number of scored rows worth reading every row's length for.
        let lengthsWorthReading: Int
        var scored = 0

        init(inverseFrequencies: [Double], weights: [Double], averageLength: Double, rows: Int64) {
            self.inverseFrequencies = inverseFrequencies
            self.weights = weights
            self.averageLength = averageLength
            // A length looked up alone costs some sixteen times its share of one pass over every row's length (at
            // 100,000 rows about 1.7 µs against under 0.1): the pass pays once a query has scored a sixteenth of them.
            lengthsWorthReading = max(1_000, Int(rows / 16))
        }
    }

    private static let rank: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let values, count == 2, let expression = sqlite3_value_text(values[0]),
              let weights = sqlite3_value_text(values[1]),
              let memory = api.xUserData(fts).map({ Unmanaged<RankingMemory>.fromOpaque($0).takeUnretainedValue() }) else {
            sqlite3_result_error(context, "\(rankName)(table, expression, weights) takes the MATCH expression and its phrases' weights", -1)
            return
        }
        var code = SQLITE_OK
        let statistics: QueryStatistics
        if let stored = api.xGetAuxdata(fts, 0) {
            statistics = Unmanaged<QueryStatistics>.fromOpaque(stored).takeUnretainedValue()
        } else {
            memory.forgetIfChanged(sqlite3_context_db_handle(context))
            let computed: QueryStatistics?
            (computed, code) = queryStatistics(
                api, fts, expression: String(cString: expression), weights: numbers(String(cString: weights)), memory: memory)
            if let computed {
                code = api.xSetAuxdata(fts, Unmanaged.passRetained(computed).toOpaque(), Database.releaseRetainedObject)
            }
            guard let computed, code == SQLITE_OK else {
                sqlite3_result_error_code(context, code)
                return
            }
            statistics = computed
        }
        statistics.scored += 1
        memory.rowsRanked += 1
        if statistics.scored == statistics.lengthsWorthReading { memory.readLengths(sqlite3_context_db_handle(context)) }
        var length: Int32 = 0
        if !memory.length(of: api.xRowid(fts), into: &length) { code = api.xColumnSize(fts, -1, &length) }
        let (k1, b) = (1.2, 0.75)
        let lengthNorm = k1 * (1 - b + b * Double(length) / statistics.averageLength)
        // Each phrase's matches in the row, weighed by column, summed into the score at once: the class's
        // properties are read once, not once a phrase (each access of a stored array checked exclusivity).
        let (inverseFrequencies, phraseWeights, columns) = (statistics.inverseFrequencies, statistics.weights, columnWeights)
        var score = 0.0
        for phrase in inverseFrequencies.indices where code == SQLITE_OK {
            var frequency = 0.0
            var iterator = Fts5PhraseIter()
            var column: Int32 = 0, offset: Int32 = 0
            code = api.xPhraseFirst(fts, Int32(phrase), &iterator, &column, &offset)
            while code == SQLITE_OK, column >= 0 {
                frequency += Int(column) < columns.count ? columns[Int(column)] : 1.0
                api.xPhraseNext(fts, &iterator, &column, &offset)
            }
            score += phraseWeights[phrase] * inverseFrequencies[phrase] * ((frequency * (k1 + 1.0)) / (frequency + lengthNorm))
        }
        guard code == SQLITE_OK else {
            sqlite3_result_error_code(context, code)
            return
        }
        sqlite3_result_double(context, -1.0 * score)
    }

    /// Each phrase's inverse document frequency, `log((N − n + 0.5) / (n + 0.5))` and at least 1e-6 (as `bm25()`
    /// has it), remembered by expression; and the average number of tokens in a row.
    private static func queryStatistics(
        _ api: Fts5ExtensionApi, _ fts: OpaquePointer?, expression: String, weights: [Double], memory: RankingMemory
    ) -> (QueryStatistics?, Int32) {
        var rows: Int64 = 0, tokens: Int64 = 0
        var code = api.xRowCount(fts, &rows)
        if code == SQLITE_OK { code = api.xColumnTotalSize(fts, -1, &tokens) }
        var inverseFrequencies = memory.inverseFrequencies[expression] ?? []
        if inverseFrequencies.count != Int(api.xPhraseCount(fts)) {
            inverseFrequencies = []
            for phrase in 0..<api.xPhraseCount(fts) where code == SQLITE_OK {
                var hits: Int64 = 0
                code = api.xQueryPhrase(fts, phrase, &hits) { _, _, counter in
                    counter?.assumingMemoryBound(to: Int64.self).pointee += 1
                    return SQLITE_OK
                }
                let inverse = log((Double(rows) - Double(hits) + 0.5) / (Double(hits) + 0.5))
                inverseFrequencies.append(inverse > 0 ? inverse : 1e-6)
            }
            if code == SQLITE_OK { memory.remember(inverseFrequencies, for: expression) }
        }
        guard code == SQLITE_OK, rows > 0, weights.count == Int(api.xPhraseCount(fts)) else {
            return (nil, code == SQLITE_OK ? SQLITE_ERROR : code)
        }
        let averageLength = Double(tokens) / Double(rows)
        return (QueryStatistics(inverseFrequencies: inverseFrequencies, weights: weights, averageLength: averageLength, rows: rows), code)
    }

    private static let close: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let values, count == 1 else {
            sqlite3_result_error(context, "\(closeName)(table, phrases) takes the numbers of the phrases to find", -1)
            return
        }
        let phrases: ClosePhrases
        if let stored = api.xGetAuxdata(fts, 0) {
            phrases = Unmanaged<ClosePhrases>.fromOpaque(stored).takeUnretainedValue()
        } else {
            let count = Int(api.xPhraseCount(fts))
            let parsed = ClosePhrases(numbers(sqlite3_value_text(values[0]).map { String(cString: $0) } ?? "").compactMap { Int32(exactly: $0) })
            guard parsed.numbers.allSatisfy({ $0 >= 0 && Int($0) < count }) else {
                sqlite3_result_error(context, "\(closeName): a phrase number is out of range", -1)
                return
            }
            let code = api.xSetAuxdata(fts, Unmanaged.passRetained(parsed).toOpaque(), Database.releaseRetainedObject)
            guard code == SQLITE_OK else {
                sqlite3_result_error_code(context, code)
                return
            }
            phrases = parsed
        }
        var matched = true
        for phrase in phrases.numbers {
            var iterator = Fts5PhraseIter()
            var column: Int32 = -1, offset: Int32 = 0
            let code = api.xPhraseFirst(fts, phrase, &iterator, &column, &offset)
            guard code == SQLITE_OK else {
                sqlite3_result_error_code(context, code)
                return
            }
            if column < 0 {
                matched = false
                break
            }
        }
        sqlite3_result_int(context, matched ? 1 : 0)
    }

    /// The phrases `bayyina_close` looks for, parsed once a statement.
    private final class ClosePhrases {
        let numbers: [Int32]
        init(_ numbers: [Int32]) { self.numbers = numbers }
    }

    /// The numbers in a list separated by spaces; what is not a number is left out.
    private static func numbers(_ list: String) -> [Double] {
        list.split(separator: " ").compactMap { Double($0) }
    }
}
