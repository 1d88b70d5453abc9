import GRDB
import GRDBSQLite

/// The FTS5 auxiliary function `bayyina_snippet(documents_fts, column, words)`: the passage of `words` words of a
/// column that holds the most distinct phrases of the query (then the most matches; the earliest on a tie), each
/// match between U+0002 and U+0003, with "…" where the column goes on before or after it. NULL when the column has
/// no match.
///
/// FTS5's own `snippet()` tokenizes a result's whole text twice, so a page of 300 KB reports took a quarter of a
/// second; this one picks the passage from the match positions FTS5 already holds and tokenizes the text only up to
/// the passage's end.
enum PassageSnippet {
    static let name = "bayyina_snippet"

    /// Registers the function on a connection.
    static func register(in db: Database) throws {
        try db.addFTS5Function(name, snippet)
    }

    /// One match of a phrase: the positions of its first and last words in the column.
    struct Match {
        var first: Int
        var last: Int
        var phrase: Int
    }

    /// The matches of the query in `column`, sorted by their first word, and the status of reading them.
    static func matches(_ api: Fts5ExtensionApi, _ fts: OpaquePointer?, column: Int32) -> (matches: [Match], code: Int32) {
        var matches: [Match] = []
        var instances: Int32 = 0
        var code = api.xInstCount(fts, &instances)
        for index in 0..<(code == SQLITE_OK ? instances : 0) {
            var phrase: Int32 = 0, matchColumn: Int32 = 0, offset: Int32 = 0
            code = api.xInst(fts, index, &phrase, &matchColumn, &offset)
            guard code == SQLITE_OK else { break }
            if matchColumn == column {
                let size = Int(max(1, api.xPhraseSize(fts, phrase)))
                matches.append(Match(first: Int(offset), last: Int(offset) + size - 1, phrase: Int(phrase)))
            }
        }
        matches.sort { $0.first < $1.first }
        return (matches, code)
    }

    /// The positions `[start, end)` of the passage of `words` words with the most distinct phrases among `matches`
    /// (sorted by their first word), then the most matches, with its matches centred.
    static func passage(of matches: [Match], words: Int, phrases: Int) -> Range<Int> {
        var counts = [Int](repeating: 0, count: max(phrases, 1))
        var distinct = 0
        var best = (distinct: -1, matches: 0, from: 0)
        var next = 0
        for from in matches.indices {
            while next < matches.count, next <= from || matches[next].last < matches[from].first + words {
                counts[matches[next].phrase] += 1
                if counts[matches[next].phrase] == 1 { distinct += 1 }
                next += 1
            }
            if (distinct, next - from) > (best.distinct, best.matches) { best = (distinct, next - from, from) }
            counts[matches[from].phrase] -= 1
            if counts[matches[from].phrase] == 0 { distinct -= 1 }
        }
        let chosen = matches[best.from..<best.from + best.matches]
        let first = chosen.first?.first ?? 0
        let last = chosen.map(\.last).max() ?? 0
        let start = max(0, first - max(0, words - (last - first + 1)) / 2)
        return start..<max(start + words, last + 1)
    }

    /// The passage's words as the tokenizer finds them: byte ranges of the words at positions `positions`.
    private struct Reading {
        let positions: Range<Int>
        var position = -1
        var words: [Range<Int>] = []
        var textGoesOn = false
    }

    private static let snippet: fts5_extension_function = { api, fts, context, count, values in
        guard let api = api?.pointee, let values, count == 2 else {
            sqlite3_result_error(context, "\(name)(table, column, words) takes a column and a number of words", -1)
            return
        }
        let column = sqlite3_value_int(values[0])
        let words = max(1, Int(sqlite3_value_int(values[1])))
        var (matches, code) = Self.matches(api, fts, column: column)
        var text: UnsafePointer<CChar>?
        var length: Int32 = 0
        if code == SQLITE_OK, !matches.isEmpty { code = api.xColumnText(fts, column, &text, &length) }
        guard code == SQLITE_OK else {
            sqlite3_result_error_code(context, code)
            return
        }
        guard let text, !matches.isEmpty else {
            sqlite3_result_null(context)
            return
        }
        var reading = Reading(positions: passage(of: matches, words: words, phrases: Int(api.xPhraseCount(fts))))
        code = withUnsafeMutablePointer(to: &reading) { readingPointer in
            api.xTokenize(fts, text, length, UnsafeMutableRawPointer(readingPointer)) { pointer, flags, _, _, start, end in
                guard let reading = pointer?.assumingMemoryBound(to: Reading.self) else { return SQLITE_ERROR }
                if flags & FTS5_TOKEN_COLOCATED != 0 { return SQLITE_OK }
                reading.pointee.position += 1
                if reading.pointee.position >= reading.pointee.positions.upperBound {
                    reading.pointee.textGoesOn = true
                    return SQLITE_DONE
                }
                if reading.pointee.position >= reading.pointee.positions.lowerBound { reading.pointee.words.append(Int(start)..<Int(end)) }
                return SQLITE_OK
            }
        }
        guard code == SQLITE_OK || code == SQLITE_DONE else {
            sqlite3_result_error_code(context, code)
            return
        }
        let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
        let marked = write(reading, matches: matches, bytes: bytes)
        marked.withUnsafeBufferPointer { buffer in
            sqlite3_result_text(context, buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                Int32(buffer.count), unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self))
        }
    }

    /// The passage's text with its matches marked; overlapping matches (a word's forms, nested phrases) share a mark.
    private static func write(_ reading: Reading, matches: [Match], bytes: UnsafeRawBufferPointer) -> [UInt8] {
        guard let firstWord = reading.words.first, let lastWord = reading.words.last else { return [] }
        let shown = reading.positions.lowerBound..<reading.positions.lowerBound + reading.words.count
        var marks: [ClosedRange<Int>] = []
        for match in matches where match.last >= shown.lowerBound && match.first < shown.upperBound {
            let span = max(match.first, shown.lowerBound)...min(match.last, shown.upperBound - 1)
            if let open = marks.last, span.lowerBound <= open.upperBound {
                marks[marks.count - 1] = open.lowerBound...max(open.upperBound, span.upperBound)
            } else {
                marks.append(span)
            }
        }
        var output: [UInt8] = reading.positions.lowerBound > 0 ? Array("…".utf8) : []
        // From the text's start, or to its end, when the passage reaches it: leading and trailing punctuation stay.
        var written = reading.positions.lowerBound > 0 ? firstWord.lowerBound : 0
        func copy(upTo byte: Int) {
            output.append(contentsOf: bytes[written..<byte])
            written = byte
        }
        for mark in marks {
            copy(upTo: reading.words[mark.lowerBound - shown.lowerBound].lowerBound)
            output.append(0x02)
            copy(upTo: reading.words[mark.upperBound - shown.lowerBound].upperBound)
            output.append(0x03)
        }
        if reading.textGoesOn {
            copy(upTo: lastWord.upperBound)
            output.append(contentsOf: "…".utf8)
        } else {
            copy(upTo: bytes.count)
        }
        return output
    }
}

extension Database {
    typealias SQLFunctionCall = @convention(c) (OpaquePointer?, Int32, UnsafeMutablePointer<OpaquePointer?>?) -> Void

    /// Releases an object that was retained for SQLite (a function's user data, a statement's auxiliary data) once
    /// SQLite lets go of it.
    static let releaseRetainedObject: @convention(c) (UnsafeMutableRawPointer?) -> Void = { pointer in
        if let pointer { Unmanaged<AnyObject>.fromOpaque(pointer).release() }
    }

    /// Registers an SQL function through SQLite's C interface: a scalar one with `function`, or an aggregate one with
    /// `step` and `final`. `userData` is its `sqlite3_user_data`, retained until the connection closes.
    func addSQLFunction(
        _ name: String, arguments: Int32, userData: AnyObject, function: SQLFunctionCall? = nil,
        step: SQLFunctionCall? = nil, final: (@convention(c) (OpaquePointer?) -> Void)? = nil
    ) throws {
        let code = sqlite3_create_function_v2(
            sqliteConnection, name, arguments, SQLITE_UTF8, Unmanaged.passRetained(userData).toOpaque(), function, step, final,
            Self.releaseRetainedObject)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "\(name) could not be registered")
        }
    }

    /// Registers an FTS5 auxiliary function on this connection; `userData` is its `xUserData`, retained until the
    /// connection closes.
    func addFTS5Function(_ name: String, _ function: fts5_extension_function, userData: AnyObject? = nil) throws {
        let api = FTS5.api(self)
        let code = api.pointee.xCreateFunction(
            UnsafeMutablePointer(mutating: api), name, userData.map { Unmanaged.passRetained($0).toOpaque() }, function,
            userData == nil ? nil : Self.releaseRetainedObject)
        guard code == SQLITE_OK else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "\(name) could not be registered")
        }
    }
}
