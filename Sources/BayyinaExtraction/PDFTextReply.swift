import Foundation

/// One reply of `bayyina-pdftext` (see its `main.cpp`): fields, each a line `NAME LENGTH` and LENGTH bytes, ending
/// with the field `end`.
struct PDFTextReply: Sendable, Equatable {
    enum Status: String, Sendable {
        case ok, partial, locked, unreadable
    }

    var status: Status
    /// The pages' text, each page ending in a form feed, as `pdftotext` writes it.
    var text: [UInt8]
    /// Non-empty Info dictionary entries by name (`Title`, `Author`, `Subject`, `Keywords`, `Creator`, `Producer`,
    /// `CreationDate`, `ModDate`), trimmed, dates as ISO 8601 (see ``isoDate(_:)``).
    var info: [String: String]
    /// The catalog's XMP packet.
    var xmp: Data?
    /// What poppler reported about the file, one message per line.
    var messages: String

    enum Parse: Equatable {
        /// The reply and how many bytes it took.
        case reply(PDFTextReply, length: Int)
        case incomplete
        /// The bytes are not a reply: the worker is broken.
        case malformed
    }

    /// The first reply in `bytes`.
    static func parse(_ bytes: ArraySlice<UInt8>) -> Parse {
        var fields: [String: ArraySlice<UInt8>] = [:]
        var index = bytes.startIndex
        while true {
            let header = bytes[index...].prefix(Self.longestHeader)
            guard let newline = header.firstIndex(of: UInt8(ascii: "\n")) else {
                return header.count == Self.longestHeader ? .malformed : .incomplete
            }
            let parts = header[..<newline].split(separator: UInt8(ascii: " "))
            guard parts.count == 2, let length = Int(String(decoding: parts[1], as: UTF8.self)), length >= 0 else { return .malformed }
            let name = String(decoding: parts[0], as: UTF8.self)
            let start = newline + 1
            guard bytes.endIndex - start >= length else { return .incomplete }
            if name == "end" {
                guard let reply = PDFTextReply(fields) else { return .malformed }
                return .reply(reply, length: start - bytes.startIndex)
            }
            fields[name] = bytes[start..<(start + length)]
            index = start + length
        }
    }

    /// A field's header is a short name and a decimal length.
    private static let longestHeader = 40
    private static let infoNames = ["Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"]

    private init?(_ fields: [String: ArraySlice<UInt8>]) {
        guard let raw = fields["status"], let status = Status(rawValue: String(decoding: raw, as: UTF8.self)) else { return nil }
        self.status = status
        text = Array(fields["text"] ?? [])
        xmp = fields["XMP"].map { Data($0) }
        messages = String(decoding: fields["messages"] ?? [], as: UTF8.self)
        info = [:]
        for name in Self.infoNames {
            guard let bytes = fields[name] else { continue }
            let value = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let converted = name.hasSuffix("Date") ? Self.isoDate(value) : value
            if let converted, !converted.isEmpty { info[name] = converted }
        }
    }

    /// A PDF date (`D:YYYYMMDDHHmmSSOHH'mm'`, every part after the year optional) as ISO 8601: `2023-04-20T08:00:00Z`,
    /// or with its offset, `2023-04-20T08:00:00+03:00`; a date without an offset is written as UTC, as `pdftotext`
    /// does. nil when it is not a date.
    static func isoDate(_ value: String) -> String? {
        var rest = Substring(value)
        if rest.hasPrefix("D:") { rest = rest.dropFirst(2) }
        func number(_ digits: Int, default fallback: Int? = nil, in range: ClosedRange<Int>) -> Int? {
            let prefix = rest.prefix(digits)
            guard prefix.count == digits, prefix.allSatisfy(\.isASCII), let value = Int(prefix) else { return fallback }
            rest = rest.dropFirst(digits)
            return range.contains(value) ? value : nil
        }
        guard let year = number(4, in: 1000...9999), let month = number(2, default: 1, in: 1...12),
              let day = number(2, default: 1, in: 1...31), let hour = number(2, default: 0, in: 0...23),
              let minute = number(2, default: 0, in: 0...59), let second = number(2, default: 0, in: 0...60) else { return nil }
        let local = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute, second)
        guard let sign = rest.first, sign == "+" || sign == "-" else { return local + "Z" }
        rest = rest.dropFirst()
        guard let offsetHours = number(2, in: 0...23) else { return local + "Z" }
        if rest.first == "'" { rest = rest.dropFirst() }
        let offsetMinutes = number(2, default: 0, in: 0...59) ?? 0
        return local + String(sign) + String(format: "%02d:%02d", offsetHours, offsetMinutes)
    }
}
