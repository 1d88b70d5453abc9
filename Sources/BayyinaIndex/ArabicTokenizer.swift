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
    static let version = 2

    /// Private-use characters that mark derived tokens; unicode61 keeps them inside a word (category Co).
    enum Marker: Character, CaseIterable {
        case light = "\u{E001}"
        case stem = "\u{E000}"
    }

    private let wordSplitter: any FTS5Tokenizer

    init(db: Database, arguments: [String]) throws {
        wordSplitter = try db.makeTokenizer(.unicode61(diacritics: .keep, categories: "L* N* Co M*"))
    }

    func tokenize(
        context: UnsafeMutableRawPointer?, tokenization: FTS5Tokenization, pText: UnsafePointer<CChar>?, nText: CInt,
        tokenCallback: @escaping FTS5TokenCallback
    ) -> CInt {
        var state = TokenizeState(context: context, callback: tokenCallback, tokenization: tokenization)
        return withUnsafeMutablePointer(to: &state) { statePointer in
            wordSplitter.tokenize(context: statePointer, tokenization: tokenization, pText: pText, nText: nText) {
                stateContext, _, token, length, start, end in
                guard let state = stateContext?.assumingMemoryBound(to: TokenizeState.self).pointee,
                      let token, length > 0 else { return SQLITE_OK }
                let bytes = UnsafeRawBufferPointer(start: token, count: Int(length))
                return ArabicTokenizer.emit(bytes, start: start, end: end, state: state)
            }
        }
    }

    private static func emit(_ bytes: UnsafeRawBufferPointer, start: CInt, end: CInt, state: TokenizeState) -> CInt {
        let word = String(decoding: bytes, as: UTF8.self)
        let marker = word.first.flatMap(Marker.init(rawValue:))
        let normalized = ArabicNormalizer.normalize(marker == nil ? word : String(word.dropFirst()))
            .filter { Marker(rawValue: $0) == nil }
        guard !normalized.isEmpty else { return SQLITE_OK }
        if state.tokenization.contains(.query) {
            guard let marker else { return state.send(normalized, flags: 0, start: start, end: end) }
            let derived: String
            if state.tokenization.contains(.prefix) {
                derived = LightStemmer.stemPrefix(normalized)
            } else {
                derived = (marker == .light ? LightStemmer.lightForms(of: normalized) : LightStemmer.stems(of: normalized))[0]
            }
            return state.send(String(marker.rawValue) + derived, flags: 0, start: start, end: end)
        }
        var result = state.send(normalized, flags: 0, start: start, end: end)
        let derived = LightStemmer.lightForms(of: normalized).map { (Marker.light, $0) }
            + LightStemmer.stems(of: normalized).map { (Marker.stem, $0) }
        for (marker, form) in derived where result == SQLITE_OK {
            result = state.send(String(marker.rawValue) + form, flags: FTS5_TOKEN_COLOCATED, start: start, end: end)
        }
        return result
    }
}

/// What the inner callback needs to reach FTS5's own callback.
private struct TokenizeState {
    let context: UnsafeMutableRawPointer?
    let callback: FTS5TokenCallback
    let tokenization: FTS5Tokenization

    func send(_ token: String, flags: CInt, start: CInt, end: CInt) -> CInt {
        var token = token
        return token.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                callback(context, flags, chars.baseAddress, CInt(chars.count), start, end)
            }
        }
    }
}
