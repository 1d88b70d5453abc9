public import BayyinaCore
import BayyinaIndex
import BayyinaStorage
public import Foundation

/// What a backup holds: every file with its SHA-256 and size. Written as `manifest.json` beside the files.
public struct BackupManifest: Codable, Sendable, Equatable {
    public struct File: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        public var size: Int64
    }

    public var format: String
    public var createdAt: String
    public var documents: Int
    public var files: [File]

    public static let currentFormat = "bayyina-backup/1"
    static let fileName = "manifest.json"
    static let databaseName = "bayyina.sqlite"
}

extension Repository {
    /// Backs the store up into `destination` (new or empty): the database by SQLite's online backup, then every
    /// original, each hashed as it is copied and checked, and a manifest. Written beside the destination and renamed
    /// into place when complete.
    public func backup(to destination: URL, clock: any WallClock = SystemClock()) throws(BayyinaError) -> BackupManifest {
        try StagedFolder.write(to: destination, failure: "The backup to \(destination.path) failed") { staging in
            try index.backup(toPath: staging.appendingPathComponent(BackupManifest.databaseName).path)
            var files: [BackupManifest.File] = []
            guard let database = FileDigest.hash(of: staging.appendingPathComponent(BackupManifest.databaseName)) else {
                throw BayyinaError(.storageFailure, "The database copy cannot be read back.")
            }
            files.append(.init(path: BackupManifest.databaseName, sha256: database.hash.hex, size: database.size))
            let hashes = try index.allHashes().sorted()
            for hash in hashes {
                let path = FileSystemBlobStore.relativePath(of: hash)
                let target = staging.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                let copied = try FileDigest.copy(blobs.url(for: hash), to: target)
                guard copied.hash == hash else {
                    throw BayyinaError(.storageFailure, "The stored original \(hash.hex) does not match its hash; run bayyina verify --repair first.",
                                       arabic: "النسخة المحفوظة \(hash.hex) لا تطابق بصمتها؛ شغّل bayyina verify --repair أولاً.")
                }
                files.append(.init(path: path, sha256: hash.hex, size: copied.size))
            }
            let manifest = BackupManifest(format: BackupManifest.currentFormat, createdAt: Timestamp.string(from: clock.now()),
                                          documents: hashes.count, files: files)
            try Self.encoder.encode(manifest).write(to: staging.appendingPathComponent(BackupManifest.fileName))
            return manifest
        }
    }

    /// Restores a backup into `root`, which must not hold a store yet: every file is checked against the manifest
    /// first, then the copy is assembled beside `root` and renamed into place. Returns the manifest.
    @discardableResult
    public static func restore(from backup: URL, to root: URL) throws(BayyinaError) -> BackupManifest {
        let manifest: BackupManifest
        do {
            manifest = try JSONDecoder().decode(BackupManifest.self, from: Data(contentsOf: backup.appendingPathComponent(BackupManifest.fileName)))
        } catch {
            throw BayyinaError(.invalidArgument, "\(backup.path) is not a Bayyina backup (no readable manifest.json).",
                               arabic: "المجلد \(backup.path) ليس نسخة احتياطية من بيّنة.")
        }
        guard manifest.format == BackupManifest.currentFormat else {
            throw BayyinaError(.invalidArgument, "The backup format \(manifest.format) is not known to this version.",
                               arabic: "صيغة النسخة الاحتياطية غير معروفة لهذا الإصدار.")
        }
        let damaged = manifest.files.filter { file in
            file.path.contains("..") || FileDigest.hash(of: backup.appendingPathComponent(file.path)).map { $0.hash.hex != file.sha256 || $0.size != file.size } ?? true
        }
        guard damaged.isEmpty else {
            throw BayyinaError(.storageFailure, "The backup is damaged; \(damaged.count) file(s) differ from its manifest, e.g. \(damaged[0].path). Nothing was restored.",
                               arabic: "النسخة الاحتياطية تالفة؛ \(damaged.count) ملف لا يطابق البيان. لم يُسترجع شيء.")
        }
        return try StagedFolder.write(to: root, failure: "The restore into \(root.path) failed") { staging in
            for file in manifest.files {
                let target = staging.appendingPathComponent(file.path)
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                guard try FileDigest.copy(backup.appendingPathComponent(file.path), to: target).hash.hex == file.sha256 else {
                    throw BayyinaError(.storageFailure, "\(file.path) changed while it was restored.")
                }
            }
            return manifest
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }()
}
