/// Splits text into words the way search sees them: runs of letters, digits and marks (and private-use scalars),
/// keeping only runs that hold a letter or a digit. ASCII and the Arabic letters and digits are decided
/// without a Unicode property look-up, which dominates otherwise.
public enum WordRuns {
    /// The words of `text`; `excluded` scalars end a word whatever their category.
    public static func words(in text: some StringProtocol, excluding excluded: (Unicode.Scalar) -> Bool = { _ in false }) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var hasLetterOrDigit = false
        for scalar in text.unicodeScalars {
            if !excluded(scalar), let kind = kind(of: scalar) {
                current.append(scalar)
                hasLetterOrDigit = hasLetterOrDigit || kind == .letterOrDigit
            } else if !current.isEmpty {
                if hasLetterOrDigit { words.append(String(current)) }
                current = String.UnicodeScalarView()
                hasLetterOrDigit = false
            }
        }
        if hasLetterOrDigit { words.append(String(current)) }
        return words
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
