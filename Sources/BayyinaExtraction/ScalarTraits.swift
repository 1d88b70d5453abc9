import Foundation

/// The Unicode properties the text-layer checks ask of every scalar, from a table built once for the scalars below
/// U+2070 (Latin, Greek, Cyrillic, Hebrew, Arabic, general punctuation: nearly every scalar of the evidence) instead
/// of a property lookup per scalar; other scalars are asked of the Unicode database as before.
struct ScalarTraits: OptionSet {
    let rawValue: UInt8
    static let whitespace = ScalarTraits(rawValue: 1 << 0)
    static let punctuation = ScalarTraits(rawValue: 1 << 1)
    /// A letter or digit (alphabetic, or with a numeric type).
    static let wordCharacter = ScalarTraits(rawValue: 1 << 2)
    static let control = ScalarTraits(rawValue: 1 << 3)
    /// NFKC leaves it as it is, alone or after another scalar (it is no combining mark that composes). Known only
    /// for the scalars of the table: asking Foundation's NFKC per scalar is what the table saves.
    static let foldsToItself = ScalarTraits(rawValue: 1 << 4)

    private static let tableSize = 0x2070
    private static let table: [ScalarTraits] = (0..<tableSize).map { value in
        let scalar = Unicode.Scalar(UInt32(value))!
        var traits = computed(scalar)
        let composes = (0x0300...0x036F).contains(value) || (0x0653...0x0655).contains(value)
        if !composes, String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars.elementsEqual([scalar]) {
            traits.insert(.foldsToItself)
        }
        return traits
    }

    static func of(_ scalar: Unicode.Scalar) -> ScalarTraits {
        scalar.value < tableSize ? table[Int(scalar.value)] : computed(scalar)
    }

    /// The property traits of a scalar, from the Unicode database (without ``foldsToItself``).
    private static func computed(_ scalar: Unicode.Scalar) -> ScalarTraits {
        let properties = scalar.properties
        var traits: ScalarTraits = []
        if properties.isWhitespace { traits.insert(.whitespace) }
        switch properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation:
            traits.insert(.punctuation)
        case .control:
            traits.insert(.control)
        default:
            break
        }
        if properties.isAlphabetic || properties.numericType != nil { traits.insert(.wordCharacter) }
        return traits
    }

    /// Whether NFKC leaves `scalar` as it is where it stands (the standard quick check: it folds to itself, and a
    /// combining mark comes in canonical order after the one before, whose class `previousClass` holds); false for
    /// any scalar past the table. Called on each scalar of a text in turn.
    static func foldsToItself(_ scalar: Unicode.Scalar, after previousClass: inout UInt8) -> Bool {
        guard scalar.value < tableSize, table[Int(scalar.value)].contains(.foldsToItself) else { return false }
        let combiningClass = combiningClasses[Int(scalar.value)]
        defer { previousClass = combiningClass }
        return combiningClass == 0 || previousClass <= combiningClass
    }

    private static let combiningClasses: [UInt8] = (0..<tableSize).map {
        Unicode.Scalar(UInt32($0))!.properties.canonicalCombiningClass.rawValue
    }
}
