import Foundation

/// CSV cells the way spreadsheets on Chinese Windows read them safely:
/// RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark, and text that
/// could run as a formula neutralised.
public enum CSVFormat {
    /// UTF-8 BOM: without it Excel on Chinese Windows reads UTF-8 as GBK.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Characters that make a spreadsheet treat a cell as a formula (or DDE).
    static let formulaStarters: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]
    /// Their first bytes (all ASCII), tested before the Character.
    private static let formulaStarterBytes: [UInt8] = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13]

    /// Prefixes `'` to text starting with `=`, `+`, `-`, `@`, tab or CR, so it
    /// stays text (OWASP's advice for CSV injection). Applied to text cells
    /// only — numbers the exporter writes itself are left as numbers.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.first, formulaStarters.contains(first) else { return text }
        return "'" + text
    }

    /// Quotes a field when it holds a comma, quote, CR or LF, doubling quotes.
    public static func quoted(_ field: String) -> String {
        let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One record: text cells neutralised and quoted, numbers as written, CRLF at the end.
    public static func record(_ cells: [CSVCell]) -> String {
        var bytes: [UInt8] = []
        append(cells, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the bytes of `record(cells)` to `bytes`: an export of 100,000
    /// rows reuses one buffer instead of building and joining strings per cell.
    public static func append(_ cells: [CSVCell], to bytes: inout [UInt8]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            switch cell {
            case .text(let text): appendText(text, to: &bytes)
            case .number(let text): bytes.append(contentsOf: text.utf8)
            }
        }
        bytes.append(13)
        bytes.append(10)
    }

    /// `quoted(neutralised(text))`, byte by byte.
    static func appendText(_ text: String, to bytes: inout [UInt8]) {
        let utf8 = text.utf8
        // Only an ASCII starter can begin a formula; the Character test (a grapheme break, rarely
        // reached) keeps `neutralised`'s exact rule (`\r\n` or `=` with a combining mark is no starter).
        let neutralise = utf8.first.map(formulaStarterBytes.contains) == true && text.first.map { formulaStarters.contains($0) } == true
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            if neutralise { bytes.append(UInt8(ascii: "'")) }
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(UInt8(ascii: "\""))
        if neutralise { bytes.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            bytes.append(byte)
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// A CSV cell: text (neutralised and quoted as needed) or a number the exporter formatted.
public enum CSVCell: Sendable, Hashable {
    case text(String)
    case number(String)
}
