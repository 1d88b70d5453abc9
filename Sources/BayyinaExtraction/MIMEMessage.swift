import Foundation

/// One part of an RFC 5322 / MIME message: unfolded headers and the raw body bytes.
struct MIMEPart {
    var headers: [(name: String, value: String)]
    var body: [UInt8]

    /// Splits headers from body at the first empty line and unfolds continuation lines.
    init(_ bytes: ArraySlice<UInt8>) {
        var headerEnd = bytes.endIndex
        var bodyStart = bytes.endIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == 0x0A {
                let next = bytes.index(after: index)
                if next < bytes.endIndex, bytes[next] == 0x0A { headerEnd = index; bodyStart = next + 1; break }
                if next + 1 < bytes.endIndex, bytes[next] == 0x0D, bytes[next + 1] == 0x0A {
                    headerEnd = index; bodyStart = next + 2; break
                }
            }
            index += 1
        }
        if bytes.first == 0x0A || (bytes.first == 0x0D && bytes.dropFirst().first == 0x0A) {
            headerEnd = bytes.startIndex
            bodyStart = bytes.startIndex + (bytes.first == 0x0A ? 1 : 2)
        }
        let headerText = String(decoding: bytes[bytes.startIndex..<headerEnd], as: UTF8.self)
        var headers: [(String, String)] = []
        for line in headerText.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let cleaned = line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
            if let first = cleaned.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].1 += " " + cleaned.trimmingCharacters(in: .whitespaces)
            } else if let colon = cleaned.firstIndex(of: ":") {
                headers.append((cleaned[..<colon].lowercased(), cleaned[cleaned.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        self.headers = headers
        self.body = Array(bytes[min(bodyStart, bytes.endIndex)...])
    }

    func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

    /// `type/subtype` in lower case; `text/plain` when absent, as RFC 2045 says.
    var contentType: String {
        header("content-type")?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? "text/plain"
    }

    func parameter(_ name: String, of headerName: String) -> String? {
        guard let value = header(headerName) else { return nil }
        for piece in value.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == name else { continue }
            return pair[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }

    var isAttachment: Bool {
        header("content-disposition")?.lowercased().hasPrefix("attachment") == true || attachmentName != nil
    }

    var attachmentName: String? {
        (parameter("filename", of: "content-disposition") ?? parameter("name", of: "content-type")).map(EncodedWords.decode)
    }

    /// The parts of a multipart body, in order.
    var subparts: [MIMEPart] {
        guard contentType.hasPrefix("multipart/"), let boundary = parameter("boundary", of: "content-type") else { return [] }
        let delimiter = Array("--\(boundary)".utf8)
        var parts: [MIMEPart] = []
        var lines = splitLines(body)
        var current: [ArraySlice<UInt8>]? = nil
        while !lines.isEmpty {
            let line = lines.removeFirst()
            let trimmed = line.last == 0x0D ? line.dropLast() : line
            if trimmed.starts(with: delimiter) {
                if let current { parts.append(MIMEPart(ArraySlice(Self.join(current)))) }
                if trimmed.dropFirst(delimiter.count).starts(with: [0x2D, 0x2D]) { current = nil; break }
                current = []
            } else if current != nil {
                current?.append(line)
            }
        }
        if let current { parts.append(MIMEPart(ArraySlice(Self.join(current)))) }
        return parts
    }

    /// The body with its transfer encoding (base64, quoted-printable) undone.
    var decodedBody: [UInt8] {
        switch header("content-transfer-encoding")?.lowercased() {
        case "base64":
            let compact = body.filter { !($0 == 0x0A || $0 == 0x0D || $0 == 0x20 || $0 == 0x09) }
            return Data(base64Encoded: Data(compact), options: .ignoreUnknownCharacters).map { [UInt8]($0) } ?? []
        case "quoted-printable":
            return EncodedWords.quotedPrintable(body, underscoreIsSpace: false)
        default:
            return body
        }
    }

    private func splitLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    }

    private static func join(_ lines: [ArraySlice<UInt8>]) -> [UInt8] {
        var result: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { result.append(0x0A) }
            result.append(contentsOf: line)
        }
        return result
    }
}

/// RFC 2047 encoded words (`=?utf-8?B?…?=`) and quoted-printable.
enum EncodedWords {
    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var result = ""
        var rest = Substring(value)
        var previousWasEncoded = false
        while let start = rest.range(of: "=?") {
            let between = rest[..<start.lowerBound]
            if !(previousWasEncoded && between.allSatisfy(\.isWhitespace)) { result += between }
            let afterStart = rest[start.upperBound...]
            let pieces = afterStart.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard pieces.count == 4, pieces[3].hasPrefix("="), let decoded = decodeWord(charset: String(pieces[0]), encoding: String(pieces[1]), text: String(pieces[2]))
            else {
                result += "=?"
                rest = afterStart
                previousWasEncoded = false
                continue
            }
            result += decoded
            rest = pieces[3].dropFirst()
            previousWasEncoded = true
        }
        return result + rest
    }

    private static func decodeWord(charset: String, encoding: String, text: String) -> String? {
        let bytes: [UInt8]
        switch encoding.uppercased() {
        case "B":
            var padded = text
            while padded.count % 4 != 0 { padded += "=" }
            guard let data = Data(base64Encoded: padded) else { return nil }
            bytes = [UInt8](data)
        case "Q":
            bytes = quotedPrintable(Array(text.utf8), underscoreIsSpace: true)
        default:
            return nil
        }
        let name = charset.split(separator: "*").first.map(String.init)?.uppercased() ?? "UTF-8"
        if name == "UTF-8" || name == "US-ASCII" { return String(decoding: bytes, as: UTF8.self) }
        return TextDecoding.convert(bytes, from: name) ?? String(decoding: bytes, as: UTF8.self)
    }

    static func quotedPrintable(_ input: [UInt8], underscoreIsSpace: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 0x3D {
                if index + 1 < input.count, input[index + 1] == 0x0A { index += 2; continue }
                if index + 2 < input.count, input[index + 1] == 0x0D, input[index + 2] == 0x0A { index += 3; continue }
                if index + 2 < input.count, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2]) {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            output.append(underscoreIsSpace && byte == 0x5F ? 0x20 : byte)
            index += 1
        }
        return output
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }
}
