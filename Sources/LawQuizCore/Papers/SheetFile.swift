import Foundation

/// One answer sheet as keyed in (a row of `exam enter --import`).
public struct SheetRow: Sendable, Hashable {
    public var line: Int
    public var paperNumber: Int
    /// The check code printed beside the number, when the file has the column.
    public var checkCode: String?
    public var staffID: String
    /// The answer string in `AnswerSheetLine` notation (parsed against the paper later).
    public var answers: String

    public init(line: Int, paperNumber: Int, checkCode: String? = nil, staffID: String, answers: String) {
        self.line = line
        self.paperNumber = paperNumber
        self.checkCode = checkCode
        self.staffID = staffID
        self.answers = answers
    }
}

/// Reads answer-sheet files: CSV (UTF-8 or GBK, as Excel saves it, or
/// tab-separated as a scanner exports it) with a header naming the columns
/// 试卷号, 工号, 答案 in any order and optionally 校验码; other columns are
/// ignored. Rows that cannot be read are returned as problems beside the
/// good rows, so the caller decides whether to store none or skip them.
public enum SheetFile {
    static let columnNames: [String: [String]] = [
        "试卷号": ["试卷号", "卷号", "paper", "paper_no"],
        "工号": ["工号", "staff", "staff_id"],
        "答案": ["答案", "answers", "answer"],
        "校验码": ["校验码", "check", "check_code"],
    ]

    public static func rows(csv data: Data, file: String) throws -> (rows: [SheetRow], problems: [CSVError]) {
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(decoding: data).records
        } catch let error as CSVError {
            throw CSVFileError(.answerSheets, file: file, problems: [error])
        }
        guard let header = records.first else {
            throw CSVFileError(.answerSheets, file: file, problems: [CSVError(line: 1, message: "文件为空，第一行应为表头：试卷号,工号,答案")])
        }
        let columns = CSVReader.columns(of: header, aliases: columnNames)
        guard let numberColumn = columns["试卷号"], let staffColumn = columns["工号"], let answerColumn = columns["答案"] else {
            let missing = ["试卷号", "工号", "答案"].filter { columns[$0] == nil }
            throw CSVFileError(.answerSheets, file: file, problems: [
                CSVError(line: header.line, message: "表头缺少列：\(missing.joined(separator: "、"))（表头应为 试卷号,工号,答案）")
            ])
        }
        var rows: [SheetRow] = []
        var problems: [CSVError] = []
        var numberLine: [Int: Int] = [:]
        for record in records.dropFirst() {
            let fields = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
            if fields.allSatisfy(\.isEmpty) { continue }
            guard fields.count == header.fields.count else {
                problems.append(CSVError(line: record.line, message: "有 \(fields.count) 列，表头有 \(header.fields.count) 列（多选答案中的逗号请改用 /，或给答案加引号）"))
                continue
            }
            guard let number = Int(fields[numberColumn]), number > 0 else {
                problems.append(CSVError(line: record.line, message: "试卷号“\(fields[numberColumn])”不是正整数"))
                continue
            }
            if let earlier = numberLine[number] {
                problems.append(CSVError(line: record.line, message: "试卷号 \(number) 重复（第 \(earlier) 行已有）"))
                continue
            }
            guard !fields[staffColumn].isEmpty else {
                problems.append(CSVError(line: record.line, message: "工号为空"))
                continue
            }
            numberLine[number] = record.line
            rows.append(SheetRow(
                line: record.line, paperNumber: number, checkCode: columns["校验码"].map { fields[$0] }, staffID: fields[staffColumn],
                answers: fields[answerColumn]))
        }
        return (rows, problems)
    }
}
