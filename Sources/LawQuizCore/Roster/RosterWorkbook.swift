import Foundation

/// Rosters saved as Excel workbooks (.xlsx): the first sheet, with the same
/// columns as the CSV (工号, 姓名, 部门, in any order), validated by the same
/// rules and reported with the sheet's row numbers.
public enum RosterWorkbook {
    public static func entries(xlsx url: URL, file: String) throws -> [RosterEntry] {
        let rows: [XLSXRow]
        do {
            rows = try XLSXReader(url: url).rows(sheet: 0)
        } catch let error as ExportError {
            let reason = error.errorDescription ?? "\(error)"
            throw CSVFileError(.roster, file: file, problems: [CSVError(line: 1, message: "无法读取 Excel 工作簿（\(reason)）")])
        }
        return try RosterFile.entries(fromRows: rows.map { CSVRecord(line: $0.number, fields: $0.cells) }, file: file)
    }

    /// Whether a path names a workbook rather than a text file.
    public static func isWorkbook(_ path: String) -> Bool {
        path.lowercased().hasSuffix(".xlsx")
    }
}
