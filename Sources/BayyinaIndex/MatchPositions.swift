import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `bayyina_match_positions(documents_fts, column, words)`: where the query matches in a
/// column, as word positions, from the match list FTS5 already holds (no text is read). The first number is the
/// first match of the passage ``PassageSnippet`` shows for the same `words`; then comes the first word of every
/// match, in order; all separated by spaces. NULL when the column has no match. With the position where each page
/// begins (`document_pages.first_token`), search names the pages of a match without marking the whole text.
enum MatchPositions {
    static let name = "bayyina_match_positions"

    /// Registers the function on a connection.
    static func register(in db: Database) throws {
        try db.addFTS5Function(name, positions)
    }

    /// Reads a value of the function: the passage's first match and every match.
    static func parse(_ value: String) -> (passage: Int, matches: [Int])? {
        let numbers = value.split(separator: " ").compactMap { Int($0) }
        guard let passage = numbers.first else { return nil }
        return (passage, Array(numbers.dropFirst()))
    }

    private static let positions: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let values, count == 2 else {
            sqlite3_result_error(context, "\(name)(table, column, words) takes a column and a number of words", -1)
            return
        }
        let words = max(1, Int(sqlite3_value_int(values[1])))
        let (matches, code) = PassageSnippet.matches(api, fts, column: sqlite3_value_int(values[0]))
        guard code == SQLITE_OK else {
            sqlite3_result_error_code(context, code)
            return
        }
        let passage = PassageSnippet.passage(of: matches, words: words, phrases: Int(api.xPhraseCount(fts)))
        guard let shown = matches.first(where: { $0.last >= passage.lowerBound }) else {
            sqlite3_result_null(context)
            return
        }
        let text = ([shown.first] + matches.map(\.first)).map(String.init).joined(separator: " ")
        sqlite3_result_text(context, text, -1, unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self))
    }
}
