public import BayyinaCore
public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns the bytes of a text file into a String: BOMs (UTF-8, UTF-16), valid UTF-8, a declared or
/// detected windows-1256, and as a last resort UTF-8 with replacement characters and a warning.
public enum TextDecoding {
    public struct Decoded: Sendable {
        public var text: String
        public var encoding: String
        public var warnings: [Notice]
    }

    public static func decode(_ data: Data, declaredCharset: String? = nil) -> Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(bytes.dropFirst(3)), label: "utf-8-sig")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            let encoding: String.Encoding = littleEndian ? .utf16LittleEndian : .utf16BigEndian
            let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding)
            return Decoded(text: normalizedLineEnds(text ?? ""), encoding: littleEndian ? "utf-16le" : "utf-16be",
                           warnings: text == nil ? [Notice("invalid_utf16", "The UTF-16 text has invalid sequences and was not read.",
                                                            arabic: "نص UTF-16 فيه تسلسلات غير صالحة فلم يُقرأ.")] : [])
        }
        if let order = utf16ByteOrder(of: bytes), let text = String(data: data, encoding: order) {
            return Decoded(text: normalizedLineEnds(text), encoding: order == .utf16LittleEndian ? "utf-16le" : "utf-16be",
                           warnings: [Notice("charset_guessed", "The text has no byte-order mark; it was read as UTF-16.",
                                             arabic: "النص بلا علامة ترتيب البايتات؛ فقُرئ بترميز UTF-16.")])
        }
        let charset = declaredCharset?.lowercased().trimmingCharacters(in: .whitespaces)
        if let charset, isArabicWindowsCharset(charset), let text = convert(bytes, from: "WINDOWS-1256") {
            return Decoded(text: normalizedLineEnds(text), encoding: "windows-1256", warnings: [])
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return Decoded(text: normalizedLineEnds(text), encoding: "utf-8", warnings: [])
        }
        if charset == nil || charset.map(isArabicWindowsCharset) == true,
           looksLikeWindows1256(bytes), let text = convert(bytes, from: "WINDOWS-1256") {
            return Decoded(text: normalizedLineEnds(text), encoding: "windows-1256",
                           warnings: charset == nil ? [Notice("charset_guessed", "No charset was declared; the text was read as windows-1256.",
                                                              arabic: "لم يُذكر ترميز النص؛ فقُرئ بترميز windows-1256.")] : [])
        }
        if let charset, charset != "utf-8", charset != "utf8", let text = convert(bytes, from: charset.uppercased()) {
            return Decoded(text: normalizedLineEnds(text), encoding: charset, warnings: [])
        }
        var decoded = utf8(bytes, label: "utf-8")
        decoded.warnings.append(Notice("invalid_utf8", "The text is not valid UTF-8; invalid bytes were replaced with U+FFFD.",
                                       arabic: "النص ليس UTF-8 صالحاً؛ استُبدل بالبايتات غير الصالحة الرمز U+FFFD."))
        return decoded
    }

    private static func utf8(_ bytes: [UInt8], label: String) -> Decoded {
        Decoded(text: normalizedLineEnds(String(decoding: bytes, as: UTF8.self)), encoding: label, warnings: [])
    }

    /// UTF-16 without a byte-order mark, recognised by its high bytes: nearly all are 0 (Latin) or 6 (Arabic)
    /// at odd positions for little-endian, at even positions for big-endian.
    static func utf16ByteOrder(of bytes: some Collection<UInt8>) -> String.Encoding? {
        let sample = Array(bytes.prefix(4096))
        guard sample.count >= 8, sample.count % 2 == 0, sample.contains(0) else { return nil }
        func share(startingAt offset: Int) -> Double {
            let high = stride(from: offset, to: sample.count, by: 2).map { sample[$0] }
            return Double(high.filter { $0 == 0 || $0 == 6 }.count) / Double(high.count)
        }
        func zeros(startingAt offset: Int) -> Bool { stride(from: offset, to: sample.count, by: 2).contains { sample[$0] == 0 } }
        if share(startingAt: 1) > 0.9, zeros(startingAt: 1), !zeros(startingAt: 0) { return .utf16LittleEndian }
        if share(startingAt: 0) > 0.9, zeros(startingAt: 0), !zeros(startingAt: 1) { return .utf16BigEndian }
        return nil
    }

    /// CRLF and lone CR become LF.
    static func normalizedLineEnds(_ text: String) -> String {
        var contiguous = text
        return contiguous.withUTF8 { input in
            guard input.contains(0x0D) else { return text }
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            var previousWasCR = false
            for byte in input {
                if byte == 0x0A, previousWasCR {
                    previousWasCR = false
                    continue
                }
                previousWasCR = byte == 0x0D
                output.append(previousWasCR ? 0x0A : byte)
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static func isArabicWindowsCharset(_ charset: String) -> Bool {
        ["windows-1256", "cp1256", "x-cp1256", "win-1256"].contains(charset)
    }

    /// Invalid UTF-8 whose high bytes fall mostly in windows-1256's Arabic letter range.
    private static func looksLikeWindows1256(_ bytes: [UInt8]) -> Bool {
        let high = bytes.filter { $0 >= 0x80 }
        guard !high.isEmpty else { return false }
        let arabic = high.filter { (0xC1...0xFE).contains($0) }
        return Double(arabic.count) / Double(high.count) > 0.7
    }

    /// Converts bytes from a legacy character set with glibc's iconv; nil when the set is unknown or the bytes invalid.
    public static func convert(_ bytes: [UInt8], from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 4 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress)?
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outLeft = outputBuffer.count
                let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                return result == -1 ? nil : outputBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(decoding: output.prefix(produced), as: UTF8.self)
    }
}
