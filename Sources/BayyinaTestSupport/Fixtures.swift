public import Foundation

/// Real evidence files (Arabic and English), generated ones and hostile files, under `Tests/Fixtures`.
public enum Fixtures {
    /// `Tests/Fixtures` of this checkout.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures", isDirectory: true)

    /// A fixture by its path under `Tests/Fixtures`, e.g. `docs/karak_hearing_notes.txt` or `bad/billion_laughs.xml`.
    public static func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }

    /// The plan of the evaluation corpus: six commitments with milestones C1.M1 ….
    public static var planFile: URL { url("plan.json") }

    /// The bundled sample evidence: the real minutes of the forum meeting of 15 October 2023 as `.txt`, `.docx` and `.pdf`.
    public static func sample(_ name: String) -> URL {
        root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/bayyina/Resources/samples/\(name)")
    }
}

/// A fresh folder under the system's temporary directory, removed when released.
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bayyina-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes bytes to a file in this folder and returns its URL.
    public func file(_ name: String, contents: Data) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: file)
        return file
    }

    /// Copies a fixture into this folder, optionally under another name.
    public func copy(_ fixture: String, as name: String? = nil) throws -> URL {
        let source = Fixtures.url(fixture)
        return try file(name ?? source.lastPathComponent, contents: try Data(contentsOf: source))
    }
}
