/// A table written as CSV the way spreadsheet programs read Arabic: UTF-8 with a byte-order mark, CRLF line ends,
/// RFC 4180 quoting, and cells that a spreadsheet would run as a formula defused with a leading apostrophe.
struct CSVTable {
    var header: [String]
    var rows: [[String]] = []

    func text() -> String {
        "\u{FEFF}" + ([header] + rows).map { $0.map(Self.cell).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func cell(_ value: String) -> String {
        let bytes = value.utf8
        let defuse = bytes.first.map { [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains($0) } ?? false
        guard defuse || bytes.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return value }
        let text = defuse ? "'" + value : value
        return "\"" + (bytes.contains(0x22) ? text.replacingOccurrences(of: "\"", with: "\"\"") : text) + "\""
    }
}
