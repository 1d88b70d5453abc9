import BayyinaCore
import Foundation

/// Reads parts of an Office or OpenDocument container into memory, never past the inflation limits.
final class ZipContainer {
    private let file: PositionalFile
    private let limits: ExtractionLimits
    private let entries: [String: ZipEntryRecord]
    private var inflatedBytes: Int64 = 0

    init(url: URL, limits: ExtractionLimits) throws(BayyinaError) {
        file = try PositionalFile(url: url)
        self.limits = limits
        entries = try ZipDirectory.entries(of: file)
    }

    func contains(_ path: String) -> Bool { entries[path] != nil }

    /// The inflated bytes of a part, nil when the container has no such part.
    func read(_ path: String) throws(BayyinaError) -> Data? {
        guard let entry = entries[path] else { return nil }
        if entry.uncompressedSize > limits.maximumEntryBytes { throw inflationLimit(path, entry.uncompressedSize) }
        if entry.isEncrypted {
            throw BayyinaError(.encryptedDocument, "\(path) inside the container is encrypted; save the document without a password and ingest it again.")
        }
        let dataOffset = try self.dataOffset(of: entry)
        guard dataOffset + entry.compressedSize <= file.size else { throw PositionalFile.pastEnd }
        var data = Data()
        let checksum: UInt32
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else { throw ZipDirectory.damaged }
            try count(entry.compressedSize, path, entryBytes: 0)
            data = Data(try file.bytes(Int(entry.compressedSize), at: dataOffset))
            checksum = RawInflate.checksum(data)
        case 8:
            var entryBytes: Int64 = 0
            checksum = try RawInflate.inflate(file, offset: dataOffset, length: entry.compressedSize, part: path) { chunk throws(BayyinaError) in
                try count(Int64(chunk.count), path, entryBytes: entryBytes)
                entryBytes += Int64(chunk.count)
                data.append(contentsOf: chunk)
            }
        default:
            throw BayyinaError(.malformedContainer, "\(path) inside the container uses compression method \(entry.method), which Office and OpenDocument files never use; save the document again in its application.")
        }
        guard checksum == entry.crc32 else {
            throw BayyinaError(.malformedContainer, "\(path) inside the container fails its CRC-32 check; the file is damaged.")
        }
        return data
    }

    /// Adds `size` inflated bytes to the part's and the container's counts, refusing past either limit.
    private func count(_ size: Int64, _ path: String, entryBytes: Int64) throws(BayyinaError) {
        inflatedBytes += size
        if entryBytes + size > limits.maximumEntryBytes || inflatedBytes > limits.maximumInflatedBytes {
            throw inflationLimit(path, entryBytes + size)
        }
    }

    /// Where a part's data starts: after its local header, whose name and extra field lengths may differ from the directory's.
    private func dataOffset(of entry: ZipEntryRecord) throws(BayyinaError) -> Int64 {
        let header = LittleEndianBytes(try file.bytes(30, at: entry.localHeaderOffset))
        guard header.uint32(at: 0) == 0x0403_4B50, let nameLength = header.uint16(at: 26), let extraLength = header.uint16(at: 28)
        else { throw ZipDirectory.damaged }
        return entry.localHeaderOffset + 30 + Int64(nameLength) + Int64(extraLength)
    }

    private func inflationLimit(_ path: String, _ size: Int64) -> BayyinaError {
        BayyinaError(.tooLarge, "\(path) inflates to more than \(size / 1_048_576) MB, past the decompressed size limit of \(limits.maximumEntryBytes / 1_048_576) MB per part; the file looks like a zip bomb and was refused.")
    }
}
