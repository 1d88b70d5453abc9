public import BayyinaCore
public import Foundation

/// A folder written whole or not at all: built beside its destination, flushed to disk, renamed into place and
/// flushed again. Evidence packs, backups and restores are written this way.
public enum StagedFolder {
    /// Builds the folder with `build` (given the staging folder) and moves it to `destination`, which must not exist or
    /// be empty. On any failure the staging folder is removed and `destination` is left as it was.
    public static func write<T>(to destination: URL, failure: String, _ build: (URL) throws -> T) throws(BayyinaError) -> T {
        let files = FileManager.default
        if let contents = try? files.contentsOfDirectory(atPath: destination.path), !contents.isEmpty {
            throw BayyinaError(.invalidArgument, "\(destination.path) is not empty; choose a new folder.",
                               arabic: "المجلد \(destination.path) ليس فارغاً؛ اختر مجلداً جديداً.")
        }
        let staging = destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).partial-\(UUID().uuidString)")
        do {
            try files.createDirectory(at: staging, withIntermediateDirectories: true)
            let result = try build(staging)
            try FileSystemBlobStore.flushFileSystem(containing: staging)
            if files.fileExists(atPath: destination.path) { try files.removeItem(at: destination) }
            try files.moveItem(at: staging, to: destination)
            try FileSystemBlobStore.flushFileSystem(containing: destination)
            return result
        } catch {
            try? files.removeItem(at: staging)
            if let error = error as? BayyinaError { throw error }
            throw BayyinaError(.storageFailure, "\(failure): \(error.localizedDescription)", arabic: "تعذّر إتمام الكتابة.", underlying: error)
        }
    }
}
