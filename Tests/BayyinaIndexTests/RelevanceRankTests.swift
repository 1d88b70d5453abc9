import BayyinaCore
@testable import BayyinaIndex
import Foundation
import GRDB
import Testing

/// Search ranks with `bayyina_rank`, which must give exactly the score of the schema's FTS5 `rank` (bm25 with the
/// column weights) for every row, whether a row's length comes from the index or from the connection's memory, and
/// after the database changes under that memory.
@Suite struct RelevanceRankTests {
    static let words = ["الخطة", "الوطنية", "للشفافية", "المساءلة", "open", "government", "budget", "وزارة", "التخطيط", "والتعاون", "الدولي"]

    /// An index of 1,200 documents of different lengths and words, so that a common word matches more rows than
    /// a connection reads lengths for.
    static func largeIndex() throws -> TestIndex {
        let index = try TestIndex()
        let changes = (0..<1_200).map { number in
            let body = (0..<(5 + number % 40)).map { words[($0 * 7 + number) % words.count] }.joined(separator: " ")
            return TestIndex.newDocument("تقرير \(number) report", "\(body) \(number)")
        }
        _ = try index.database.apply(changes) { _ in }
        return index
    }

    /// The rows of `query` whose `bayyina_rank` differs from FTS5's `rank` of the same phrases, each written as many
    /// times as it weighs, and the rows it matches (both expressions must match the same rows).
    static func differences(_ query: String, _ db: Database) throws -> (different: Int, matched: Int) {
        let parsed = try SearchQuery(query)
        let writtenOut = parsed.terms.map { term in
            "(" + SearchQuery.forms(of: term).flatMap { form in
                Array(repeating: parsed.render(term, marker: form.marker), count: form.weight)
            }.joined(separator: " OR ") + ")"
        }.joined(separator: " AND ")
        let different = try Int.fetchOne(db, sql: """
            SELECT count(*) FROM
                (SELECT rowid, \(RelevanceRank.rankName)(documents_fts, ?1, ?2) AS mine FROM documents_fts WHERE documents_fts MATCH ?1)
                FULL JOIN (SELECT rowid, rank AS theirs FROM documents_fts WHERE documents_fts MATCH ?3) USING (rowid)
            WHERE mine IS NULL OR theirs IS NULL OR abs(mine - theirs) > 1e-12 * abs(theirs)
            """, arguments: [parsed.expression, parsed.phraseWeights, writtenOut]) ?? -1
        let matched = try Int.fetchOne(db, sql: "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", arguments: [parsed.expression]) ?? 0
        return (different, matched)
    }

    @Test func termsWithoutArabicLettersAskForTheirStemOnceWeighingForTheLightForm() throws {
        let english = try SearchQuery("open \"budget report\" gov*")
        #expect(english.expression.components(separatedBy: " OR ").count == 4)
        #expect(english.phraseWeights == "1 2 1 2 1 2")
        #expect(english.closePhrases == "1 3 5")
        let mixed = try SearchQuery("الخطة open \"open الخطة\"")
        #expect(mixed.phraseWeights == "1 1 1 1 2 1 1 1")
        #expect(mixed.closePhrases == "1 4 6")
    }

    static let queries = ["الخطه", "الوطنيه المساءله", "\"الخطه وزاره\"", "التخط*", "open government", "budgets", "report", "\"open الخطه\"", "gov*"]

    @Test func rankEqualsTheSchemasBm25RankForEveryRowWithLengthsReadOrRemembered() throws {
        let index = try Self.largeIndex()
        let connection = try DatabaseQueue(path: index.path, configuration: IndexDatabase.configuration())
        try connection.read { db in
            for query in Self.queries {
                // The first time a connection reads the lengths part way through; then it remembers them.
                for _ in 0..<2 {
                    let (different, matched) = try Self.differences(query, db)
                    #expect(different == 0, "\(query)")
                    #expect(matched > 0, "\(query) matches")
                }
            }
            #expect(try Self.differences("الخطة", db).matched > 1_000)
        }
    }

    @Test func rankFollowsChangesByItsOwnConnectionAndByOthers() throws {
        let index = try Self.largeIndex()
        let connection = try DatabaseQueue(path: index.path, configuration: IndexDatabase.configuration())
        let before = try connection.read { db in try Self.differences("الخطة", db) }
        #expect(before.different == 0 && before.matched > 1_000)
        // Another connection adds long documents: the average length and every word's frequency change.
        _ = try index.database.apply((0..<300).map { number in
            TestIndex.newDocument("ملحق \(number)", String(repeating: "الخطة budget ", count: 60 + number))
        }) { _ in }
        try connection.read { db in
            for query in Self.queries {
                let different = try Self.differences(query, db).different
                #expect(different == 0, "\(query)")
            }
        }
        // This connection changes texts (as many rows as before, five of them longer).
        try connection.write { db in
            try db.execute(sql: "UPDATE documents SET body = body || ' الخطة الخطة الخطة' WHERE id IN (SELECT id FROM documents ORDER BY id LIMIT 5)")
            for query in Self.queries {
                let different = try Self.differences(query, db).different
                #expect(different == 0, "\(query)")
            }
        }
        try connection.read { db in
            let after = try Self.differences("الخطة", db)
            #expect(after.different == 0 && after.matched > before.matched)
        }
    }

    @Test func closeRowsAreTheRowsWhereEveryTermMatchesItsLightForm() throws {
        let index = try Self.largeIndex()
        try index.add("conjunction", "والخطة بالوطنية")
        try index.add("stems", "الخطة الشفافة")
        try index.database.read { db in
            for query in ["الخطة الشفافية", "خطة", "الوطنيه للشفافية", "open government", "\"open الخطة\""] {
                let parsed = try SearchQuery(query)
                // Each term's light form, or the stem that stands for it (see SearchQuery.forms(of:)).
                let light = parsed.terms.map { term in
                    parsed.render(term, marker: SearchQuery.forms(of: term).first { $0.isLightForm }?.marker)
                }.joined(separator: " AND ")
                let close = "\(RelevanceRank.closeName)(documents_fts, ?3)"
                func count(_ condition: String) throws -> Int {
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1 AND \(condition)",
                                     arguments: [parsed.expression, light, parsed.closePhrases]) ?? -1
                }
                let different = try count("\(close) IS NOT (rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?2))")
                let (closeRows, matched) = (try count("\(close) AND ?2 IS NOT NULL"), try count("?2 || ?3 IS NOT NULL"))
                #expect(different == 0, "\(query)")
                #expect(closeRows > 0, "\(query)")
                if query.hasPrefix("الخطة") { #expect(closeRows < matched, "the stems-only row is not close") }
            }
        }
    }
}
