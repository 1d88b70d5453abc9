import ArgumentParser
import BayyinaCore
import BayyinaIngest
import Foundation

/// `Schemas/json/backup.schema.json`: what a backup or a restore covered.
struct BackupJSON: Encodable {
    var path: String
    var createdAt: String
    var documents: Int
    var files: Int
    var bytes: Int64

    init(path: String, manifest: BackupManifest) {
        self.path = path
        createdAt = manifest.createdAt
        documents = manifest.documents
        files = manifest.files.count
        bytes = manifest.files.reduce(0) { $0 + $1.size }
    }
}

struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Back the store up: the database (SQLite online backup, safe while serving), every original and a manifest of hashes.")

    @OptionGroup var options: StoreOptions
    @Option(help: "The new (or empty) folder to write the backup to.") var out: String

    func run() async throws {
        let destination = URL(fileURLWithPath: out).standardizedFileURL
        let manifest = try options.open().backup(to: destination, clock: try options.clock)
        BackupJSON(path: destination.path, manifest: manifest).print(options: options, english: "Backed up", arabic: "نُسخ احتياطياً")
    }
}

struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into a new store (--store, else $BAYYINA_STORE): every file is checked against the manifest first.")

    @OptionGroup var options: StoreOptions
    @Option(help: "The backup folder.") var from: String

    func run() async throws {
        let manifest = try Repository.restore(from: URL(fileURLWithPath: from).standardizedFileURL, to: options.root)
        let verification = try options.open().verify(repair: false)
        guard verification.ok else {
            throw BayyinaError(.storageFailure, "The restored store does not verify: \(verification.databaseProblems.first ?? "originals differ"). Run bayyina verify.",
                               arabic: "المخزن المسترجع لا يجتاز التحقق؛ شغّل bayyina verify.")
        }
        BackupJSON(path: options.root.path, manifest: manifest).print(options: options, english: "Restored", arabic: "استُرجع")
    }
}

extension BackupJSON {
    func print(options: StoreOptions, english: String, arabic: String) {
        if options.json {
            Output.json(self)
            return
        }
        Output.line(options.ui.pick("\(english) \(documents) documents (\(files) files, \(bytes) bytes): \(path)",
                                    "\(arabic) \(documents) وثيقة (\(files) ملفاً، \(bytes) بايت): \(path)"))
    }
}
