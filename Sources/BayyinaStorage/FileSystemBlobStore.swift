import BayyinaDigest
public import BayyinaCore
internal import CFileSystem
public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Originals under `blobs/sha256/ab/cd/<hash>`, staged in `tmp/` on the same file system, flushed and renamed
/// into place a batch at a time (one `syncfs` before and one after the renames), so a crash leaves either
/// nothing or complete files.
public struct FileSystemBlobStore: BlobStore {
    public let root: URL
    private var blobs: URL { root.appendingPathComponent("blobs/sha256", isDirectory: true) }
    /// Where files wait before they join the store (same file system, so a rename moves them in); whatever is
    /// left here is a staging leftover for `verify`.
    public var staging: URL { root.appendingPathComponent("tmp", isDirectory: true) }
    private var quarantine: URL { root.appendingPathComponent("quarantine", isDirectory: true) }
    private static let chunkSize = 1 << 20

    public init(root: URL) throws(BayyinaError) {
        self.root = root
        for directory in [blobs, staging] {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw BayyinaError(.storageFailure, "Cannot create \(directory.path); check that the store folder is writable.", underlying: error)
            }
        }
    }

    public func url(for hash: ContentHash) -> URL {
        root.appendingPathComponent(Self.relativePath(of: hash), isDirectory: false)
    }

    /// Where an original lies below the store's root: `blobs/sha256/ab/cd/<hash>`.
    public static func relativePath(of hash: ContentHash) -> String {
        let hex = hash.hex
        return "blobs/sha256/\(hex.prefix(2))/\(hex.dropFirst(2).prefix(2))/\(hex)"
    }

    public func contains(_ hash: ContentHash) -> Bool {
        FileManager.default.fileExists(atPath: url(for: hash).path)
    }

    public func stage(contentsOf source: URL, sizeLimit: Int64) throws(BayyinaError) -> StagedBlob {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            let reason = errno == ENOENT ? "does not exist" : "cannot be read (\(String(cString: strerror(errno))))"
            throw BayyinaError(errno == ENOENT ? .fileNotFound : .unreadableFile, "\(source.path) \(reason).")
        }
        defer { close(input) }
        var status = stat()
        guard fstat(input, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            throw BayyinaError(.unreadableFile, "\(source.path) is not a regular file.")
        }
        if Int64(status.st_size) > sizeLimit { throw Self.tooLarge(Int64(status.st_size), sizeLimit) }
        // A random name from getrandom(2), not a UUID (which opens /dev/urandom each time); O_EXCL below refuses a clash.
        let target = staging.appendingPathComponent("stage-\(String(UInt64.random(in: .min ... .max), radix: 16))", isDirectory: false)
        let output = open(target.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else {
            throw BayyinaError(.storageFailure, "Cannot write to \(staging.path): \(String(cString: strerror(errno))).")
        }
        var hasher = SHA256Hasher()
        var total: Int64 = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        defer { buffer.deallocate() }
        do throws(BayyinaError) {
            while true {
                let count = read(input, buffer.baseAddress, Self.chunkSize)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw BayyinaError(.unreadableFile, "Reading \(source.path) failed: \(String(cString: strerror(errno))).")
                }
                if count == 0 { break }
                total += Int64(count)
                if total > sizeLimit { throw Self.tooLarge(total, sizeLimit) }
                let chunk = UnsafeRawBufferPointer(rebasing: buffer[0..<count])
                hasher.update(chunk)
                try Self.writeAll(output, chunk, to: target)
            }
        } catch {
            close(output)
            unlink(target.path)
            throw error
        }
        // Read-only once whole; the folders it will move into are made here, on every core, rather than in the
        // commit, which runs one batch at a time.
        fchmod(output, 0o444)
        close(output)
        let hash = hasher.finalize()
        do throws(BayyinaError) {
            try makeFolders(for: hash)
        } catch {
            unlink(target.path)
            throw error
        }
        return StagedBlob(hash: hash, size: total, url: target)
    }

    /// Creates the two folder levels that hold `hash`'s original, when they do not exist yet.
    private func makeFolders(for hash: ContentHash) throws(BayyinaError) {
        let directory = url(for: hash).deletingLastPathComponent()
        for level in [directory.deletingLastPathComponent(), directory] where mkdir(level.path, 0o755) != 0 && errno != EEXIST {
            throw BayyinaError(.storageFailure, "Cannot create \(level.path): \(String(cString: strerror(errno))).")
        }
    }

    public func commit(_ batch: [StagedBlob]) throws(BayyinaError) {
        guard !batch.isEmpty else { return }
        try flushFileSystem()
        for staged in batch {
            let destination = url(for: staged.hash)
            if access(destination.path, F_OK) == 0 {
                discard(staged)
                continue
            }
            var moved = rename(staged.url.path, destination.path) == 0
            if !moved, errno == ENOENT {
                // Its folders went away after it was staged (removed by hand); make them again.
                try makeFolders(for: staged.hash)
                moved = rename(staged.url.path, destination.path) == 0
            }
            guard moved else {
                throw BayyinaError(.storageFailure, "Cannot move the original into \(destination.path): \(String(cString: strerror(errno))).")
            }
        }
        try flushFileSystem()
    }

    /// Makes every write and rename on the store's file system durable.
    private func flushFileSystem() throws(BayyinaError) {
        try Self.flushFileSystem(containing: root)
    }

    /// Makes every write and rename on the file system that holds `folder` durable (one `syncfs`, however many
    /// files were written).
    public static func flushFileSystem(containing folder: URL) throws(BayyinaError) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if descriptor >= 0 { close(descriptor) } }
        guard descriptor >= 0, bayyina_syncfs(descriptor) == 0 else {
            throw BayyinaError(.storageFailure, "Cannot flush \(folder.path) to disk: \(String(cString: strerror(errno))).",
                               arabic: "تعذّر حفظ \(folder.path) على القرص.")
        }
    }

    public func discard(_ staged: StagedBlob) {
        unlink(staged.url.path)
    }

    public func audit(known: Set<ContentHash>) -> BlobAudit {
        var audit = BlobAudit()
        var seen = Set<ContentHash>()
        let files = FileManager.default.enumerator(at: blobs, includingPropertiesForKeys: [.isRegularFileKey])
        while let file = files?.nextObject() as? URL {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            guard let hash = ContentHash(hex: file.lastPathComponent), url(for: hash).path == file.path else {
                audit.strayFiles.append(file.path)
                continue
            }
            audit.checked += 1
            seen.insert(hash)
            if Self.hashFile(at: file) != hash { audit.corrupted.append(hash) }
            if !known.contains(hash) { audit.orphaned.append(hash) }
        }
        audit.missing = known.subtracting(seen).sorted()
        audit.staleStagingFiles = (try? FileManager.default.contentsOfDirectory(atPath: staging.path).count) ?? 0
        return audit
    }

    public func repair(_ audit: BlobAudit) throws(BayyinaError) {
        do {
            for hash in audit.orphaned where !audit.corrupted.contains(hash) {
                try FileManager.default.removeItem(at: url(for: hash))
            }
            if !audit.corrupted.isEmpty {
                try FileManager.default.createDirectory(at: quarantine, withIntermediateDirectories: true)
                for hash in audit.corrupted {
                    let target = quarantine.appendingPathComponent("\(hash.hex)-\(UUID().uuidString)")
                    try FileManager.default.moveItem(at: url(for: hash), to: target)
                }
            }
            for path in audit.strayFiles { try FileManager.default.removeItem(atPath: path) }
            for name in try FileManager.default.contentsOfDirectory(atPath: staging.path) {
                try FileManager.default.removeItem(at: staging.appendingPathComponent(name))
            }
        } catch {
            throw BayyinaError(.storageFailure, "Repair could not finish: \(error.localizedDescription)", underlying: error)
        }
    }

    static func hashFile(at url: URL) -> ContentHash? {
        FileDigest.hash(of: url)?.hash
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, to target: URL) throws(BayyinaError) {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw BayyinaError(.storageFailure, "Cannot write \(target.path): \(String(cString: strerror(errno))).")
            }
            offset += written
        }
    }

    private static func tooLarge(_ size: Int64, _ limit: Int64) -> BayyinaError {
        BayyinaError(.tooLarge, "The file is \(size / 1_048_576 + 1) MB; the limit is \(limit / 1_048_576) MB. Split it or ask an administrator to raise the limit.")
    }
}
