import BayyinaCore

/// A text's words as search sees them (normalized by ``ArabicNormalizer``, in order) and the set of their stems.
public struct TextTerms: Sendable {
    public let words: [String]
    let stems: Set<Term>
    /// Where each word first occurs, and after each position where its word occurs next (-1 for nowhere): the
    /// positions of every word for phrase look-ups, without an array per word.
    private let firstPosition: [Term: Int]
    private let nextPosition: [Int]

    public init(_ text: String) {
        words = Self.words(text)
        var firstPosition: [Term: Int] = [:]
        var nextPosition = [Int](repeating: -1, count: words.count)
        for index in words.indices.reversed() {
            if let later = firstPosition.updateValue(index, forKey: Term(words[index])) { nextPosition[index] = later }
        }
        self.firstPosition = firstPosition
        self.nextPosition = nextPosition
        stems = StemCache.shared.stems(of: firstPosition.keys)
    }

    /// The normalized words of a text, split as search splits them.
    static func words(_ text: String) -> [String] {
        WordRuns.words(in: ArabicNormalizer.normalize(text))
    }

    /// Whether the text holds `word` (normalized).
    func contains(word: String) -> Bool { firstPosition[Term(word)] != nil }

    /// Whether `phrase` (already split into words) occurs in the text word for word.
    func contains(phrase: [String]) -> Bool {
        guard let first = phrase.first, var start = firstPosition[Term(first)] else { return false }
        while start >= 0 {
            if start + phrase.count <= words.count, phrase.indices.allSatisfy({ Term(words[start + $0]) == Term(phrase[$0]) }) {
                return true
            }
            start = nextPosition[start]
        }
        return false
    }
}

/// The weighed content words of a plan title: what a document must share with it to be about the same thing.
struct TitleTerms: Sendable {
    /// Each content word's stem readings; a document holds the word when it holds any reading.
    let terms: [[Term]]

    init(_ title: String) {
        var seen = Set<String>()
        terms = TextTerms.words(title).filter { !StopWords.contains($0) && !$0.allSatisfy(\.isNumber) }
            .map { LightStemmer.stems(of: $0) }
            .filter { seen.insert($0[0]).inserted }
            .map { $0.map(Term.init) }
    }

    /// The main stem of every term, for looking up their weights.
    var mainStems: [String] { terms.map { $0[0].text } }

    /// The share of the title's weight that the document holds, and the words it holds.
    func coverage(in document: TextTerms, weights: TermWeights) -> (share: Double, matched: [String]) {
        var total = 0.0, held = 0.0
        var matched: [String] = []
        for readings in terms {
            let weight = weights[readings[0]] ?? 0
            total += weight
            if readings.contains(where: document.stems.contains) {
                held += weight
                matched.append(readings[0].text)
            }
        }
        return (total > 0 ? held / total : 0, matched)
    }
}

/// Function words of Arabic and English, which say nothing of what a text is about.
enum StopWords {
    static func contains(_ word: String) -> Bool { words.contains(word) }

    private static let words: Set<String> = [
        "في", "من", "علي", "الي", "عن", "مع", "و", "او", "ثم", "ان", "الذي", "التي", "هذا", "هذه", "ذلك", "تلك", "بين", "حول",
        "خلال", "لغايات", "ذات", "كل", "جميع", "عبر", "لدي", "the", "of", "and", "or", "for", "to", "in", "on", "a", "an", "with",
        "by", "at", "from", "into", "its", "their", "on", "how", "were", "was", "is", "are", "be", "as", "that", "this",
    ]
}
