import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads a worksheet part into rows of text, placing each cell by its
/// reference (`C7`) so skipped empty cells keep the columns in place.
final class XLSXSheetParser: NSObject, XMLParserDelegate {
    private let sharedStrings: [String]
    private var rows: [XLSXRow] = []
    private var row: [Int: String] = [:]
    private var rowNumber = 0
    private var column = 0
    private var cellType = ""
    private var value = ""
    private var capturing = false
    private var inInline = false

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
    }

    static func parse(_ data: Data, sharedStrings: [String], url: URL) throws -> [XLSXRow] {
        let parser = XMLParser(data: data)
        let collector = XLSXSheetParser(sharedStrings: sharedStrings)
        parser.delegate = collector
        guard parser.parse() else { throw ExportError.workbook(path: url.path, reason: "工作表无法解析：\(parser.parserError.map { "\($0)" } ?? "")") }
        return collector.rows
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch XLSXElements.local(name) {
        case "row":
            rowNumber = attributes["r"].flatMap(Int.init) ?? rowNumber + 1
            row = [:]
            column = 0
        case "c":
            if let reference = attributes["r"], let parsed = Self.columnIndex(reference) { column = parsed }
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v": capturing = true
        case "is": inInline = true
        case "t": capturing = inInline
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch XLSXElements.local(name) {
        case "v", "t": capturing = false
        case "is": inInline = false
        case "c":
            row[column] = cellText()
            column += 1
        case "row":
            let width = (row.keys.max() ?? -1) + 1
            let cells = (0..<width).map { row[$0] ?? "" }
            if cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                rows.append(XLSXRow(number: rowNumber, cells: cells))
            }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing { value += string }
    }

    private func cellText() -> String {
        switch cellType {
        case "s": return Int(value).flatMap { sharedStrings.indices.contains($0) ? sharedStrings[$0] : nil } ?? ""
        case "b": return value == "1" ? "TRUE" : "FALSE"
        case "inlineStr", "str", "e": return value
        default: return Self.numberText(value)
        }
    }

    /// Whole numbers without `.0` or exponent, so a 工号 typed as a number reads back as typed.
    static func numberText(_ text: String) -> String {
        guard text.contains(where: { $0 == "." || $0 == "E" || $0 == "e" }), let number = Double(text) else { return text }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return text
    }

    /// `AB12` → 27 (0-based column).
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            index = index * 26 + Int(scalar.value - 64)
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }
}
