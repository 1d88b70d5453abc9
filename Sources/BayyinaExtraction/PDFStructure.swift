import Foundation

/// What a PDF's raw bytes tell without a PDF parser, beyond what poppler-cpp reports: the header version, whether a
/// trailer names an `/Encrypt` dictionary, and whether the catalog marks the file tagged (unknown when the catalog
/// may hide in a compressed object stream).
struct PDFStructure: Equatable {
    var version: String?
    var encrypted = false
    /// nil when the catalog may sit in a compressed object stream.
    var tagged: Bool?

    init(bytes: Data) {
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let file = raw.bindMemory(to: UInt8.self)
            version = Self.headerVersion(file)
            encrypted = Self.find("/Encrypt", in: file) != nil
            let objectStreams = Self.find("/ObjStm", in: file) != nil
            if let mark = Self.find("/Marked", in: file) {
                tagged = Self.startsWithTrue(file, after: mark + "/Marked".utf8.count)
            } else {
                tagged = objectStreams ? nil : false
            }
        }
    }

    init(contentsOf url: URL) {
        self.init(bytes: (try? Data(contentsOf: url, options: .alwaysMapped)) ?? Data())
    }

    /// `1.7` from a `%PDF-1.7` header within the first kilobyte.
    private static func headerVersion(_ file: UnsafeBufferPointer<UInt8>) -> String? {
        let head = UnsafeBufferPointer(rebasing: file.prefix(1024))
        guard let marker = find("%PDF-", in: head) else { return nil }
        let digits = head[(marker + 5)...].prefix { $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return digits.isEmpty ? nil : String(decoding: digits, as: UTF8.self)
    }

    private static func startsWithTrue(_ file: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        let rest = file[index...].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        return rest.starts(with: "true".utf8)
    }

    /// The offset of the first `needle` at or after `start` (memchr to its first byte, then a compare).
    private static func find(_ needle: String, in file: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        let pattern = Array(needle.utf8)
        guard let base = file.baseAddress, let first = pattern.first else { return nil }
        var offset = start
        while file.count - offset >= pattern.count {
            guard let hit = memchr(base + offset, Int32(first), file.count - offset - pattern.count + 1) else { return nil }
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, pattern, pattern.count) == 0 { return index }
            offset = index + 1
        }
        return nil
    }
}
