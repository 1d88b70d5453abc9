/// A light stemmer for normalized tokens (output of ``ArabicNormalizer``).
///
/// Arabic: one article or conjunction prefix (وال بال كال فال لل ال, and و as a second reading),
/// then the suffixes ها ان ات ون ين يه ه ي while at least three letters remain; government vocabulary that
/// light stemming mangles (وزارة → زار, التزام → تزام) is kept whole by ``protectedStems``.
/// English: plural and possessive endings.
public enum LightStemmer {
    /// Normalized word forms mapped to the stem they must keep.
    public static let protectedStems: [String: String] = {
        let groups: [String: [String]] = [
            "وزاره": ["وزاره", "وزارات"],
            "التزام": ["التزام", "التزامات"],
            "قانون": ["قانون", "قوانين"],
            "اليه": ["اليه", "اليات"],
            "هيئه": ["هيئه", "هيئات"],
            "مؤسسه": ["مؤسسه", "مؤسسات"],
            "وحده": ["وحده", "وحدات"],
            "وثيقه": ["وثيقه", "وثائق"],
            "وطني": ["وطني", "وطنيه"],
            "ورشه": ["ورشه", "ورش", "ورشات"],
            "امانه": ["امانه"],
            "اتفاقيه": ["اتفاقيه", "اتفاقيات"],
            "ولايه": ["ولايه"],
            "وسائل": ["وسائل", "وسيله"],
            "واقع": ["واقع"],
            "وصول": ["وصول"],
            "الاردن": ["الاردن", "اردن"],
            "اردني": ["اردني", "اردنيه"],
        ]
        var map: [String: String] = [:]
        for (stem, forms) in groups { for form in forms { map[form] = stem } }
        return map
    }()

    static let articles = ["وال", "بال", "كال", "فال", "لل", "ال"]
    static let proclitics = articles + ["و", "ب", "ل", "ف", "ك"]
    static let suffixes = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"]
    static let minimumStemLength = 3

    /// The token without its article or conjunction (الشفافية، والشفافية → شفافيه), the main reading first;
    /// Arabic words that start with و get a second reading without it unless an article was found.
    /// English words lose their plural ending. Used to rank near-exact matches above stem matches.
    public static func lightForms(of token: String) -> [String] {
        guard token.unicodeScalars.contains(where: ArabicNormalizer.isArabicLetter) else { return [englishStem(token)] }
        let letters = Array(token)
        for prefix in proclitics where letters.count - prefix.count >= minimumStemLength && token.hasPrefix(prefix) {
            let rest = String(letters.dropFirst(prefix.count))
            if protectedStems[rest] != nil { return [rest] }
        }
        if protectedStems[token] != nil { return [token] }
        for article in articles where letters.count - article.count >= minimumStemLength && token.hasPrefix(article) {
            return [String(letters.dropFirst(article.count))]
        }
        if letters.first == "\u{0648}", letters.count - 1 >= minimumStemLength {
            return [token, String(letters.dropFirst())]
        }
        return [token]
    }

    /// The stems of a normalized token: its light forms without suffixes, the main reading first.
    public static func stems(of token: String) -> [String] {
        let forms = lightForms(of: token)
        guard token.unicodeScalars.contains(where: ArabicNormalizer.isArabicLetter) else { return forms }
        var result: [String] = []
        for stem in forms.map({ stripSuffixes(Array($0)) }) where !result.contains(stem) { result.append(stem) }
        return result
    }

    /// A prefix typed in a query (`تشاور*`), with its article removed so it matches light forms and stems.
    public static func stemPrefix(_ token: String) -> String {
        let letters = Array(token)
        for article in articles where letters.count - article.count >= minimumStemLength && token.hasPrefix(article) {
            return String(letters.dropFirst(article.count))
        }
        return token
    }

    private static func stripSuffixes(_ word: [Character]) -> String {
        var current = word
        for suffix in suffixes {
            if let kept = protectedStems[String(current)] { return kept }
            let suffixLetters = Array(suffix)
            if current.count - suffixLetters.count >= minimumStemLength, current.suffix(suffixLetters.count).elementsEqual(suffixLetters) {
                current.removeLast(suffixLetters.count)
            }
        }
        return protectedStems[String(current)] ?? String(current)
    }

    static func englishStem(_ word: String) -> String {
        guard word.count > 3, word.allSatisfy({ $0.isASCII && $0.isLetter }) else { return word }
        if word.hasSuffix("ies"), word.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") { return String(word.dropLast(2)) }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }
}
