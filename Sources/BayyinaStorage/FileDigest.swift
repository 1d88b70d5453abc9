import BayyinaDigest
public import BayyinaCore
public import Foundation

/// Hashing and copying whole files in chunks, outside the store: evidence packs and backups.
public enum FileDigest {
    private static let chunkSize = 1 << 20

    /// The SHA-256 and size of a file; nil when it cannot be read.
    public static func hash(of url: URL) -> (hash: ContentHash, size: Int64)? {
        let input = open(url.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return nil }
        defer { close(input) }
        var hasher = SHA256Hasher()
        var size: Int64 = 0
        let completed = readAll(input) { chunk in
            hasher.update(chunk)
            size += Int64(chunk.count)
            return true
        }
        return completed ? (hasher.finalize(), size) : nil
    }

    /// Copies `source` to the new file `target`, hashing the bytes on the way.
    public static func copy(_ source: URL, to target: URL) throws(BayyinaError) -> (hash: ContentHash, size: Int64) {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            throw BayyinaError(.fileNotFound, "\(source.path) cannot be read: \(String(cString: strerror(errno))). Run bayyina verify.",
                               arabic: "تعذّرت قراءة \(source.path)؛ شغّل bayyina verify.")
        }
        defer { close(input) }
        let output = open(target.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard output >= 0 else {
            throw BayyinaError(.storageFailure, "Cannot create \(target.path): \(String(cString: strerror(errno))).",
                               arabic: "تعذّر إنشاء \(target.path).")
        }
        defer { close(output) }
        var hasher = SHA256Hasher()
        var size: Int64 = 0
        var writeFailed = false
        let completed = readAll(input) { chunk in
            hasher.update(chunk)
            size += Int64(chunk.count)
            var offset = 0
            while offset < chunk.count {
                let written = write(output, chunk.baseAddress! + offset, chunk.count - offset)
                if written < 0, errno == EINTR { continue }
                if written < 0 {
                    writeFailed = true
                    return false
                }
                offset += written
            }
            return true
        }
        guard completed, !writeFailed else {
            throw BayyinaError(.storageFailure, "Copying \(source.lastPathComponent) to \(target.path) failed: \(String(cString: strerror(errno))).",
                               arabic: "تعذّر نسخ \(source.lastPathComponent).")
        }
        return (hasher.finalize(), size)
    }

    /// Feeds the file's bytes to `body` chunk by chunk until the end, a read error, or `body` returning false.
    private static func readAll(_ descriptor: Int32, _ body: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(descriptor, buffer.baseAddress, chunkSize)
            if count < 0, errno == EINTR { continue }
            if count < 0 { return false }
            if count == 0 { return true }
            if !body(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { return false }
        }
    }
}
