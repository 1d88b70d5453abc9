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
            encrypted = file.firstOffset(of: "/Encrypt") != nil
            let objectStreams = file.firstOffset(of: "/ObjStm") != nil
            if let mark = file.firstOffset(of: "/Marked") {
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
        guard let marker = head.firstOffset(of: "%PDF-") else { return nil }
        let digits = head[(marker + 5)...].prefix { $0 == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        return digits.isEmpty ? nil : String(decoding: digits, as: UTF8.self)
    }

    private static func startsWithTrue(_ file: UnsafeBufferPointer<UInt8>, after index: Int) -> Bool {
        let rest = file[index...].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        return rest.starts(with: "true".utf8)
    }
}
