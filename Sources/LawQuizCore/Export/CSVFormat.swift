import Foundation

/// CSV cells the way spreadsheets on Chinese Windows read them safely:
/// RFC 4180 quoting, CRLF line ends, a UTF-8 byte-order mark, and text that
/// could run as a formula neutralised.
public enum CSVFormat {
    /// UTF-8 BOM: without it Excel on Chinese Windows reads UTF-8 as GBK.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Characters that make a spreadsheet treat a cell as a formula (or DDE).
    static let formulaStarters: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

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
        cells.map { cell in
            switch cell {
            case .text(let text): return quoted(neutralised(text))
            case .number(let text): return text
            }
        }.joined(separator: ",") + "\r\n"
    }
}

/// A CSV cell: text (neutralised and quoted as needed) or a number the exporter formatted.
public enum CSVCell: Sendable, Hashable {
    case text(String)
    case number(String)
}
