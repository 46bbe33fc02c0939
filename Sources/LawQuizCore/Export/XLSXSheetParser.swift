import Foundation

/// Reads a worksheet part into rows of text, placing each cell by its
/// reference (`C7`) so skipped empty cells keep the columns in place.
/// References and row numbers are held to Excel's own bounds (XFD, 1,048,576),
/// so a hostile file gets a `sheet!cell` error, never an overflow or a
/// gigantic allocation.
final class XLSXSheetParser: XMLEventHandler {
    /// Excel's last row.
    static let maxRows = 1_048_576
    /// Excel's last column, XFD.
    static let maxColumns = 16_384
    /// Empty cells added to fill gaps before a cell far to the right, over the
    /// whole sheet: a roster needs a handful per row, a hostile sheet with a
    /// cell in column XFD on every row would otherwise need gigabytes.
    static let maxFillerCells = 4_000_000

    private let sharedStrings: [String]
    private let sheet: String
    private let fillerLimit: Int
    private var problem: String?
    private var fillerCells = 0
    private var rows: [XLSXRow] = []
    private var row: [Int: String] = [:]
    private var rowNumber = 0
    private var column = 0
    private var cellType = ""
    private var value = ""
    private var capturing = false
    private var inInline = false

    init(sharedStrings: [String], sheet: String, fillerLimit: Int) {
        self.sharedStrings = sharedStrings
        self.sheet = sheet
        self.fillerLimit = fillerLimit
    }

    static func parse(
        _ data: Data, sharedStrings: [String], sheet: String = "Sheet1", fillerLimit: Int = maxFillerCells, url: URL
    ) throws -> [XLSXRow] {
        let collector = XLSXSheetParser(sharedStrings: sharedStrings, sheet: sheet, fillerLimit: fillerLimit)
        do {
            try XMLEventReader.read(data, into: collector)
        } catch {
            throw ExportError.workbook(path: url.path, reason: "工作表无法解析：\(error)")
        }
        if let problem = collector.problem { throw ExportError.workbook(path: url.path, reason: problem) }
        return collector.rows
    }

    var stopsReading: Bool { problem != nil }

    /// Stops reading with a `sheet!cell` message.
    private func stop(_ message: String) {
        if problem == nil { problem = message }
    }

    /// `Sheet1!C7`, or the sheet and row when no cell is known.
    private func place(_ reference: String? = nil) -> String {
        "\(sheet)!\(reference ?? "第 \(rowNumber) 行")"
    }

    func startElement(_ name: String, attributes: [String: String], line: Int) {
        guard problem == nil else { return }
        switch XLSXElements.local(name) {
        case "row":
            if let text = attributes["r"] {
                guard let number = Int(text), (1...Self.maxRows).contains(number) else {
                    return stop("\(sheet)：行号 “\(text.prefix(20))” 无效（应为 1 到 \(Self.maxRows)）")
                }
                rowNumber = number
            } else {
                guard rowNumber < Self.maxRows else { return stop("\(sheet)：行数超过 \(Self.maxRows)") }
                rowNumber += 1
            }
            row = [:]
            column = 0
        case "c":
            if let reference = attributes["r"] {
                guard let parsed = Self.columnIndex(reference) else {
                    return stop("\(place())：单元格引用 “\(reference.prefix(20))” 无效（列应为 A 到 XFD）")
                }
                column = parsed
            }
            guard column < Self.maxColumns else { return stop("\(place())：列数超过 \(Self.maxColumns)（XFD）") }
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v": capturing = true
        case "is": inInline = true
        case "t": capturing = inInline
        default: break
        }
    }

    func endElement(_ name: String) {
        guard problem == nil else { return }
        switch XLSXElements.local(name) {
        case "v", "t": capturing = false
        case "is": inInline = false
        case "c":
            row[column] = cellText()
            column += 1
        case "row":
            // Trailing empty (e.g. only formatted) cells add no columns.
            let width = (row.filter { !$0.value.isEmpty }.keys.max() ?? -1) + 1
            fillerCells += width - row.keys.filter { $0 < width }.count
            guard fillerCells <= fillerLimit else {
                return stop("\(place())：空单元格过多（单元格散布在过宽的列上），工作表可能已损坏")
            }
            let cells = (0..<width).map { row[$0] ?? "" }
            if cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                rows.append(XLSXRow(number: rowNumber, cells: cells))
            }
        default: break
        }
    }

    func characters(_ text: String) {
        if capturing { value += text }
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

    /// `AB12` → 27 (0-based column); nil for no letters, more than three, or past XFD.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard scalar.value >= 65, scalar.value <= 90 else { break }
            letters += 1
            guard letters <= 3 else { return nil }
            index = index * 26 + Int(scalar.value - 64)
        }
        return letters == 0 || index > maxColumns ? nil : index - 1
    }
}
