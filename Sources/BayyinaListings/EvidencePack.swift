import BayyinaDigest
public import BayyinaCore
import BayyinaStorage
public import Foundation

/// An IRM evidence pack: a BagIt 1.0 bag (RFC 8493) of the originals a listing may hand out, with the listing as CSV,
/// JSON and a static HTML index among its tag files. The bag is written beside its destination, flushed to disk and
/// renamed into place when complete, so a failure or a crash leaves no partial bag.
public struct EvidencePack: Sendable {
    /// What was written.
    public struct Summary: Sendable, Encodable {
        public var path: String
        public var audience: Audience
        public var documents: Int
        public var listed: Int
        public var payloadBytes: Int64
        public var baggingDate: String
    }

    public var listing: Listing
    /// Source-Organization of bag-info.txt.
    public var organization: String

    public init(listing: Listing, organization: String) {
        self.listing = listing
        self.organization = organization
    }

    /// Writes the bag to `destination`, which must not exist or be an empty folder; `original` gives where the stored
    /// bytes of a document are. Every payload file is hashed as it is copied and must match its document's hash.
    public func write(to destination: URL, original: (ContentHash) -> URL, clock: any WallClock = SystemClock()) throws(BayyinaError)
        -> Summary {
        try StagedFolder.write(to: destination, failure: "The bag could not be written to \(destination.path)") { staging in
            try writeBag(in: staging, original: original, clock: clock, finalPath: destination.path)
        }
    }

    private func writeBag(in bag: URL, original: (ContentHash) -> URL, clock: any WallClock, finalPath: String) throws -> Summary {
        let data = bag.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        var manifest: [(path: String, hash: String)] = []
        var offline = listing
        var usedNames: Set<String> = []
        var bytes: Int64 = 0
        for (position, entry) in listing.entries.enumerated() where entry.url != nil || listing.audience == .internal {
            guard let hash = ContentHash(hex: entry.sha256) else { continue }
            let name = Self.payloadName(for: entry, avoiding: &usedNames)
            let copied = try FileDigest.copy(original(hash), to: data.appendingPathComponent(name))
            guard copied.hash == hash else {
                throw BayyinaError(.storageFailure, "The stored original of \(entry.reference) does not match its hash; run bayyina verify.",
                                   arabic: "النسخة المحفوظة من \(entry.reference) لا تطابق بصمتها؛ شغّل bayyina verify.")
            }
            bytes += copied.size
            manifest.append(("data/" + name, hash.hex))
            offline.entries[position].url = "data/" + name
        }
        let day = CalendarDate(clock.now()).description
        let tagFiles: [(String, Data)] = [
            ("bagit.txt", Data("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8)),
            ("bag-info.txt", Data(bagInfo(day: day, documents: manifest.count, bytes: bytes).utf8)),
            ("manifest-sha256.txt", Data(Self.manifestText(manifest).utf8)),
            ("listing.csv", Data(listing.csv().utf8)),
            ("listing.json", try listing.json()),
            ("index.html", Data(try offline.html().utf8)),
        ]
        var tagManifest: [(path: String, hash: String)] = []
        for (name, contents) in tagFiles {
            try contents.write(to: bag.appendingPathComponent(name), options: .atomic)
            tagManifest.append((name, SHA256Hasher.hash([UInt8](contents)).hex))
        }
        try Data(Self.manifestText(tagManifest).utf8).write(to: bag.appendingPathComponent("tagmanifest-sha256.txt"), options: .atomic)
        return Summary(path: finalPath, audience: listing.audience, documents: manifest.count, listed: listing.entries.count,
                       payloadBytes: bytes, baggingDate: day)
    }

    private func bagInfo(day: String, documents: Int, bytes: Int64) -> String {
        let scope = listing.filter.commitment.map { "commitment \($0.rawValue)" } ?? "all commitments"
        let scopeAr = listing.filter.commitment.map { "الالتزام \($0.rawValue)" } ?? "جميع الالتزامات"
        let edition = listing.audience == .public ? ("public", "العامة") : ("internal", "الداخلية")
        let fields = [
            ("Source-Organization", organization),
            ("Bagging-Date", day),
            ("Payload-Oxum", "\(bytes).\(documents)"),
            ("External-Identifier", "bayyina-\(edition.0)-\(listing.filter.commitment?.rawValue ?? "all")-\(day)"),
            ("External-Description", "IRM evidence pack, \(scope), \(edition.0) edition: \(documents) documents; listing.csv, listing.json and index.html list them."),
            ("External-Description", "حزمة أدلة لآلية التقرير المستقلة، \(scopeAr)، النسخة \(edition.1): \(documents) وثيقة."),
            ("Bag-Software-Agent", "Bayyina"),
        ]
        return fields.map { "\($0.0): \(Self.oneLine($0.1))\n" }.joined()
    }

    /// A readable, unique payload name: the listing reference, then the name the file arrived under (NFC).
    private static func payloadName(for entry: Listing.Entry, avoiding used: inout Set<String>) -> String {
        let arrived = entry.filenames.first.map(FileNameSanitizer.sanitize) ?? "document"
        var name = FileNameSanitizer.sanitize("\(entry.reference) \(arrived)")
        var counter = 2
        while used.contains(name.lowercased()) {
            name = FileNameSanitizer.sanitize("\(entry.reference)-\(counter) \(arrived)")
            counter += 1
        }
        used.insert(name.lowercased())
        return name
    }

    /// Manifest lines `<hash>  <path>`, with `%`, CR and LF in paths percent-encoded as RFC 8493 asks.
    private static func manifestText(_ lines: [(path: String, hash: String)]) -> String {
        lines.map { line in
            let path = line.path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
            return "\(line.hash)  \(path)\n"
        }.joined()
    }

    private static func oneLine(_ value: String) -> String {
        value.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
