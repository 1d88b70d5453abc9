public import Foundation

/// The files a folder holds for ingest: regular files, recursively, sorted by path; hidden names and symbolic links
/// skipped. Read with `readdir`, which says what each entry is: Foundation's enumerator looked up the owner of every
/// file, reading `/etc/passwd` once per file.
public enum FolderFiles {
    public static func regularFiles(under folder: URL) -> [URL] {
        var files: [String] = []
        collect(folder.standardizedFileURL.path, into: &files)
        return files.sorted().map { URL(fileURLWithPath: $0) }
    }

    private static func collect(_ path: String, into files: inout [String]) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let child = path.hasSuffix("/") ? path + name : path + "/" + name
            switch kind(of: entry.pointee.d_type, at: child) {
            case .file: files.append(child)
            case .folder: collect(child, into: &files)
            case .other: break
            }
        }
    }

    private enum Kind { case file, folder, other }

    /// What an entry is: from `readdir` when it says, else from `lstat` (links are not followed either way).
    private static func kind(of type: UInt8, at path: String) -> Kind {
        switch Int32(type) {
        case Int32(DT_REG): return .file
        case Int32(DT_DIR): return .folder
        case Int32(DT_UNKNOWN):
            var status = stat()
            guard lstat(path, &status) == 0 else { return .other }
            switch status.st_mode & S_IFMT {
            case S_IFREG: return .file
            case S_IFDIR: return .folder
            default: return .other
            }
        default: return .other
        }
    }
}
