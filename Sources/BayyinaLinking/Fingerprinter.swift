public import BayyinaCore

/// Computes the MinHash ``TextFingerprint`` of a text over its three-word shingles.
public enum Fingerprinter {
    static let shingleWidth = 3

    public static func fingerprint(_ terms: TextTerms) -> TextFingerprint {
        var shingles: [UInt64] = []
        if terms.words.count >= shingleWidth {
            shingles.reserveCapacity(terms.words.count - shingleWidth + 1)
            for start in 0...(terms.words.count - shingleWidth) {
                var hash = FNV1a()
                for word in terms.words[start..<start + shingleWidth] {
                    hash.combine(bytes: word.utf8)
                    hash.combine(0x20)
                }
                shingles.append(hash.value)
            }
        }
        // Sorted, so that each distinct shingle is taken once by skipping repeats (cheaper than hashing into a set).
        shingles.sort()
        var distinct = 0
        var signature = [UInt32](repeating: .max, count: TextFingerprint.length)
        // Through buffers of fixed length, with no bounds checks: the compiler then does the 64 mixes of a shingle
        // side by side in vector registers (this loop was a fifth of the link step).
        seeds.withUnsafeBufferPointer { seeds in
            signature.withUnsafeMutableBufferPointer { signature in
                for (position, shingle) in shingles.enumerated() where position == 0 || shingle != shingles[position - 1] {
                    distinct += 1
                    for index in 0..<TextFingerprint.length {
                        let value = UInt32(truncatingIfNeeded: mix(shingle ^ seeds[index]) >> 32)
                        signature[index] = min(signature[index], value)
                    }
                }
            }
        }
        return TextFingerprint(signature: signature, shingles: distinct)!
    }

    /// One fixed seed per signature value, so fingerprints stay comparable across runs and machines.
    private static let seeds: [UInt64] = {
        var state: UInt64 = 0x6261_7979_696E_6121
        return (0..<TextFingerprint.length).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            return mix(state)
        }
    }()

    /// The SplitMix64 finalizer: spreads every input bit over the whole output.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
