import Foundation

/// Turns the name a file arrived under into one that is safe to store and show:
/// the last path component only, NFC, without control or bidi-override characters, at most 255 UTF-8 bytes
/// with the extension kept.
public enum FileNameSanitizer {
    public static let maximumBytes = 255

    public static func sanitize(_ name: String) -> String {
        let lastComponent = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let cleaned = String(String.UnicodeScalarView(lastComponent.precomposedStringWithCanonicalMapping.unicodeScalars.filter {
            !isForbidden($0)
        })).trimmingCharacters(in: .whitespacesAndNewlines)
        let withoutDots = cleaned.drop(while: { $0 == "." })
        let safe = withoutDots.isEmpty ? "unnamed" : String(withoutDots)
        return capped(safe)
    }

    /// The lowercase extension of a sanitized name, without the dot; empty when there is none.
    public static func fileExtension(of name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C, 0xFEFF: true
        default: false
        }
    }

    private static func capped(_ name: String) -> String {
        guard name.utf8.count > maximumBytes else { return name }
        let ext = fileExtension(of: name)
        let suffix = ext.isEmpty || ext.utf8.count > 16 ? "" : "." + ext
        var stem = suffix.isEmpty ? name : String(name.dropLast(suffix.count))
        while stem.utf8.count + suffix.utf8.count > maximumBytes { stem.removeLast() }
        return stem + suffix
    }
}
