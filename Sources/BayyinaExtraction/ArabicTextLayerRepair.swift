import BayyinaCore

/// Repairs two defects of Arabic PDF text layers that some fonts cause (DejaVu Sans among them):
/// the lam-alef ligature written back as alef-lam (الأول → األول, سلام → سالم), and a taa marbuta or hamza
/// split from its word (النزاهة → النزاه ة, الإجراءات → الإجرا ءات).
///
/// A word that starts with alef, alef and lam (after one proclitic) exists in no Arabic text, so when a document
/// has such words its swap is certain there and repaired. Inside words, alef-lam is also common Arabic (سالم is
/// a name), so the swapped reading is kept as an alternative reading to index beside the text, not instead of it.
enum ArabicTextLayerRepair {
    struct Result: Equatable {
        var text: String
        var repairedWords: Int
        var alternativeReadings: [String]
    }

    private static let alef: Unicode.Scalar = "\u{0627}"
    private static let lam: Unicode.Scalar = "\u{0644}"
    private static let alefs: Set<Unicode.Scalar> = ["\u{0627}", "\u{0623}", "\u{0625}", "\u{0622}"]
    private static let proclitics: Set<Unicode.Scalar> = ["\u{0648}", "\u{0628}", "\u{0641}", "\u{0643}", "\u{0644}"]
    /// Taa marbuta and hamza begin no Arabic word: a "word" that starts with one was split from the word before.
    private static let detachedStarts: Set<Unicode.Scalar> = ["\u{0629}", "\u{0621}"]
    /// Words with the certain swap a document needs before it counts as affected.
    static let minimumEvidence = 2

    /// The repaired text, or nil when the text shows no swapped lam-alef (unless `force`: the document it belongs to
    /// showed it).
    static func repair(_ text: String, force: Bool = false) -> Result? {
        guard force || swappedWords(in: text, upTo: minimumEvidence) >= minimumEvidence else { return nil }
        let words = splitWords(text)
        var repaired = 0
        var alternatives: [String] = []
        var output: [Piece] = []
        for piece in words {
            if !piece.isSpace, let first = piece.letters.first, detachedStarts.contains(first),
               output.count >= 2, output[output.count - 1].isSpace, !output[output.count - 1].letters.contains("\n"),
               output[output.count - 2].letters.last.map(ArabicNormalizer.isArabicLetter) == true {
                output.removeLast()
                output[output.count - 1].letters += piece.letters
                continue
            }
            guard !piece.isSpace else {
                output.append(piece)
                continue
            }
            var letters = piece.letters
            if let start = swapStart(of: letters) {
                letters.swapAt(start + 1, start + 2)
                repaired += 1
            } else if letters.count == 2, alefs.contains(letters[0]), letters[1] == lam {
                letters.swapAt(0, 1)
                repaired += 1
            }
            output.append(Piece(letters: letters, isSpace: false))
        }
        for piece in output where !piece.isSpace {
            if let alternative = alternativeReading(piece.letters), !alternatives.contains(alternative) {
                alternatives.append(alternative)
            }
        }
        let repairedText = String(String.UnicodeScalarView(output.flatMap(\.letters)))
        return Result(text: repairedText, repairedWords: repaired, alternativeReadings: alternatives)
    }

    /// Whether the Arabic of a text runs in visual order, each word's letters reversed: words then start with
    /// taa marbuta or alef maksura (which only end words) and end with a reversed article, more often than the
    /// other way round.
    static func isVisualOrder(_ text: String) -> Bool {
        var reversedSigns = 0
        var logicalSigns = 0
        var word = WordEnds()
        func endWord() {
            if word.count >= 3 {
                if endings.contains(word.first) || (word.beforeLast == lam && word.last == alef) { reversedSigns += 1 }
                if endings.contains(word.last) || (word.first == alef && word.second == lam) { logicalSigns += 1 }
            }
            word = WordEnds()
        }
        for scalar in text.unicodeScalars {
            if ArabicNormalizer.isArabicLetter(scalar) {
                word.append(scalar)
            } else if !ScalarTraits.of(scalar).isDisjoint(with: [.whitespace, .punctuation]) {
                endWord()
            }
        }
        endWord()
        return reversedSigns >= 5 && reversedSigns > 2 * logicalSigns
    }

    /// Taa marbuta and alef maqsura, which end words and never start them.
    private static let endings: Set<Unicode.Scalar> = ["\u{0629}", "\u{0649}"]

    /// The first two and last two Arabic letters of a word, and how many it has.
    private struct WordEnds {
        var count = 0
        var first: Unicode.Scalar = " ", second: Unicode.Scalar = " ", beforeLast: Unicode.Scalar = " ", last: Unicode.Scalar = " "

        mutating func append(_ letter: Unicode.Scalar) {
            if count == 0 { first = letter } else if count == 1 { second = letter }
            beforeLast = last
            last = letter
            count += 1
        }
    }

    /// Visual-order lines read back in logical order (each line's characters reversed).
    static func logicalOrder(ofVisual text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String(String.UnicodeScalarView($0.unicodeScalars.reversed())) }
            .joined(separator: "\n")
    }

    /// Where a word (after at most one proclitic) starts with alef, alef-variant, lam: the index of that first alef.
    private static func swapStart(of letters: [Unicode.Scalar]) -> Int? {
        swapStart(of: letters, length: letters.count)
    }

    /// ``swapStart(of:)`` from the first four scalars of a word of `length` scalars.
    private static func swapStart(of letters: [Unicode.Scalar], length: Int) -> Int? {
        for start in [0, 1] where length >= start + 4 {
            if start == 1, !proclitics.contains(letters[0]) { continue }
            if letters[start] == alef, alefs.contains(letters[start + 1]), letters[start + 2] == lam { return start }
        }
        return nil
    }

    /// The word with every alef-lam after its article read back as lam-alef (السالم → السلام), if it has any.
    private static func alternativeReading(_ letters: [Unicode.Scalar]) -> String? {
        var result = letters
        var position = articleEnd(of: letters)
        var changed = false
        while position + 1 < result.count {
            if alefs.contains(result[position]), result[position + 1] == lam {
                result.swapAt(position, position + 1)
                changed = true
                position += 2
            } else {
                position += 1
            }
        }
        let word = String(String.UnicodeScalarView(result.filter { $0.properties.isAlphabetic || $0.properties.generalCategory == .nonspacingMark }))
        return changed ? word : nil
    }

    /// The index after a leading article (ال, وال, بال …), or 0.
    private static func articleEnd(of letters: [Unicode.Scalar]) -> Int {
        if letters.count > 3, letters[0] == alef, letters[1] == lam { return 2 }
        if letters.count > 4, proclitics.contains(letters[0]), letters[1] == alef, letters[2] == lam { return 3 }
        return 0
    }

    private struct Piece {
        var letters: [Unicode.Scalar]
        var isSpace: Bool
    }

    /// How many words show the certain swap, counted up to `limit`, without splitting the text into words first.
    private static func swappedWords(in text: String, upTo limit: Int) -> Int {
        var count = 0
        var head: [Unicode.Scalar] = []
        head.reserveCapacity(4)
        var length = 0
        func endWord() {
            if length >= 4, swapStart(of: head, length: length) != nil { count += 1 }
            head.removeAll(keepingCapacity: true)
            length = 0
        }
        for scalar in text.unicodeScalars {
            if ScalarTraits.of(scalar).contains(.whitespace) {
                endWord()
                if count >= limit { return count }
            } else {
                if head.count < 4 { head.append(scalar) }
                length += 1
            }
        }
        endWord()
        return count
    }

    /// Words and the white space between them, in order.
    private static func splitWords(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        for scalar in text.unicodeScalars {
            let isSpace = ScalarTraits.of(scalar).contains(.whitespace)
            if let last = pieces.last, last.isSpace == isSpace {
                pieces[pieces.count - 1].letters.append(scalar)
            } else {
                pieces.append(Piece(letters: [scalar], isSpace: isSpace))
            }
        }
        return pieces
    }
}
