@testable import BayyinaIndex
import Testing

@Suite struct WordTokenCacheTests {
    /// The tokens the cache hands out for `word`, and how many times it had to derive them so far.
    private final class Probe {
        var cache: WordTokenCache
        var derived = 0

        init(limit: Int) { cache = WordTokenCache(wordLimit: limit) }

        func tokens(_ word: String) -> [String] {
            var tokens: [String] = []
            let bytes = Array(word.utf8)
            _ = bytes.withUnsafeBytes { raw in
                cache.forEachToken(of: raw, derive: { raw in
                    self.derived += 1
                    let word = String(decoding: raw, as: UTF8.self)
                    return [Array(word.utf8), Array(("~" + word).utf8)]
                }) { index, token in
                    tokens.append("\(index):" + String(decoding: token, as: UTF8.self))
                    return 0
                }
            }
            return tokens
        }
    }

    @Test func aWordSeenBeforeGivesTheSameTokensWithoutDerivingThemAgain() {
        let probe = Probe(limit: 100)
        #expect(probe.tokens("الشفافية") == ["0:الشفافية", "1:~الشفافية"])
        #expect(probe.tokens("الشفافية") == ["0:الشفافية", "1:~الشفافية"])
        #expect(probe.tokens("open") == ["0:open", "1:~open"])
        #expect(probe.derived == 2)
    }

    @Test func manyWordsEachKeepTheirOwnTokensAsTheTableGrows() {
        let probe = Probe(limit: 100_000)
        let words = (0..<5000).map { "كلمة\($0)" }
        for word in words { _ = probe.tokens(word) }
        #expect(words.allSatisfy { probe.tokens($0) == ["0:\($0)", "1:~\($0)"] })
        #expect(probe.derived == 5000)
    }

    @Test func aFullCacheEmptiesItselfAndStillAnswersRight() {
        let probe = Probe(limit: 3)
        for word in ["a", "b", "c", "d", "e"] { #expect(probe.tokens(word) == ["0:\(word)", "1:~\(word)"]) }
        #expect(probe.tokens("a") == ["0:a", "1:~a"])
    }

    @Test func aCallThatStopsEarlyReturnsItsResult() {
        var cache = WordTokenCache()
        let bytes = Array("word".utf8)
        var seen = 0
        let result = bytes.withUnsafeBytes { raw in
            cache.forEachToken(of: raw, derive: { _ in [[1], [2], [3]] }) { _, _ in
                seen += 1
                return seen == 2 ? 101 : 0
            }
        }
        #expect(result == 101)
        #expect(seen == 2)
    }
}
