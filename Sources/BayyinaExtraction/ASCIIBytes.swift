import Foundation

/// Byte-level reading of the ASCII keywords in markup, headers and PDF syntax (`<html`, `charset=`, `/Encrypt`): a
/// small part of what the same look-ups cost on `String` (Unicode case mapping, Foundation's search) or through the
/// generic collection search of the standard library, which is not specialized for bytes.
extension Sequence<UInt8> {
    /// The bytes with ASCII capitals made small; every other byte as it is.
    func asciiLowercased() -> [UInt8] {
        map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Where the UTF-8 bytes of `keyword` first occur, as an offset (memchr to its first byte, then a compare); nil
    /// when they do not.
    func firstOffset(of keyword: String) -> Int? {
        let pattern = Array(keyword.utf8)
        guard let first = pattern.first else { return 0 }
        guard let base = baseAddress else { return nil }
        var offset = 0
        while count - offset >= pattern.count {
            guard let hit = memchr(base + offset, Int32(first), count - offset - pattern.count + 1) else { return nil }
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, pattern, pattern.count) == 0 { return index }
            offset = index + 1
        }
        return nil
    }
}

extension [UInt8] {
    /// Where the UTF-8 bytes of `keyword` first occur, as an offset; nil when they do not.
    func firstOffset(of keyword: String) -> Int? {
        withUnsafeBufferPointer { $0.firstOffset(of: keyword) }
    }
}
