/// Splits text into words the way search sees them: runs of letters, digits and marks (and private-use scalars),
/// keeping only runs that hold a letter or a digit. ASCII and the Arabic letters and digits are decided
/// without a Unicode property look-up, which dominates otherwise.
public enum WordRuns {
    /// The words of `text`; `excluded` scalars end a word whatever their category. Read as UTF-8 bytes, each word
    /// copied out once.
    public static func words(in text: some StringProtocol, excluding excluded: (Unicode.Scalar) -> Bool = { _ in false }) -> [String] {
        var string = String(text)
        return string.withUTF8 { bytes in
            var words: [String] = []
            var start: Int?
            var hasLetterOrDigit = false
            var offset = 0
            while offset < bytes.count {
                let (scalar, length) = decode(bytes, at: offset)
                if !excluded(scalar), let kind = kind(of: scalar) {
                    if start == nil { start = offset }
                    hasLetterOrDigit = hasLetterOrDigit || kind == .letterOrDigit
                } else if let first = start {
                    if hasLetterOrDigit { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<offset]), as: UTF8.self)) }
                    start = nil
                    hasLetterOrDigit = false
                }
                offset += length
            }
            if let first = start, hasLetterOrDigit {
                words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<bytes.count]), as: UTF8.self))
            }
            return words
        }
    }

    /// The scalar that starts at `offset` of valid UTF-8 (a String's own bytes), and its length in bytes.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[offset])
        let value: UInt32, length: Int
        switch lead {
        case ..<0x80: return (Unicode.Scalar(UInt8(lead)), 1)
        case ..<0xE0: (value, length) = (lead & 0x1F, 2)
        case ..<0xF0: (value, length) = (lead & 0x0F, 3)
        default: (value, length) = (lead & 0x07, 4)
        }
        var scalar = value
        for index in 1..<length { scalar = scalar << 6 | UInt32(bytes[offset + index] & 0x3F) }
        return (Unicode.Scalar(scalar) ?? "\u{FFFD}", length)
    }

    private enum Kind { case letterOrDigit, other }

    /// Whether a scalar belongs in a word, and whether it is a letter or digit; nil for separators.
    private static func kind(of scalar: Unicode.Scalar) -> Kind? {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x0621...0x064A, 0x0660...0x0669: return .letterOrDigit
        case 0...0x7F: return nil
        default: break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark, .privateUse:
            return properties.isAlphabetic || properties.numericType != nil ? .letterOrDigit : .other
        default:
            return nil
        }
    }
}
