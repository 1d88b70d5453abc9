import BayyinaCore

/// One file of a ZIP container as its central directory describes it.
struct ZipEntryRecord {
    let path: String
    let method: UInt16
    let flags: UInt16
    let crc32: UInt32
    let compressedSize: Int64
    let uncompressedSize: Int64
    let localHeaderOffset: Int64

    var isEncrypted: Bool { flags & 1 != 0 }
}

/// Reads the central directory of a ZIP container (ZIP64 included), checking every size and offset against the file.
enum ZipDirectory {
    /// Largest central directory read into memory (about 200,000 entries).
    static let maximumDirectoryBytes: Int64 = 16 << 20

    static func entries(of file: PositionalFile) throws(BayyinaError) -> [String: ZipEntryRecord] {
        let (count, directorySize, directoryOffset) = try locateDirectory(in: file)
        guard directorySize <= maximumDirectoryBytes else {
            throw BayyinaError(.tooLarge, "The ZIP container's directory is \(directorySize / 1_048_576) MB, more than an Office file ever needs; it was refused.")
        }
        let directory = LittleEndianBytes(try file.bytes(Int(directorySize), at: directoryOffset))
        var entries: [String: ZipEntryRecord] = [:]
        var position = 0
        for _ in 0..<count {
            guard directory.uint32(at: position) == 0x0201_4B50, let nameLength = directory.uint16(at: position + 28),
                  let extraLength = directory.uint16(at: position + 30), let commentLength = directory.uint16(at: position + 32),
                  let nameBytes = directory.slice(at: position + 46, count: Int(nameLength)),
                  let extra = directory.slice(at: position + 46 + Int(nameLength), count: Int(extraLength))
            else { throw damaged }
            let record = try entry(directory, at: position, name: nameBytes, extra: LittleEndianBytes(extra))
            if !record.path.hasSuffix("/"), entries[record.path] == nil { entries[record.path] = record }
            position += 46 + Int(nameLength) + Int(extraLength) + Int(commentLength)
        }
        return entries
    }

    private static func entry(_ directory: LittleEndianBytes, at position: Int, name: [UInt8], extra: LittleEndianBytes)
        throws(BayyinaError) -> ZipEntryRecord
    {
        guard let flags = directory.uint16(at: position + 8), let method = directory.uint16(at: position + 10),
              let crc = directory.uint32(at: position + 16), let compressed32 = directory.uint32(at: position + 20),
              let uncompressed32 = directory.uint32(at: position + 24), let offset32 = directory.uint32(at: position + 42)
        else { throw damaged }
        // ZIP64 (extra field 0x0001) carries, in this order, each size or offset whose 32-bit field is saturated.
        var wide = zip64Fields(extra)
        func widened(_ value: UInt32) throws(BayyinaError) -> Int64 {
            guard value == .max else { return Int64(value) }
            guard !wide.isEmpty, wide[0] <= UInt64(Int64.max) else { throw damaged }
            return Int64(wide.removeFirst())
        }
        let uncompressed = try widened(uncompressed32)
        let compressed = try widened(compressed32)
        let offset = try widened(offset32)
        let path = String(validating: name, as: UTF8.self) ?? String(decoding: name, as: Unicode.ASCII.self)
        return ZipEntryRecord(
            path: path, method: method, flags: flags, crc32: crc, compressedSize: compressed,
            uncompressedSize: uncompressed, localHeaderOffset: offset
        )
    }

    private static func zip64Fields(_ extra: LittleEndianBytes) -> [UInt64] {
        var position = 0
        while let id = extra.uint16(at: position), let length = extra.uint16(at: position + 2) {
            if id == 0x0001 {
                return stride(from: 0, to: Int(length) - 7, by: 8).compactMap { extra.uint64(at: position + 4 + $0) }
            }
            position += 4 + Int(length)
        }
        return []
    }

    /// The number of entries, size and offset of the central directory, from the end record (and its ZIP64 form).
    private static func locateDirectory(in file: PositionalFile) throws(BayyinaError) -> (Int, Int64, Int64) {
        let tailLength = Int(min(file.size, 22 + 65_535))
        let tail = LittleEndianBytes(try file.bytes(tailLength, at: file.size - Int64(tailLength)))
        guard let end = stride(from: tailLength - 22, through: 0, by: -1).first(where: { tail.uint32(at: $0) == 0x0605_4B50 }),
              let count16 = tail.uint16(at: end + 10), let size32 = tail.uint32(at: end + 12), let offset32 = tail.uint32(at: end + 16)
        else {
            throw BayyinaError(.malformedContainer, "The file looks like a ZIP container but has no directory at its end; it is damaged or truncated.")
        }
        var count = Int64(count16), size = Int64(size32), offset = Int64(offset32)
        let endOffset = file.size - Int64(tailLength) + Int64(end)
        if count16 == .max || size32 == .max || offset32 == .max, endOffset >= 20 {
            let locator = LittleEndianBytes(try file.bytes(20, at: endOffset - 20))
            if locator.uint32(at: 0) == 0x0706_4B50, let recordOffset = locator.uint64(at: 8), recordOffset < UInt64(endOffset) {
                let record = LittleEndianBytes(try file.bytes(56, at: Int64(recordOffset)))
                guard record.uint32(at: 0) == 0x0606_4B50, let wideCount = record.uint64(at: 32),
                      let wideSize = record.uint64(at: 40), let wideOffset = record.uint64(at: 48),
                      wideSize < UInt64(file.size), wideOffset < UInt64(file.size), wideCount < UInt64(file.size)
                else { throw damaged }
                (count, size, offset) = (Int64(wideCount), Int64(wideSize), Int64(wideOffset))
            }
        }
        // Each directory entry takes at least 46 bytes, so a count the directory cannot hold is a lie.
        guard offset + size <= endOffset, count * 46 <= size else { throw damaged }
        return (Int(count), size, offset)
    }

    static let damaged = BayyinaError(.malformedContainer, "The ZIP container's directory is damaged: an entry, size or offset does not fit the file.")
}

/// Bounds-checked little-endian reads from a byte array; nil past the end.
struct LittleEndianBytes {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func uint16(at offset: Int) -> UInt16? { integer(at: offset, width: 2).map(UInt16.init) }
    func uint32(at offset: Int) -> UInt32? { integer(at: offset, width: 4).map(UInt32.init) }
    func uint64(at offset: Int) -> UInt64? { integer(at: offset, width: 8) }

    func slice(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, offset <= bytes.count - count else { return nil }
        return Array(bytes[offset..<offset + count])
    }

    private func integer(at offset: Int, width: Int) -> UInt64? {
        guard offset >= 0, offset <= bytes.count - width else { return nil }
        return (0..<width).reversed().reduce(0) { $0 << 8 | UInt64(bytes[offset + $1]) }
    }
}
