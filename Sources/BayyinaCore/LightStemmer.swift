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

    /// Letters as Unicode scalars: normalized tokens compare letter by letter, much faster than as Strings.
    typealias Letters = [Unicode.Scalar]

    private static let protectedLetters: [Letters: Letters] = Dictionary(
        uniqueKeysWithValues: protectedStems.map { (Array($0.key.unicodeScalars), Array($0.value.unicodeScalars)) })
    private static let articles: [Letters] = ["وال", "بال", "كال", "فال", "لل", "ال"].map { Array($0.unicodeScalars) }
    private static let proclitics: [Letters] = articles + ["و", "ب", "ل", "ف", "ك"].map { Array($0.unicodeScalars) }
    private static let suffixes: [Letters] = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"].map { Array($0.unicodeScalars) }
    private static let waw: Unicode.Scalar = "\u{0648}"
    static let minimumStemLength = 3

    /// Whether a normalized token has Arabic light forms and stems: one without Arabic letters has a single light
    /// form and a single stem, the same English stem.
    public static func derivesArabicForms(_ token: String) -> Bool {
        token.unicodeScalars.contains(where: ArabicNormalizer.isArabicLetter)
    }

    /// The token without its article or conjunction (الشفافية، والشفافية → شفافيه), the main reading first;
    /// Arabic words that start with و get a second reading without it unless an article was found.
    /// English words lose their plural ending. Used to rank near-exact matches above stem matches.
    public static func lightForms(of token: String) -> [String] {
        guard derivesArabicForms(token) else { return [englishStem(token)] }
        return lightForms(Array(token.unicodeScalars)).map(string)
    }

    /// The stems of a normalized token: its light forms without suffixes, the main reading first.
    public static func stems(of token: String) -> [String] {
        guard derivesArabicForms(token) else { return [englishStem(token)] }
        var result: [Letters] = []
        for stem in lightForms(Array(token.unicodeScalars)).map(stripSuffixes) where !result.contains(stem) { result.append(stem) }
        return result.map(string)
    }

    /// A prefix typed in a query (`تشاور*`), with its article removed so it matches light forms and stems.
    public static func stemPrefix(_ token: String) -> String {
        let letters = Array(token.unicodeScalars)
        for article in articles where letters.count - article.count >= minimumStemLength && letters.starts(with: article) {
            return string(Array(letters.dropFirst(article.count)))
        }
        return token
    }

    private static func lightForms(_ word: Letters) -> [Letters] {
        for prefix in proclitics where word.count - prefix.count >= minimumStemLength && word.starts(with: prefix) {
            let rest = Array(word.dropFirst(prefix.count))
            if protectedLetters[rest] != nil { return [rest] }
        }
        if protectedLetters[word] != nil { return [word] }
        for article in articles where word.count - article.count >= minimumStemLength && word.starts(with: article) {
            return [Array(word.dropFirst(article.count))]
        }
        if word.first == waw, word.count - 1 >= minimumStemLength {
            return [word, Array(word.dropFirst())]
        }
        return [word]
    }

    private static func stripSuffixes(_ word: Letters) -> Letters {
        var current = word
        for suffix in suffixes {
            if let kept = protectedLetters[current] { return kept }
            if current.count - suffix.count >= minimumStemLength, current.suffix(suffix.count).elementsEqual(suffix) {
                current.removeLast(suffix.count)
            }
        }
        return protectedLetters[current] ?? current
    }

    private static func string(_ letters: Letters) -> String {
        String(String.UnicodeScalarView(letters))
    }

    static func englishStem(_ word: String) -> String {
        let letters = word.utf8
        guard letters.count > 3, letters.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) }) else { return word }
        if word.hasSuffix("ies"), letters.count > 4 { return String(word.dropLast(3)) + "y" }
        if word.hasSuffix("sses") { return String(word.dropLast(2)) }
        if word.hasSuffix("ss") || word.hasSuffix("us") || word.hasSuffix("is") { return word }
        if word.hasSuffix("s") { return String(word.dropLast()) }
        return word
    }
}
