import Foundation

/// Folds the spelling variants of Arabic (and Latin) words to one index form.
///
/// NFKC (presentation forms and lam-alef ligatures), then: أ إ آ ٱ → ا, ى ی → ي, ة → ه, no tatweel,
/// no harakat or Quranic marks, no format characters, Arabic-Indic and Eastern Arabic-Indic digits → 0-9,
/// Latin lower-cased without diacritics. Pure; used on whole text or on single tokens.
public enum ArabicNormalizer {
    public static func normalize(_ text: some StringProtocol) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        let source = needsCompatibilityMapping(text) ? String(text).precomposedStringWithCompatibilityMapping : String(text)
        // Written as UTF-8 bytes: appending scalars to a String one at a time costs several times more.
        var output: [UInt8] = []
        output.reserveCapacity(source.utf8.count)
        for scalar in source.unicodeScalars {
            fold(scalar, into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func fold(_ scalar: Unicode.Scalar, into output: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0x0610...0x061A, 0x064B...0x065F, 0x0670, 0x06D6...0x06DC, 0x06DF...0x06E8, 0x06EA...0x06ED:
            return  // harakat, tanween, shadda, sukun, superscript alef, Quranic marks
        case 0x0640:
            return  // tatweel
        case 0x00AD, 0x061C, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF:
            return  // format characters
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673:
            append(0x0627, to: &output)
        case 0x0649, 0x06CC:
            append(0x064A, to: &output)
        case 0x0629:
            append(0x0647, to: &output)
        case 0x06A9:
            append(0x0643, to: &output)
        case 0x0660...0x0669:
            output.append(UInt8(0x30 + value - 0x0660))
        case 0x06F0...0x06F9:
            output.append(UInt8(0x30 + value - 0x06F0))
        case 0x41...0x5A:
            output.append(UInt8(value + 0x20))
        case 0xC0...0x24F:
            output.append(contentsOf: latinFolds[Int(value) - 0xC0])
        case 0x1E00...0x1EFF:
            output.append(contentsOf: latinExtendedFolds[Int(value) - 0x1E00])
        case 0x0300...0x036F:
            return  // combining Latin diacritics
        case 0...0x024F, 0x0600...0x06FF:
            append(value, to: &output)  // no case to fold: decided without a Unicode property lookup
        default:
            if scalar.properties.isUppercase {
                output.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                append(value, to: &output)
            }
        }
    }

    /// The folded UTF-8 of U+00C0–U+024F and of U+1E00–U+1EFF (Latin letters with diacritics): decomposed,
    /// lower-cased and without combining marks. Computed once: Foundation's decomposition allocates Strings on every
    /// call, and PDFs of French or transliterated names paid that per letter.
    private static let latinFolds = (0xC0...0x24F).map(latinFold)
    private static let latinExtendedFolds = (0x1E00...0x1EFF).map(latinFold)

    private static func latinFold(_ value: Int) -> [UInt8] {
        guard let scalar = Unicode.Scalar(value) else { return [] }
        var output: [UInt8] = []
        for folded in String(scalar).decomposedStringWithCanonicalMapping.lowercased().unicodeScalars
        where !(0x0300...0x036F).contains(folded.value) {
            append(folded.value, to: &output)
        }
        return output
    }

    /// Appends a scalar value's UTF-8 encoding.
    private static func append(_ value: UInt32, to output: inout [UInt8]) {
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | value >> 6))
            output.append(UInt8(0x80 | value & 0x3F))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | value >> 12))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        default:
            output.append(UInt8(0xF0 | value >> 18))
            output.append(UInt8(0x80 | value >> 12 & 0x3F))
            output.append(UInt8(0x80 | value >> 6 & 0x3F))
            output.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// NFKC changes only scalars outside the basic Latin and Arabic blocks that the folding below handles itself
    /// (combining marks are dropped there): skipping it for the common case is much faster.
    private static func needsCompatibilityMapping(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains { scalar in
            let value = scalar.value
            return value >= 0x2000 || (0x0250...0x02FF).contains(value) || (0x0374...0x05FF).contains(value)
                || (0x0700...0x1DFF).contains(value) || value == 0xA0 || (0xA8...0xBE).contains(value)
        }
    }

    /// True when the scalar is an Arabic letter after normalization.
    public static func isArabicLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x0621...0x064A).contains(scalar.value) || (0x066E...0x06D3).contains(scalar.value)
    }
}
