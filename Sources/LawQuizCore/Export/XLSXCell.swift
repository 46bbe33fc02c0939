import Foundation

/// A worksheet cell: numbers stay numbers (with a display format) so the
/// workbook can be summed and sorted without conversion.
public enum XLSXCell: Sendable, Hashable {
    case empty
    case text(String)
    case number(Double)
    /// A fraction of one shown as `98.3%`.
    case percent(Double)
    /// Seconds shown as `[h]:mm:ss`.
    case duration(TimeInterval)
    /// A moment shown as `yyyy-mm-dd hh:mm:ss` in the report's time zone.
    case dateTime(Date)
    /// A number shown with one decimal (means).
    case decimal1(Double)
    /// A number shown with two decimals (indices).
    case decimal2(Double)
    /// Bold text, for header rows.
    case header(String)

    /// Text when present, empty otherwise.
    public static func text(_ value: String?) -> XLSXCell { value.map(XLSXCell.text) ?? .empty }
    public static func number(_ value: Double?) -> XLSXCell { value.map(XLSXCell.number) ?? .empty }
    /// A rate stored as the one-decimal percentage every report shows
    /// (`Rate.tenthsOfPercent`, 0.983), so the cell's `0.0%` format displays
    /// exactly the stored value and Excel cannot round it differently.
    public static func percent(_ rate: Rate) -> XLSXCell {
        rate.tenthsOfPercent.map { .percent(DecimalRounding.value($0, places: 3)) } ?? .empty
    }

    /// Style index in styles.xml (see `XLSXWorkbook.styles`).
    var style: Int {
        switch self {
        case .empty, .text, .number: return 0
        case .percent: return 1
        case .duration: return 2
        case .dateTime: return 3
        case .header: return 4
        case .decimal1: return 5
        case .decimal2: return 6
        }
    }
}

/// Streams one worksheet's XML into a file, row by row.
public final class XLSXSheetWriter {
    private let writer: ByteWriter
    private let timeZone: TimeZone
    private var rowNumber = 0
    private var finished = false

    init(writer: ByteWriter, columnWidths: [Double], timeZone: TimeZone) throws {
        self.writer = writer
        self.timeZone = timeZone
        var head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        head += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        head += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        head += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !columnWidths.isEmpty {
            head += "<cols>"
            for (index, width) in columnWidths.enumerated() {
                head += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }
            head += "</cols>"
        }
        head += "<sheetData>"
        try writer.write(head)
    }

    /// Appends one row; empty cells are skipped (their column letters keep the others in place).
    public func addRow(_ cells: [XLSXCell]) throws {
        rowNumber += 1
        let row = String(rowNumber)
        var xml = "<row r=\"" + row + "\">"
        for (index, cell) in cells.enumerated() {
            xml += cellXML(cell, reference: (index < Self.letters.count ? Self.letters[index] : Self.column(index)) + row)
        }
        xml += "</row>"
        try writer.write(xml)
    }

    func finish() throws {
        guard !finished else { return }
        finished = true
        try writer.write("</sheetData></worksheet>")
        try writer.flush()
    }

    private func cellXML(_ cell: XLSXCell, reference: String) -> String {
        let style = cell.style == 0 ? "" : " s=\"\(cell.style)\""
        switch cell {
        case .empty:
            return ""
        case .text(let text), .header(let text):
            return "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLText.escaped(text))</t></is></c>"
        case .number(let value), .percent(let value), .decimal1(let value), .decimal2(let value):
            return value.isFinite ? "<c r=\"\(reference)\"\(style)><v>\(Self.number(value))</v></c>" : ""
        case .duration(let seconds):
            return "<c r=\"\(reference)\"\(style)><v>\(Self.number(seconds / 86_400))</v></c>"
        case .dateTime(let date):
            return "<c r=\"\(reference)\"\(style)><v>\(Self.number(Self.serial(date, timeZone: timeZone)))</v></c>"
        }
    }

    /// Spreadsheet serial day number (1900 system) of a moment in a time zone.
    static func serial(_ date: Date, timeZone: TimeZone) -> Double {
        (date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))) / 86_400 + 25_569
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// The first columns' letters, computed once (rows of millions of cells look them up).
    static let letters = (0..<32).map(column)

    /// Column letters: 0 → A, 25 → Z, 26 → AA.
    public static func column(_ index: Int) -> String {
        var index = index
        var letters = ""
        repeat {
            letters = String(UnicodeScalar(UInt8(65 + index % 26))) + letters
            index = index / 26 - 1
        } while index >= 0
        return letters
    }
}
