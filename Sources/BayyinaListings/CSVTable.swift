/// A table written as CSV the way spreadsheet programs read Arabic: UTF-8 with a byte-order mark, CRLF line ends,
/// RFC 4180 quoting, and cells that a spreadsheet would run as a formula defused with a leading apostrophe.
struct CSVTable {
    var header: [String]
    var rows: [[String]] = []

    func text() -> String {
        "\u{FEFF}" + ([header] + rows).map { $0.map(Self.cell).joined(separator: ",") + "\r\n" }.joined()
    }

    private static func cell(_ value: String) -> String {
        let defused = value.first.map { "=+-@\t\r".contains($0) } == true ? "'" + value : value
        let needsQuotes = defused != value || defused.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        return needsQuotes ? "\"" + defused.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : defused
    }
}
