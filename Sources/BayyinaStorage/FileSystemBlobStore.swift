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
    /// The path of `staging`, kept as text: staging builds a path for every file, and `URL` makes that several
    /// times slower.
    private let stagingPath: String
    /// Open descriptors of `blobs/sha256` and `staging`: every file's folders, staging file and rename are named
    /// relative to them, not by a path the kernel walks from `/` each time.
    private let folders: FolderDescriptors
    private var blobs: URL { root.appendingPathComponent(Self.blobsFolder, isDirectory: true) }
    private static let blobsFolder = "blobs/sha256"
    /// Where files wait before they join the store (same file system, so a rename moves them in); whatever is
    /// left here is a staging leftover for `verify`.
    public var staging: URL { URL(fileURLWithPath: stagingPath, isDirectory: true) }
    private var quarantine: URL { root.appendingPathComponent("quarantine", isDirectory: true) }
    private static let chunkSize = 1 << 20

    public init(root: URL) throws(BayyinaError) {
        self.root = root
        let blobs = root.appendingPathComponent(Self.blobsFolder, isDirectory: true)
        let staging = root.appendingPathComponent("tmp", isDirectory: true)
        for directory in [blobs, staging] {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw BayyinaError(.storageFailure, "Cannot create \(directory.path); check that the store folder is writable.", underlying: error)
            }
        }
        stagingPath = staging.path
        folders = try FolderDescriptors(blobs: blobs.path, staging: stagingPath)
    }

    public func url(for hash: ContentHash) -> URL {
        root.appendingPathComponent(Self.relativePath(of: hash), isDirectory: false)
    }

    /// Where an original lies below the store's root: `blobs/sha256/ab/cd/<hash>`.
    public static func relativePath(of hash: ContentHash) -> String {
        "\(blobsFolder)/\(pathInBlobs(of: hash))"
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
        // Created read-only (0444): this descriptor may still write it, later opens for writing are refused.
        let name = "stage-\(String(UInt64.random(in: .min ... .max), radix: 16))"
        let target = "\(stagingPath)/\(name)"
        let output = openat(folders.staging, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o444)
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
            unlinkat(folders.staging, name, 0)
            throw error
        }
        close(output)
        let hash = hasher.finalize()
        // The folders it will move into are made here, on every core, rather than in the commit, which runs one
        // batch at a time.
        do throws(BayyinaError) {
            try makeFolders(for: hash)
        } catch {
            unlinkat(folders.staging, name, 0)
            throw error
        }
        return StagedBlob(hash: hash, size: total, path: target, name: name)
    }

    /// Where `hash`'s original lies below `blobs/sha256`: `ab/cd/<hash>`.
    private static func pathInBlobs(of hash: ContentHash) -> String {
        "\(levels(of: hash).inner)/\(hash.hex)"
    }

    /// The two folder levels below `blobs/sha256` that hold `hash`'s original: `ab` and `ab/cd`.
    private static func levels(of hash: ContentHash) -> (outer: String, inner: String) {
        let outer = String(hash.hex.prefix(2))
        return (outer, "\(outer)/\(hash.hex.dropFirst(2).prefix(2))")
    }

    /// Creates the two folder levels that hold `hash`'s original, when they do not exist yet: the inner one first,
    /// since the outer one exists for all but the first of every 256 hashes.
    private func makeFolders(for hash: ContentHash) throws(BayyinaError) {
        let (outer, inner) = Self.levels(of: hash)
        if mkdirat(folders.blobs, inner, 0o755) == 0 || errno == EEXIST { return }
        for level in [outer, inner] where mkdirat(folders.blobs, level, 0o755) != 0 && errno != EEXIST {
            throw BayyinaError(.storageFailure, "Cannot create \(Self.blobsFolder)/\(level) in \(root.path): \(String(cString: strerror(errno))).")
        }
    }

    public func commit(_ batch: [StagedBlob]) throws(BayyinaError) {
        guard !batch.isEmpty else { return }
        try flushFileSystem()
        for staged in batch {
            let destination = Self.pathInBlobs(of: staged.hash)
            if faccessat(folders.blobs, destination, F_OK, 0) == 0 {
                discard(staged)
                continue
            }
            var moved = renameat(folders.staging, staged.name, folders.blobs, destination) == 0
            if !moved, errno == ENOENT {
                // Its folders went away after it was staged (removed by hand); make them again.
                try makeFolders(for: staged.hash)
                moved = renameat(folders.staging, staged.name, folders.blobs, destination) == 0
            }
            guard moved else {
                throw BayyinaError(.storageFailure, "Cannot move the original into \(Self.blobsFolder)/\(destination) in \(root.path): \(String(cString: strerror(errno))).")
            }
        }
        try flushFileSystem()
    }

    /// Makes every write and rename on the store's file system durable.
    private func flushFileSystem() throws(BayyinaError) {
        guard bayyina_syncfs(folders.blobs) == 0 else { throw Self.flushFailure(root) }
    }

    /// Makes every write and rename on the file system that holds `folder` durable (one `syncfs`, however many
    /// files were written).
    public static func flushFileSystem(containing folder: URL) throws(BayyinaError) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if descriptor >= 0 { close(descriptor) } }
        guard descriptor >= 0, bayyina_syncfs(descriptor) == 0 else { throw flushFailure(folder) }
    }

    private static func flushFailure(_ folder: URL) -> BayyinaError {
        BayyinaError(.storageFailure, "Cannot flush \(folder.path) to disk: \(String(cString: strerror(errno))).",
                     arabic: "تعذّر حفظ \(folder.path) على القرص.")
    }

    public func discard(_ staged: StagedBlob) {
        unlinkat(folders.staging, staged.name, 0)
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

    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, to target: String) throws(BayyinaError) {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw BayyinaError(.storageFailure, "Cannot write \(target): \(String(cString: strerror(errno))).")
            }
            offset += written
        }
    }

    private static func tooLarge(_ size: Int64, _ limit: Int64) -> BayyinaError {
        BayyinaError(.tooLarge, "The file is \(size / 1_048_576 + 1) MB; the limit is \(limit / 1_048_576) MB. Split it or ask an administrator to raise the limit.")
    }
}

/// Descriptors of a store's two folders, open as long as any copy of the store is.
private final class FolderDescriptors: Sendable {
    let blobs: Int32
    let staging: Int32

    init(blobs: String, staging: String) throws(BayyinaError) {
        self.blobs = open(blobs, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        self.staging = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard self.blobs >= 0, self.staging >= 0 else {
            throw BayyinaError(.storageFailure, "Cannot open \(self.blobs < 0 ? blobs : staging): \(String(cString: strerror(errno))).")
        }
    }

    deinit {
        if blobs >= 0 { close(blobs) }
        if staging >= 0 { close(staging) }
    }
}
