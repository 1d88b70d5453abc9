/// A MinHash signature of a text's word shingles: two texts agree in about as many of its values as the share of
/// shingles they have in common (their Jaccard similarity).
public struct TextFingerprint: Hashable, Sendable {
    /// Values in a signature.
    public static let length = 64
    /// Bands of ``rowsPerBand`` values: texts that agree on a whole band become candidates (locality-sensitive hashing).
    public static let bands = 16
    public static let rowsPerBand = 4
    /// Estimated similarity from which two texts are versions of one piece of evidence.
    public static let versionThreshold = 0.5
    /// Fewer shingles than this say too little to group a text with others.
    public static let minimumShingles = 20

    public let signature: [UInt32]
    public let shingles: Int

    public init?(signature: [UInt32], shingles: Int) {
        guard signature.count == Self.length else { return nil }
        self.signature = signature
        self.shingles = shingles
    }

    /// Whether the text is long enough to be compared.
    public var isComparable: Bool { shingles >= Self.minimumShingles }

    /// The share of signature values two fingerprints agree on: an estimate of their Jaccard similarity.
    public func similarity(to other: TextFingerprint) -> Double {
        Double(zip(signature, other.signature).filter { $0 == $1 }.count) / Double(Self.length)
    }

    /// One key per band; equal keys in the same band make two documents candidates.
    public var bandKeys: [Int64] {
        (0..<Self.bands).map { band in
            var hash = FNV1a()
            for value in signature[band * Self.rowsPerBand..<(band + 1) * Self.rowsPerBand] { hash.combine(UInt64(value)) }
            return Int64(bitPattern: hash.value)
        }
    }

    /// The signature as little-endian bytes, for storage.
    public var bytes: [UInt8] {
        signature.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
    }

    /// Reads ``bytes`` back; nil when the stored value is not a signature.
    public init?(bytes: [UInt8], shingles: Int) {
        guard bytes.count == Self.length * 4 else { return nil }
        let values = stride(from: 0, to: bytes.count, by: 4).map { start in
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[start + $1]) << ($1 * 8) }
        }
        self.init(signature: values, shingles: shingles)
    }
}
