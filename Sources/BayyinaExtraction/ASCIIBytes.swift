/// Byte-level reading of the ASCII keywords in markup and headers (`<html`, `charset=`): a small part of what the
/// same look-ups cost on `String` (Unicode case mapping, Foundation's search) or through the generic collection
/// search of the standard library, which is not specialized for bytes.
extension Sequence<UInt8> {
    /// The bytes with ASCII capitals made small; every other byte as it is.
    func asciiLowercased() -> [UInt8] {
        map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }
}

extension [UInt8] {
    /// Where the UTF-8 bytes of `keyword` first occur, as an offset; nil when they do not.
    func firstOffset(of keyword: String) -> Int? {
        let needle = Array(keyword.utf8)
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty ? 0 : nil }
        return withUnsafeBufferPointer { haystack in
            candidates: for start in 0...(haystack.count - needle.count) {
                for offset in needle.indices where haystack[start + offset] != needle[offset] { continue candidates }
                return start
            }
            return nil
        }
    }
}
