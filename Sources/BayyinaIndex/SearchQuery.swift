public import BayyinaCore

/// A user's query turned into a safe FTS5 expression.
///
/// Syntax: bare words must all match, `"a phrase"` matches adjacent words, `word*` matches a prefix.
/// Everything else (operators, parentheses, column filters, hyphens) is quoted, never interpreted. Each term
/// matches its normalized form, its light form or its stem; documents where every term matches without suffix
/// stemming rank first, and exact forms weigh more within each tier.
public struct SearchQuery: Sendable, Equatable {
    public enum Term: Sendable, Equatable {
        case word(String)
        case prefix(String)
        case phrase([String])
    }

    public let terms: [Term]

    public init(_ text: String) throws(BayyinaError) {
        var terms: [Term] = []
        var rest = Substring(text)
        while let character = rest.first {
            if character == "\"" {
                let body = rest.dropFirst()
                let close = body.firstIndex(of: "\"") ?? body.endIndex
                let words = Self.words(in: body[..<close])
                if words.count == 1 { terms.append(.word(words[0])) } else if !words.isEmpty { terms.append(.phrase(words)) }
                rest = close == body.endIndex ? body[close...] : body[body.index(after: close)...]
            } else if character.isWhitespace {
                rest = rest.dropFirst()
            } else {
                let end = rest.firstIndex(where: { $0.isWhitespace || $0 == "\"" }) ?? rest.endIndex
                let chunk = rest[..<end]
                let words = Self.words(in: chunk)
                if chunk.hasSuffix("*"), words.count == 1 {
                    terms.append(.prefix(words[0]))
                } else if words.count == 1 {
                    terms.append(.word(words[0]))
                } else if !words.isEmpty {
                    terms.append(.phrase(words))
                }
                rest = rest[end...]
            }
        }
        guard !terms.isEmpty else {
            throw BayyinaError(.invalidQuery, "The query has no words to search for; type at least one word, a \"phrase\" or a prefix*.")
        }
        guard terms.count <= 64 else {
            throw BayyinaError(.invalidQuery, "The query has \(terms.count) terms; use at most 64.")
        }
        self.terms = terms
    }

    /// The FTS5 MATCH expression that ranks: each term as written (normalized), as its light form or as its stem,
    /// so that bm25 weighs exact forms more than stems.
    public var expression: String {
        terms.map(anyForm).joined(separator: " AND ")
    }

    /// An expression that matches the same documents as ``expression`` more cheaply, for counting, facets, snippets
    /// and page locations: a word's or a phrase's stems are shared by all its spellings, so the stem alone finds and
    /// marks them all (a prefix keeps its three forms, since a stem may be shorter than the prefix typed). A third of
    /// the phrases also makes the match lists that snippets and page positions are read from shorter.
    public var countingExpression: String {
        terms.map { term in
            if case .prefix = term { return anyForm(term) }
            return render(term, marker: .stem)
        }.joined(separator: " AND ")
    }

    /// The forms ``expression`` writes each term in, in order: each is one FTS5 phrase.
    static let forms: [ArabicTokenizer.Marker?] = [nil, .light, .stem]
    /// The form that documents must match for every term to rank first: the light form (see `bayyina_close`).
    static let closeForm = forms.firstIndex(of: .light) ?? 0

    /// A term as written (normalized), as its light form or as its stem.
    private func anyForm(_ term: Term) -> String {
        "(" + Self.forms.map { render(term, marker: $0) }.joined(separator: " OR ") + ")"
    }

    /// Whether a term is a prefix (`word*`).
    var hasPrefix: Bool {
        terms.contains { if case .prefix = $0 { true } else { false } }
    }

    private func render(_ term: Term, marker: ArabicTokenizer.Marker?) -> String {
        let prefix = marker.map { String($0.rawValue) } ?? ""
        switch term {
        case .word(let word): return Self.quote(prefix + word)
        case .prefix(let word): return Self.quote(prefix + word) + "*"
        case .phrase(let words): return Self.quote(words.map { prefix + $0 }.joined(separator: " "))
        }
    }

    private static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Runs of letters, digits and marks, as the tokenizer sees words; the tokenizer's markers are never part of one.
    static func words(in text: Substring) -> [String] {
        WordRuns.words(in: text) { ArabicTokenizer.Marker(rawValue: Character($0)) != nil }
    }
}
