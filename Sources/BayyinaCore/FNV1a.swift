/// 64-bit FNV-1a: a fast hash whose values stay the same from run to run and machine to machine (fingerprint band
/// keys are stored), unlike Swift's seeded `Hasher`.
public struct FNV1a {
    @usableFromInline var state: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The hash of everything combined so far.
    @inlinable
    public var value: UInt64 { state }

    @inlinable
    public init() {}

    /// Mixes in one value (a byte, or a whole number taken as one step).
    @inlinable
    public mutating func combine(_ item: UInt64) {
        state = (state ^ item) &* 0x0000_0100_0000_01B3
    }

    /// Mixes in bytes one at a time.
    @inlinable
    public mutating func combine(bytes: some Sequence<UInt8>) {
        for byte in bytes { combine(UInt64(byte)) }
    }
}
