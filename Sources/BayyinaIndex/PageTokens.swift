import GRDB
import GRDBSQLite

/// Where pages begin in the full-text index: the position of each page's first word in `documents.body`, counted
/// by the `bayyina_arabic` tokenizer as the index counts them (one position per word, whatever its colocated forms).
enum PageTokens {
    /// The position of the first word at or after each of `pageStarts` (UTF-8 offsets into `text`, ascending).
    static func firstTokens(of text: String, pageStarts: [Int], db: Database) throws -> [Int] {
        guard !pageStarts.isEmpty else { return [] }
        let tokenizer = try db.makeTokenizer(FTS5TokenizerDescriptor(components: [ArabicTokenizer.name]))
        var counter = Counter(starts: pageStarts)
        var bytes = text
        let code = bytes.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { characters in
                withUnsafeMutablePointer(to: &counter) { pointer in
                    // Auxiliary tokenization: the normalized word alone, which keeps every position.
                    tokenizer.tokenize(context: pointer, tokenization: .aux, pText: characters.baseAddress, nText: CInt(characters.count)) {
                        context, flags, _, _, start, _ in
                        guard let counter = context?.assumingMemoryBound(to: Counter.self) else { return SQLITE_ERROR }
                        if flags & FTS5_TOKEN_COLOCATED == 0 { counter.pointee.add(wordAt: Int(start)) }
                        return SQLITE_OK
                    }
                }
            }
        }
        guard code == SQLITE_OK else { throw DatabaseError(resultCode: ResultCode(rawValue: code), message: "the page text could not be tokenized") }
        return counter.finished()
    }

    /// Counts the pages stored without a first position: pages stored before migration 0008, or all of them after
    /// the tokenizer changed.
    static func countMissing(_ db: Database) throws {
        let documents = try Int64.fetchAll(db, sql: "SELECT DISTINCT document_id FROM document_pages WHERE first_token IS NULL")
        for document in documents {
            let text = try String.fetchOne(db, sql: "SELECT body FROM documents WHERE id = ?", arguments: [document]) ?? ""
            let pages = try Row.fetchAll(
                db, sql: "SELECT page, start_offset FROM document_pages WHERE document_id = ? ORDER BY start_offset, page", arguments: [document])
            let positions = try firstTokens(of: text, pageStarts: pages.map { $0["start_offset"] }, db: db)
            for (page, position) in zip(pages, positions) {
                try db.execute(
                    sql: "UPDATE document_pages SET first_token = ? WHERE document_id = ? AND page = ?",
                    arguments: [position, document, page["page"]])
            }
        }
    }

    private struct Counter {
        let starts: [Int]
        var firstTokens: [Int] = []
        var words = 0

        mutating func add(wordAt offset: Int) {
            while firstTokens.count < starts.count, starts[firstTokens.count] <= offset { firstTokens.append(words) }
            words += 1
        }

        /// Pages with no word from their start on begin where the text ends.
        mutating func finished() -> [Int] {
            while firstTokens.count < starts.count { firstTokens.append(words) }
            return firstTokens
        }
    }
}
