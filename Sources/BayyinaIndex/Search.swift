public import BayyinaCore
import Foundation
import GRDB

/// How results are ordered.
public enum SearchSort: String, Sendable, CaseIterable {
    /// Best match first (close matches, then bm25).
    case relevance
    /// Newest document first (creation date, else ingestion date).
    case newest
}

/// A search with its filters; the audience decides whether restricted documents exist at all.
public struct SearchRequest: Sendable {
    public var query: SearchQuery
    public var audience: Audience
    public var commitment: CommitmentID?
    public var milestone: MilestoneID?
    public var classification: Classification?
    public var language: DocumentLanguage?
    public var mediaType: String?
    public var year: Int?
    /// Only documents linked to a commitment this agency leads (its Arabic or English name).
    public var agency: String?
    public var limit: Int
    public var offset: Int
    public var sort: SearchSort
    /// One result per version group (a DOCX, its PDF and a scan of the print): the best-ranked member.
    public var collapseVersions: Bool

    public init(
        query: SearchQuery, audience: Audience, commitment: CommitmentID? = nil, milestone: MilestoneID? = nil,
        classification: Classification? = nil, language: DocumentLanguage? = nil, mediaType: String? = nil,
        year: Int? = nil, agency: String? = nil, limit: Int = 20, offset: Int = 0, sort: SearchSort = .relevance,
        collapseVersions: Bool = false
    ) {
        self.sort = sort
        self.collapseVersions = collapseVersions
        self.agency = agency
        self.query = query
        self.audience = audience
        self.commitment = commitment
        self.milestone = milestone
        self.classification = classification
        self.language = language
        self.mediaType = mediaType
        self.year = year
        self.limit = limit
        self.offset = offset
    }
}

/// A snippet of a document's text as written, with the matched words marked.
public struct Snippet: Sendable, Hashable {
    /// Start and end of highlights inside ``raw``.
    public static let highlightStart: Character = "\u{02}"
    public static let highlightEnd: Character = "\u{03}"
    public let raw: String

    /// The text without highlight marks.
    public var plain: String { Self.rewritingMarks(of: raw, start: "", end: "") }

    /// The text with highlights written as the given marks (escape the text first when the marks are markup).
    public func marked(start: String, end: String, escaping escape: (String) -> String = { $0 }) -> String {
        Self.rewritingMarks(of: escape(raw), start: start, end: end)
    }

    /// The text with each highlight mark replaced, in one pass over its UTF-8 (Foundation's
    /// `replacingOccurrences` was 4% of the search API's time).
    private static func rewritingMarks(of text: String, start: String, end: String) -> String {
        let bytes = text.utf8
        let (startByte, endByte) = (highlightStart.asciiValue ?? 0x02, highlightEnd.asciiValue ?? 0x03)
        guard bytes.contains(where: { $0 == startByte || $0 == endByte }) else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8 * max(start.utf8.count, end.utf8.count))
        for byte in bytes {
            switch byte {
            case startByte: output.append(contentsOf: start.utf8)
            case endByte: output.append(contentsOf: end.utf8)
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}

public struct SearchHit: Sendable {
    public var document: Document
    public var snippet: Snippet
    /// Higher is better (bm25, sign flipped).
    public var score: Double
    /// The pages the query matches on, for documents with pages (PDFs, scans).
    public var pages: [Int] = []
    /// The page the snippet comes from.
    public var snippetPage: Int?
}

public struct SearchPage: Sendable {
    public var total: Int
    public var hits: [SearchHit]

    public init(total: Int, hits: [SearchHit]) {
        self.total = total
        self.hits = hits
    }
}

/// How many matching documents fall in each value of a filter.
public struct SearchFacets: Sendable, Equatable {
    public var commitments: [(value: String, count: Int)] = []
    public var milestones: [(value: String, count: Int)] = []
    public var mediaTypes: [(value: String, count: Int)] = []
    public var languages: [(value: String, count: Int)] = []
    public var years: [(value: String, count: Int)] = []
    /// Lead agencies (Arabic names, else English) of the commitments the documents are linked to.
    public var agencies: [(value: String, count: Int)] = []

    public init(
        commitments: [(value: String, count: Int)] = [], milestones: [(value: String, count: Int)] = [],
        mediaTypes: [(value: String, count: Int)] = [], languages: [(value: String, count: Int)] = [],
        years: [(value: String, count: Int)] = [], agencies: [(value: String, count: Int)] = []
    ) {
        self.agencies = agencies
        self.commitments = commitments
        self.milestones = milestones
        self.mediaTypes = mediaTypes
        self.languages = languages
        self.years = years
    }

    public static func == (lhs: SearchFacets, rhs: SearchFacets) -> Bool {
        func flat(_ facets: SearchFacets) -> [[String]] {
            [facets.commitments, facets.milestones, facets.mediaTypes, facets.languages, facets.years, facets.agencies].map { $0.map { "\($0.value)=\($0.count)" } }
        }
        return flat(lhs) == flat(rhs)
    }
}

extension IndexDatabase {
    /// A page of results of `request`, ranked on every core when no other search is running (see ``RankingParts``).
    public func search(_ request: SearchRequest) throws(BayyinaError) -> SearchPage {
        let running = RankingParts.running.add(1, ordering: .relaxed).newValue
        defer { RankingParts.running.subtract(1, ordering: .relaxed) }
        return try search(request, parts: running == 1 ? RankingParts.cores : 1)
    }

    /// A page of results of `request`, ranked in up to `parts` ranges of rowids at once when the documents span
    /// at least `minimumSpan` ids.
    func search(_ request: SearchRequest, parts: Int, minimumSpan: Int64 = RankingParts.minimumSpan) throws(BayyinaError) -> SearchPage {
        do {
            let ranges = parts > 1 && RankingParts.canSplit(request)
                ? try pool.read { db in try RankingParts.ranges(parts, minimumSpan: minimumSpan, db: db) }
                : []
            guard ranges.count > 1 else {
                return try pool.read { db in try Self.page(of: Self.rank(request, within: nil, db: db), request, db: db) }
            }
            let ranking = try rankInParts(request, ranges)
            return try pool.read { db in try Self.page(of: ranking, request, db: db) }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_ERROR {
            throw BayyinaError(.invalidQuery, "The query cannot be searched: \(error.message ?? "syntax error"). Use words, \"phrases\" and prefix*.")
        } catch {
            throw Self.wrap(error)
        }
    }

    /// The matches of `request`'s page, among the rowids `within` (all when nil), in order, and their total.
    static func rank(_ request: SearchRequest, within rowids: ClosedRange<Int64>?, db: Database) throws -> Ranking {
        let lean = isLean(request)
        var (filterConditions, filterValues) = filters(request, lean: lean)
        if let rowids {
            filterConditions.append("documents_fts.rowid BETWEEN ? AND ?")
            filterValues += [rowids.lowerBound, rowids.upperBound]
        }
        let conditions = ["documents_fts MATCH ?"] + filterConditions
        let versions = request.collapseVersions ? "LEFT JOIN document_fingerprints f ON f.document_id = d.id" : ""
        let joined = lean ? "" : "CROSS JOIN \(documentColumns) ON d.id = documents_fts.rowid \(versions)"
        let from = "FROM documents_fts \(joined) WHERE \(conditions.joined(separator: " AND "))"
        let query = request.query
        let counted = request.collapseVersions ? "count(DISTINCT coalesce(f.version_group, -d.id))" : "count(*)"
        let order = request.sort == .newest ? "newest DESC, score" : "close DESC, score"
        // With versions collapsed, each group keeps the member that ranks first.
        let kept = request.collapseVersions
            ? "SELECT id, score, close, newest FROM (SELECT *, row_number() OVER (PARTITION BY grp ORDER BY \(order)) AS nth FROM hits) WHERE nth = 1"
            : "SELECT id, score, close, newest FROM hits"
        let paging: [(any DatabaseValueConvertible)?] = [max(0, request.limit), max(0, request.offset)]
        let expression = query.expression
        let pageArguments = StatementArguments([expression, query.phraseWeights, query.closePhrases, expression] + filterValues + paging)
        let rank = "\(RelevanceRank.rankName)(documents_fts, ?, ?)"
        let tier = "\(RelevanceRank.closeName)(documents_fts, ?)"
        let group = request.collapseVersions ? "coalesce(f.version_group, -d.id)" : "documents_fts.rowid"
        let newest = lean ? "NULL" : "coalesce(d.created, d.ingested_at)"
        let countRankedRows = "SELECT \(RelevanceRank.rankedRowsName)()"
        _ = try Int.fetchOne(db, sql: countRankedRows)
        let ranked = try Row.fetchAll(
            db, sql: """
                WITH hits AS (
                    SELECT documents_fts.rowid AS id, \(rank) AS score, \(tier) AS close, \(newest) AS newest,
                        \(group) AS grp \(from))
                \(kept) ORDER BY \(order), id LIMIT ? OFFSET ?
                """,
            arguments: pageArguments)
        // Sorting scored every match that the filters kept: their number is the total, unless versions are
        // collapsed (groups count, not documents).
        let total = try request.collapseVersions
            ? Int.fetchOne(db, sql: "SELECT \(counted) \(from)", arguments: StatementArguments([query.countingExpression] + filterValues)) ?? 0
            : Int.fetchOne(db, sql: countRankedRows) ?? 0
        return Ranking(matches: ranked.map { RankedMatch(id: $0["id"], score: $0["score"], close: $0["close"]) }, total: total)
    }

    /// The page of results of a ranking: each match's document, snippet and pages. A ranking in parts read the
    /// database in transactions of its own, so a document restricted since is left out of a public page here.
    static func page(of ranking: Ranking, _ request: SearchRequest, db: Database) throws -> SearchPage {
        let ids = ranking.matches.map(\.id)
        let list = ids.map(String.init).joined(separator: ",")
        let rows = try Row.fetchAll(db, sql: "SELECT \(metadataColumns) FROM documents WHERE id IN (\(list))")
        let documents = Dictionary(uniqueKeysWithValues: zip(rows.map { $0["id"] as Int64 }, try Self.documents(from: rows, db: db)))
        let pageStarts = try pageStarts(ids: ids, db: db)
        let (snippets, positions) = try snippets(ids: ids, paged: Array(pageStarts.keys), query: request.query, db: db)
        let locations = matchLocations(positions, pageStarts: pageStarts)
        let hits = ranking.matches.compactMap { match -> SearchHit? in
            guard let document = documents[match.id], request.audience != .public || document.classification == .public else { return nil }
            return SearchHit(
                document: document, snippet: snippets[match.id] ?? Snippet(raw: ""), score: -match.score,
                pages: locations[match.id]?.pages ?? [], snippetPage: locations[match.id]?.snippetPage)
        }
        return SearchPage(total: ranking.total, hits: hits)
    }

    /// Where each page of the results that have pages begins in the index, in order.
    private static func pageStarts(ids: [Int64], db: Database) throws -> [Int64: [(page: Int, firstToken: Int)]] {
        guard !ids.isEmpty else { return [:] }
        var starts: [Int64: [(page: Int, firstToken: Int)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT document_id, page, first_token FROM document_pages
            WHERE document_id IN (\(ids.map(String.init).joined(separator: ","))) AND first_token IS NOT NULL ORDER BY first_token, page
            """) {
            starts[row["document_id"], default: []].append((row["page"], row["first_token"]))
        }
        return starts
    }

    /// The pages on which the query matches, and the page of the snippet's first match, for the results that have
    /// pages: the match positions looked up among the positions where the pages begin.
    private static func matchLocations(
        _ positions: [Int64: (passage: Int, matches: [Int])], pageStarts starts: [Int64: [(page: Int, firstToken: Int)]]
    ) -> [Int64: (pages: [Int], snippetPage: Int?)] {
        var locations: [Int64: (pages: [Int], snippetPage: Int?)] = [:]
        for (id, pages) in starts {
            guard let found = positions[id] else { continue }
            // The last page that begins at or before the position (an empty page begins where the next one does).
            func page(at position: Int) -> Int? {
                var low = 0, high = pages.count
                while low < high {
                    let middle = (low + high) / 2
                    if pages[middle].firstToken <= position { low = middle + 1 } else { high = middle }
                }
                return low > 0 ? pages[low - 1].page : nil
            }
            let matched = Set(found.matches.compactMap(page(at:)))
            locations[id] = (matched.sorted(), page(at: found.passage) ?? matched.min())
        }
        return locations
    }

    /// Whether a request's audience and filters can all be checked on the full-text rowid (against the connection's
    /// sets of documents), so that ranking never reads a documents row per hit: at 100,000 documents a query matches
    /// some 16,000, and one row read each was most of its time.
    static func isLean(_ request: SearchRequest) -> Bool {
        request.sort == .relevance && !request.collapseVersions && !filtersOnDocumentColumns(request)
    }

    /// Whether a request filters on the documents' own columns (language, media type, year), which only a join to
    /// them can check.
    static func filtersOnDocumentColumns(_ request: SearchRequest) -> Bool {
        request.language != nil || request.mediaType != nil || request.year != nil
    }

    /// The audience and filter conditions of a request and their values: on `documents d` joined to the matches,
    /// or, when `lean`, on `documents_fts.rowid` alone. Statements join `documents_fts CROSS JOIN documents` so that
    /// SQLite always drives from the full-text match: left to itself, it may start from the classification index and
    /// run the MATCH once per public document. Links, agencies and (when lean) the audience are checked against the
    /// connection's sets of documents (see ``DocumentSets``): one bit per match.
    static func filters(_ request: SearchRequest, lean: Bool = false) -> (conditions: [String], values: [(any DatabaseValueConvertible)?]) {
        let id = lean ? "documents_fts.rowid" : "d.id"
        var conditions: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        var filters: [(condition: String, value: (any DatabaseValueConvertible)?)] = [
            (DocumentSets.condition(id, in: .commitment), request.commitment?.rawValue),
            (DocumentSets.condition(id, in: .milestone), request.milestone?.rawValue),
            (DocumentSets.condition(id, in: .agency), request.agency),
        ]
        if lean {
            if request.audience == .public || request.classification == .public {
                conditions.append(DocumentSets.condition(id, in: .restricted, member: false))
            }
            if request.classification == .restricted { conditions.append(DocumentSets.condition(id, in: .restricted)) }
        } else {
            if request.audience == .public { conditions.append("d.classification = 'public'") }
            filters += [
                ("d.classification = ?", request.classification?.rawValue), ("d.language = ?", request.language?.rawValue),
                ("d.media_type = ?", request.mediaType), ("d.year = ?", request.year),
            ]
        }
        for case let (condition, value?) in filters {
            conditions.append(condition)
            values.append(value)
        }
        return (conditions, values)
    }

    /// The documents table as search joins it: read through the index of the short columns that filters, facets and
    /// the newest-first order need, never a whole row (its text sits beside them).
    static let documentColumns = "documents d INDEXED BY documents_search_columns"

    /// Counts of the documents the request matches (for its audience, with its filters) by commitment, milestone,
    /// media type, language, year and lead agency, in one statement that runs the full-text match once and hands
    /// each match to `bayyina_facets` (see ``FacetCounts``). Only a filter on the documents' own columns joins them.
    public func facets(_ request: SearchRequest) throws(BayyinaError) -> SearchFacets {
        let lean = !Self.filtersOnDocumentColumns(request)
        let (conditions, values) = Self.filters(request, lean: lean)
        let joined = lean ? "" : "CROSS JOIN \(Self.documentColumns) ON d.id = documents_fts.rowid"
        let sql = """
            SELECT \(FacetCounts.name)(documents_fts.rowid) FROM documents_fts \(joined)
            WHERE \((["documents_fts MATCH ?"] + conditions).joined(separator: " AND "))
            """
        do {
            let json = try pool.read { db in
                try String.fetchOne(db, sql: sql, arguments: StatementArguments([request.query.countingExpression] + values))
            }
            let counts = try json.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: [String: Int]] } ?? [:]
            func sorted(_ name: String) -> [(value: String, count: Int)] {
                (counts[name] ?? [:]).map { (value: $0.key, count: $0.value) }
                    .sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
            }
            return SearchFacets(
                commitments: sorted("commitment"), milestones: sorted("milestone"), mediaTypes: sorted("type"),
                languages: sorted("language"), years: sorted("year"), agencies: sorted("agency"))
        } catch {
            throw Self.wrap(error)
        }
    }

    /// How snippets and page locations pick a page of results out of the matches. FTS5 looks each result up by
    /// rowid, which is cheap for words and phrases; but a prefix longer than the prefix indexes is set up anew for
    /// every lookup (the doclists of every word it begins, merged), so with a prefix term the match runs once over
    /// the whole index instead (`+rowid` keeps SQLite from handing the ids to FTS5): at 100,000 documents the
    /// snippets of a prefix query took 10 ms on average instead of 57.
    private static func rowid(for query: SearchQuery) -> String {
        query.hasPrefix ? "+rowid" : "rowid"
    }

    /// Snippets of one page of results in one statement: the best passage with the matches marked, or the
    /// opening of the text when only the title matched; and, for the `paged` results, where the text matches (see
    /// ``MatchPositions``).
    private static func snippets(
        ids: [Int64], paged: [Int64], query: SearchQuery, db: Database
    ) throws -> (snippets: [Int64: Snippet], positions: [Int64: (passage: Int, matches: [Int])]) {
        guard !ids.isEmpty else { return ([:], [:]) }
        let list = ids.map(String.init).joined(separator: ",")
        let located = paged.isEmpty
            ? "NULL"
            : "CASE WHEN rowid IN (\(paged.map(String.init).joined(separator: ","))) THEN \(MatchPositions.name)(documents_fts, 1, 24) END"
        var snippets: [Int64: Snippet] = [:]
        var positions: [Int64: (passage: Int, matches: [Int])] = [:]
        for row in try Row.fetchAll(
            db, sql: """
                SELECT rowid, \(PassageSnippet.name)(documents_fts, 1, 24) AS snippet, \(located) AS positions
                FROM documents_fts WHERE documents_fts MATCH ? AND \(Self.rowid(for: query)) IN (\(list))
                """,
            arguments: [query.countingExpression]) {
            let text: String = row["snippet"] ?? ""
            if text.contains(Snippet.highlightStart) { snippets[row["rowid"]] = Snippet(raw: text) }
            if let value: String = row["positions"], let found = MatchPositions.parse(value) { positions[row["rowid"]] = found }
        }
        for id in ids where snippets[id] == nil {
            let opening = try String.fetchOne(db, sql: "SELECT substr(body, 1, 201) FROM documents WHERE id = ?", arguments: [id]) ?? ""
            snippets[id] = Snippet(raw: opening.count > 200 ? opening.prefix(200) + "…" : opening)
        }
        return (snippets, positions)
    }
}
