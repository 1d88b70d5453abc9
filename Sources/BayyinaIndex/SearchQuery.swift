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
    /// so that bm25 weighs exact forms more than stems (see ``forms(of:)``).
    public var expression: String {
        terms.map(anyForm).joined(separator: " AND ")
    }

    /// An expression that matches the same documents as ``expression`` more cheaply, for counting, facets, snippets
    /// and page locations: a word's or a phrase's stems are shared by all its spellings, so the stem alone finds and
    /// marks them all (a prefix keeps its forms, since a stem may be shorter than the prefix typed). A third of
    /// the phrases also makes the match lists that snippets and page positions are read from shorter.
    public var countingExpression: String {
        terms.map { term in
            if case .prefix = term { return anyForm(term) }
            return render(term, marker: .stem)
        }.joined(separator: " AND ")
    }

    /// How much each phrase of ``expression`` weighs in the score, in order, separated by spaces (see `bayyina_rank`).
    var phraseWeights: String {
        terms.flatMap { Self.forms(of: $0).map { String($0.weight) } }.joined(separator: " ")
    }

    /// For each term, the phrase of ``expression`` that holds its light form, separated by spaces: the documents
    /// where all of them match rank first (see `bayyina_close`).
    var closePhrases: String {
        var first = 0
        return terms.map { term in
            let forms = Self.forms(of: term)
            defer { first += forms.count }
            return String(first + (forms.firstIndex { $0.isLightForm } ?? 0))
        }.joined(separator: " ")
    }

    /// The forms ``expression`` writes a term in, each one FTS5 phrase, with its weight in the score: as written
    /// (normalized), as its light form and as its stem. A term without Arabic letters has one light form and one
    /// stem, the same English stem, which the index holds once, as the stem (see ``ArabicTokenizer``): it is asked
    /// for once, as its stem, which weighs for both and stands for the light form.
    static func forms(of term: Term) -> [(marker: ArabicTokenizer.Marker?, weight: Int, isLightForm: Bool)] {
        let words: [String]
        switch term {
        case .word(let word), .prefix(let word): words = [word]
        case .phrase(let phrase): words = phrase
        }
        guard words.contains(where: { LightStemmer.derivesArabicForms(ArabicNormalizer.normalize($0)) }) else {
            return [(nil, 1, false), (.stem, 2, true)]
        }
        return [(nil, 1, false), (.light, 1, true), (.stem, 1, false)]
    }

    /// A term in each of its forms, as one FTS5 group of phrases.
    private func anyForm(_ term: Term) -> String {
        "(" + Self.forms(of: term).map { render(term, marker: $0.marker) }.joined(separator: " OR ") + ")"
    }

    /// Whether a term is a prefix (`word*`).
    var hasPrefix: Bool {
        terms.contains { if case .prefix = $0 { true } else { false } }
    }

    func render(_ term: Term, marker: ArabicTokenizer.Marker?) -> String {
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
