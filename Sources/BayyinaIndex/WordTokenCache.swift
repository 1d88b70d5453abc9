import BayyinaCore
import Foundation

/// The index tokens of words seen before, keyed by the word's bytes as they appear in the text. Words and their
/// tokens live in one byte arena and are found through an open-addressing table of fixed-size slots, so looking
/// up a word that was seen before allocates nothing. Word frequencies are Zipfian: after a few documents nearly
/// every word is a hit. The cache empties itself when it holds `wordLimit` words.
struct WordTokenCache {
    /// Where a cached word and its tokens lie in the arena; `wordLength == 0` marks an empty slot.
    private struct Slot {
        var hash: UInt64 = 0
        var wordStart: Int32 = 0
        var wordLength: Int32 = 0
        var tokenCount: Int32 = 0
    }

    private let wordLimit: Int
    /// Each entry: the word's bytes, then per token a two-byte length and the token's bytes.
    private var arena: [UInt8] = []
    private var slots: [Slot]
    private var count = 0

    init(wordLimit: Int = 100_000) {
        self.wordLimit = wordLimit
        slots = [Slot](repeating: Slot(), count: 1024)
        arena.reserveCapacity(1 << 20)
    }

    /// Calls `body` with each token of `word` in order (computed by `derive` on a miss), stopping at the first
    /// non-zero result, which it returns; 0 when every call returned 0.
    mutating func forEachToken(
        of word: UnsafeRawBufferPointer, derive: (UnsafeRawBufferPointer) -> [[UInt8]],
        _ body: (_ index: Int, _ token: UnsafeRawBufferPointer) -> Int32
    ) -> Int32 {
        guard word.count > 0 else { return 0 }
        let hash = Self.hash(word)
        let slot = find(word, hash: hash) ?? insert(word, hash: hash, tokens: derive(word))
        let entry = slots[slot]
        return arena.withUnsafeBytes { bytes in
            var offset = Int(entry.wordStart + entry.wordLength)
            for index in 0..<Int(entry.tokenCount) {
                let length = Int(bytes[offset]) | Int(bytes[offset + 1]) << 8
                let result = body(index, UnsafeRawBufferPointer(rebasing: bytes[offset + 2..<offset + 2 + length]))
                if result != 0 { return result }
                offset += 2 + length
            }
            return 0
        }
    }

    /// The slot holding `word`, or nil.
    private func find(_ word: UnsafeRawBufferPointer, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        return arena.withUnsafeBytes { bytes in
            while true {
                let slot = slots[position]
                if slot.wordLength == 0 { return nil }
                if slot.hash == hash, Int(slot.wordLength) == word.count,
                   memcmp(bytes.baseAddress! + Int(slot.wordStart), word.baseAddress!, word.count) == 0 {
                    return position
                }
                position = (position + 1) & mask
            }
        }
    }

    /// Stores `word` and its tokens and returns its slot; empties the cache first when it is full.
    private mutating func insert(_ word: UnsafeRawBufferPointer, hash: UInt64, tokens: [[UInt8]]) -> Int {
        if count >= wordLimit {
            arena.removeAll(keepingCapacity: true)
            slots = [Slot](repeating: Slot(), count: 1024)
            count = 0
        }
        if (count + 1) * 2 > slots.count { grow() }
        let start = Int32(arena.count)
        arena.append(contentsOf: word)
        var kept = 0
        for token in tokens where token.count <= Int(UInt16.max) {
            arena.append(UInt8(truncatingIfNeeded: token.count))
            arena.append(UInt8(truncatingIfNeeded: token.count >> 8))
            arena.append(contentsOf: token)
            kept += 1
        }
        let mask = slots.count - 1
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position].wordLength != 0 { position = (position + 1) & mask }
        slots[position] = Slot(hash: hash, wordStart: start, wordLength: Int32(word.count), tokenCount: Int32(kept))
        count += 1
        return position
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where slot.wordLength != 0 {
            var position = Int(truncatingIfNeeded: slot.hash) & mask
            while slots[position].wordLength != 0 { position = (position + 1) & mask }
            slots[position] = slot
        }
    }

    /// FNV-1a over the bytes, with a final mix so the low bits used for the slot depend on every byte.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = FNV1a()
        hash.combine(bytes: bytes)
        return hash.value ^ (hash.value >> 29)
    }
}
