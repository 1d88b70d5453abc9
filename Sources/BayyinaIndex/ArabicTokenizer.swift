import BayyinaCore
import Foundation
import GRDB
import GRDBSQLite

/// The FTS5 tokenizer `bayyina_arabic`: unicode61 finds the words (keeping harakat, tatweel and private-use
/// marks inside them), then each word is normalized by ``ArabicNormalizer`` and, at the same position, its light
/// forms (without article, marked ``Marker/light``) and stems (marked ``Marker/stem``) are added. Offsets stay in
/// the original text, so snippets show it as written.
///
/// In queries, a word that starts with a marker asks for that kind of token (prefix queries: the normalized prefix
/// without its article); a word without one asks for the normalized form only. ``SearchQuery`` writes all three.
final class ArabicTokenizer: FTS5CustomTokenizer {
    static let name = "bayyina_arabic"
    /// Bumped whenever tokens change; a stored index built with another version is rebuilt on open.
    static let version = 3

    /// Private-use characters that mark derived tokens; unicode61 keeps them inside a word (category Co).
    enum Marker: Character, CaseIterable {
        case light = "\u{E001}"
        case stem = "\u{E000}"
    }

    private let wordSplitter: any FTS5Tokenizer
    /// Index tokens by the bytes of the word they come from: the normalized form first, then the colocated
    /// light forms and stems. Word frequencies are Zipfian, so most words are normalized once per connection.
    private var documentTokens = WordTokenCache()
    /// The normalized form alone, for auxiliary functions.
    private var auxiliaryTokens = WordTokenCache()

    init(db: Database, arguments: [String]) throws {
        wordSplitter = try db.makeTokenizer(.unicode61(diacritics: .keep, categories: "L* N* Co M*"))
    }

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        var state = TokenizeState(context: context, callback: tokenCallback, tokenization: tokenization, tokenizer: self)
        return withUnsafeMutablePointer(to: &state) { statePointer in
            wordSplitter.tokenize(context: statePointer, tokenization: tokenization, pText: pText, nText: nText) {
                stateContext, _, token, length, start, end in
                guard let state = stateContext?.assumingMemoryBound(to: TokenizeState.self).pointee,
                      let token, length > 0 else { return SQLITE_OK }
                let bytes = UnsafeRawBufferPointer(start: token, count: Int(length))
                return state.tokenizer.emit(bytes, start: start, end: end, state: state)
            }
        }
    }

    private func emit(_ bytes: UnsafeRawBufferPointer, start: CInt, end: CInt, state: TokenizeState) -> CInt {
        if state.tokenization.contains(.query) {
            return Self.queryToken(String(decoding: bytes, as: UTF8.self), state: state).map {
                state.send($0, flags: 0, start: start, end: end)
            } ?? SQLITE_OK
        }
        // Auxiliary functions (bayyina_snippet, page positions) re-read a text only for where its words start and
        // end, and skip colocated tokens: the normalized word alone keeps every position, and its light forms and
        // stems are never worked out (a search from a new CLI process met every word of its snippets for the first
        // time, and derived all three forms of each).
        let send = { (index: Int, token: UnsafeRawBufferPointer) in
            state.send(token, flags: index == 0 ? 0 : FTS5_TOKEN_COLOCATED, start: start, end: end)
        }
        if state.tokenization.contains(.aux) {
            return auxiliaryTokens.forEachToken(of: bytes, derive: {
                Self.normalizedForm(String(decoding: $0, as: UTF8.self)).map { [Array($0.utf8)] } ?? []
            }, send)
        }
        return documentTokens.forEachToken(of: bytes, derive: { Self.documentTokens(String(decoding: $0, as: UTF8.self)) }, send)
    }

    /// The word as the index holds it; nil when nothing of it is left (a run of tatweel, a lone mark), so that it
    /// takes no position.
    private static func normalizedForm(_ word: String) -> String? {
        let normalized = ArabicNormalizer.normalize(word).filter { Marker(rawValue: $0) == nil }
        return normalized.isEmpty ? nil : normalized
    }

    /// The normalized word, then its light forms and stems, each behind its marker. A word without Arabic letters
    /// has one light form and one stem, the same English stem: it is indexed once, as the stem, which stands for
    /// the light form in queries (see ``queryToken(_:state:)`` and ``SearchQuery/forms(of:)``).
    private static func documentTokens(_ word: String) -> [[UInt8]] {
        guard let normalized = normalizedForm(word) else { return [] }
        let lightForms = LightStemmer.derivesArabicForms(normalized) ? LightStemmer.lightForms(of: normalized) : []
        let derived = lightForms.map { String(Marker.light.rawValue) + $0 }
            + LightStemmer.stems(of: normalized).map { String(Marker.stem.rawValue) + $0 }
        return ([normalized] + derived).map { Array($0.utf8) }
    }

    /// The one token a query word asks for: normalized, or its marked light form, stem or prefix (the stem for
    /// the light form of a word without Arabic letters, as the index holds it).
    private static func queryToken(_ word: String, state: TokenizeState) -> [UInt8]? {
        let typed = word.first.flatMap(Marker.init(rawValue:))
        let normalized = ArabicNormalizer.normalize(typed == nil ? word : String(word.dropFirst()))
            .filter { Marker(rawValue: $0) == nil }
        guard !normalized.isEmpty else { return nil }
        guard let typed else { return Array(normalized.utf8) }
        let marker = typed == .light && !LightStemmer.derivesArabicForms(normalized) ? Marker.stem : typed
        let derived: String
        if state.tokenization.contains(.prefix) {
            derived = LightStemmer.stemPrefix(normalized)
        } else {
            derived = (marker == .light ? LightStemmer.lightForms(of: normalized) : LightStemmer.stems(of: normalized))[0]
        }
        return Array((String(marker.rawValue) + derived).utf8)
    }
}

/// What the inner callback needs to reach FTS5's own callback. It is copied for every word, so it holds the tokenizer
/// without reference counting (`unowned(unsafe)`): the state lives only inside the tokenizer's own `tokenize` call.
/// Counted (`unowned`), each word paid atomic reference counting: some 4% of a search's samples, the snippets' words.
private struct TokenizeState {
    let context: UnsafeMutableRawPointer?
    let callback: FTS5TokenCallback
    let tokenization: FTS5Tokenization
    unowned(unsafe) let tokenizer: ArabicTokenizer

    func send(_ token: UnsafeRawBufferPointer, flags: CInt, start: CInt, end: CInt) -> CInt {
        callback(context, flags, token.baseAddress?.assumingMemoryBound(to: CChar.self), CInt(token.count), start, end)
    }

    func send(_ token: [UInt8], flags: CInt, start: CInt, end: CInt) -> CInt {
        token.withUnsafeBytes { send($0, flags: flags, start: start, end: end) }
    }
}
