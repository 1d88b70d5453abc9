import BayyinaCore

/// A commitment or milestone named outright: "الالتزام (3)", "للالتزام الثالث", "Commitment 3", "third commitment",
/// "C2.M3", "المحور الأول من الالتزام الثالث", "milestone 1 of commitment 3", "Milestone 3.1".
struct ExplicitMention: Hashable {
    let target: LinkTarget
    /// The words as normalized, for the reason shown to the reviewer.
    let phrase: String
    /// The text reports the milestone as not started, so it is no evidence of it.
    let notStarted: Bool
}

/// Finds ``ExplicitMention``s in a text's normalized words.
enum ExplicitMentions {
    static func find(in words: [String]) -> [ExplicitMention] {
        var found: [ExplicitMention] = []
        var index = 0
        while index < words.count {
            if let (mention, length) = milestone(at: index, in: words) ?? commitment(at: index, in: words) {
                found.append(mention)
                index += length
            } else {
                index += 1
            }
        }
        return found
    }

    /// A milestone id (`c2 m3`), an Arabic "المحور <n> من الالتزام <n>", or "milestone <n> of commitment <n>" / "milestone <c>.<m>".
    private static func milestone(at index: Int, in words: [String]) -> (ExplicitMention, Int)? {
        let word = words[index]
        if let commitment = code(word, "c"), let next = words[safe: index + 1], let milestone = code(next, "m") {
            return (mention(commitment, milestone, words, index, length: 2), 2)
        }
        guard milestoneNouns.contains(word), let milestone = number(words[safe: index + 1]) else { return nil }
        // "Milestone 3.1": commitment 3, its milestone 1.
        if word == "milestone", digits(words[index + 1].utf8[...]) != nil, let second = words[safe: index + 2],
           let number = digits(second.utf8[...]) {
            return (mention(milestone, number, words, index, length: 3), 3)
        }
        for gap in 2...3 {
            let nounIndex = index + gap
            guard let noun = words[safe: nounIndex], commitmentNouns.contains(noun),
                  let commitment = number(words[safe: nounIndex + 1]) else { continue }
            if gap == 3, !["من", "of", "في", "ضمن"].contains(words[index + 2]) { continue }
            return (mention(commitment, milestone, words, index, length: nounIndex + 2 - index), nounIndex + 2 - index)
        }
        return nil
    }

    /// "الالتزام 3", "الالتزام رقم 3", "للالتزام الثالث", "Commitment No. 3", "commitment three", "third commitment".
    private static func commitment(at index: Int, in words: [String]) -> (ExplicitMention, Int)? {
        let word = words[index]
        if commitmentNouns.contains(word) {
            let skip = ["رقم", "no", "number"].contains(words[safe: index + 1] ?? "") ? 1 : 0
            guard let number = number(words[safe: index + 1 + skip]) else { return nil }
            let length = 2 + skip
            return (ExplicitMention(target: .commitment(CommitmentID("\(number)")!), phrase: phrase(words, index, length), notStarted: false), length)
        }
        if let next = words[safe: index + 1], next.utf8.elementsEqual("commitment".utf8), let number = englishOrdinals[word] {
            return (ExplicitMention(target: .commitment(CommitmentID("\(number)")!), phrase: phrase(words, index, 2), notStarted: false), 2)
        }
        return nil
    }

    private static func mention(_ commitment: Int, _ milestone: Int, _ words: [String], _ index: Int, length: Int) -> ExplicitMention {
        let id = MilestoneID("C\(commitment).M\(milestone)")!
        return ExplicitMention(target: .milestone(id), phrase: phrase(words, index, length), notStarted: reportsNotStarted(words, after: index + length))
    }

    /// Whether the words after a milestone's mention, up to the next milestone id, call it not started.
    private static func reportsNotStarted(_ words: [String], after start: Int) -> Bool {
        var index = start
        while index + 1 < min(words.count, start + 40) {
            if code(words[index], "c") != nil, code(words[index + 1], "m") != nil { return false }
            if words[index] == "لم", ["يبدا", "تبدا", "يبدأ"].contains(words[index + 1]) { return true }
            if words[index] == "not", words[index + 1] == "started" { return true }
            index += 1
        }
        return false
    }

    private static func phrase(_ words: [String], _ index: Int, _ length: Int) -> String {
        words[index..<min(words.count, index + length)].joined(separator: " ")
    }

    /// `c2` → 2 for prefix "c"; nil for anything else. Read as bytes: this runs on every word of every text.
    private static func code(_ word: String, _ prefix: Unicode.Scalar) -> Int? {
        let bytes = word.utf8
        guard bytes.count >= 2, bytes.count <= 3, bytes.first == UInt8(prefix.value) else { return nil }
        return digits(bytes.dropFirst())
    }

    /// Digits, or an ordinal or number word in Arabic or English, up to ten.
    private static func number(_ word: String?) -> Int? {
        guard let word else { return nil }
        if word.utf8.count <= 2, let value = digits(word.utf8[...]), value > 0 { return value }
        return arabicOrdinals[word] ?? englishOrdinals[word] ?? englishNumbers[word]
    }

    /// The value of ASCII digits; nil when any byte is not one.
    private static func digits(_ bytes: Substring.UTF8View) -> Int? {
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    static let commitmentNouns = NounForms(["الالتزام", "التزام", "للالتزام", "بالالتزام", "commitment"])
    static let milestoneNouns = NounForms(["المحور", "محور", "للمحور", "بالمحور", "milestone"])

    static let arabicOrdinals: [String: Int] = {
        let stems = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]
        var table: [String: Int] = ["الاولي": 1]
        for (offset, stem) in stems.enumerated() {
            table[stem] = offset + 1
            table[stem + "ه"] = offset + 1
        }
        return table
    }()

    static let englishOrdinals: [String: Int] = Dictionary(uniqueKeysWithValues: zip(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"], 1...10))
    static let englishNumbers: [String: Int] = Dictionary(uniqueKeysWithValues: zip(
        ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"], 1...10))
}

/// The forms of a noun, also behind the conjunction و or ف (والالتزام، وبالالتزام).
struct NounForms {
    private let forms: Set<Term>
    /// Whether some form ends in this UTF-8 byte. Every word of every text is asked for; most end otherwise and are
    /// turned away without hashing (a prefixed word ends as its form does).
    private let endings: [Bool]

    init(_ forms: Set<String>) {
        self.forms = Set(forms.map(Term.init))
        var endings = [Bool](repeating: false, count: 256)
        for form in forms { if let last = form.utf8.last { endings[Int(last)] = true } }
        self.endings = endings
    }

    func contains(_ word: String) -> Bool {
        guard let last = word.utf8.last, endings[Int(last)] else { return false }
        if forms.contains(Term(word)) { return true }
        guard let first = word.unicodeScalars.first, first == "و" || first == "ف" else { return false }
        return forms.contains(Term(String(word.unicodeScalars.dropFirst())))
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
