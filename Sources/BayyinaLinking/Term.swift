import BayyinaCore
import Foundation
import Synchronization

/// A normalized word, hashed and compared by its UTF-8 bytes. Swift hashes and compares non-ASCII Strings under
/// canonical equivalence, which costs a normalization check on every call; words that ``ArabicNormalizer`` already
/// folded need none, and the link step looks up every word of every text. The bytes are hashed once, when the term
/// is made.
struct Term: Hashable, Sendable {
    let text: String
    private let key: UInt64

    init(_ text: String) {
        var text = text
        key = text.withUTF8 { bytes in
            var hash = FNV1a()
            hash.combine(bytes: bytes)
            return hash.value
        }
        self.text = text
    }

    static func == (lhs: Term, rhs: Term) -> Bool {
        guard lhs.key == rhs.key else { return false }
        var (left, right) = (lhs.text, rhs.text)
        return left.withUTF8 { leftBytes in
            right.withUTF8 { rightBytes in
                leftBytes.count == rightBytes.count
                    && (leftBytes.isEmpty || memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, leftBytes.count) == 0)
            }
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(key) }
}

/// The idf of each main title stem in the index, looked up by ``Term``.
public struct TermWeights: Sendable {
    private let values: [Term: Double]

    public init(_ weights: [String: Double]) {
        values = Dictionary(weights.map { (Term($0.key), $0.value) }, uniquingKeysWith: max)
    }

    subscript(term: Term) -> Double? { values[term] }
}

/// ``LightStemmer`` stems of the words seen so far, shared by every text the process reads: word frequencies are
/// Zipfian, so most words are stemmed once. Emptied when it holds `limit` words.
final class StemCache: Sendable {
    static let shared = StemCache()

    private let limit = 200_000
    private let stems = Mutex<[Term: [Term]]>([:])

    /// The stems of each word, as one set.
    func stems(of words: some Collection<Term>) -> Set<Term> {
        var result = Set<Term>(minimumCapacity: words.count * 2)
        var missing: [Term] = []
        stems.withLock { known in
            for word in words {
                if let cached = known[word] { result.formUnion(cached) } else { missing.append(word) }
            }
        }
        guard !missing.isEmpty else { return result }
        let computed = missing.map { word in (word, LightStemmer.stems(of: word.text).map(Term.init)) }
        stems.withLock { known in
            if known.count + computed.count > limit { known.removeAll(keepingCapacity: true) }
            for (word, wordStems) in computed {
                known[word] = wordStems
                result.formUnion(wordStems)
            }
        }
        return result
    }
}
