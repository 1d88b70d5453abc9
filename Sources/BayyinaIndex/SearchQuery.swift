public import BayyinaCore

/// A user's query turned into a safe FTS5 expression.
///
/// Syntax: bare words must all match, `"a phrase"` matches adjacent words, `word*` matches a prefix.
/// Everything else (operators, parentheses, column filters, hyphens) is quoted, never interpreted. Each term
/// matches its normalized form or its stem; the exact form scores twice, so exact matches rank first.
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

    /// The FTS5 MATCH expression.
    public var expression: String {
        terms.map { term in
            switch term {
            case .word(let word): "(\(Self.quote(word)) OR \(Self.quote(marked(word))))"
            case .prefix(let word): "(\(Self.quote(word))* OR \(Self.quote(marked(word)))*)"
            case .phrase(let words):
                "(\(Self.quote(words.joined(separator: " "))) OR \(Self.quote(words.map(marked).joined(separator: " "))))"
            }
        }.joined(separator: " AND ")
    }

    private func marked(_ word: String) -> String { String(ArabicTokenizer.stemMarker) + word }

    private static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Runs of letters, digits and marks, as the tokenizer sees words.
    static func words(in text: Substring) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.filter { word in word.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil } }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value == 0xE000 { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark, .privateUse:
            return true
        default:
            return false
        }
    }
}
