import Foundation

/// What the workbook's attempt-level sheets need beyond the report: every
/// attempt (counted or not, finished or not) and a stream of the submitted
/// ones with their papers and answers.
public struct XLSXAttemptDetail {
    public var listings: [AttemptListing]
    /// Calls its argument once per submitted (or overdue) attempt with its
    /// items; nil leaves out 作答明细 (a row per answer: 45 per attempt).
    public var attempts: (((AttemptDetail) throws -> Void) throws -> Void)?
    /// Exam id → whether 多选题 earn half for a correct subset.
    public var partialScoring: [String: Bool]

    public init(listings: [AttemptListing], attempts: (((AttemptDetail) throws -> Void) throws -> Void)?, partialScoring: [String: Bool]) {
        self.listings = listings
        self.attempts = attempts
        self.partialScoring = partialScoring
    }
}

/// 不计入人员, 全部作答 and 作答明细: the sheets an administrator checks the
/// figures with — who sat but does not count and why, every attempt with
/// whether it counted, and each counted answer against its key (Moodle's
/// responses report). A sheet holds at most 1,048,576 rows, so 作答明细
/// continues on 作答明细2, 3… when needed.
extension XLSXExporter {
    static let responseHeaders = ["工号", "姓名", "作答编号", "考试", "题号", "题目编号", "题型", "法律", "分值", "作答", "标准答案", "得分"]
    static let rowsPerSheet = 1_048_576

    func writeDetail(_ report: ExamReport, _ detail: XLSXAttemptDetail, workbook: XLSXWorkbook) throws {
        var names: [String: String] = [:]
        var counted: [Int64: String] = [:]
        var why: [String: String] = [:]
        for outcome in report.outcomes.people {
            names[outcome.person.staffID] = outcome.person.name
            if outcome.isRequired, let attempt = outcome.counted?.attempt.id { counted[attempt] = outcome.counted?.explanation }
            if !outcome.isRequired { why[outcome.person.staffID] = outcome.status.label }
        }
        try writeUncounted(report, try workbook.addSheet(named: Self.sheetNames[5], columnWidths: [12, 10, 30, 24, 8, 12]))
        try writeListings(
            report, detail.listings, names: names, counted: counted, why: why,
            try workbook.addSheet(named: Self.sheetNames[6], columnWidths: [10, 12, 10, 14, 6, 20, 20, 20, 24, 8, 6, 6, 8, 40]))
        if let attempts = detail.attempts {
            try writeResponses(report, attempts, partialScoring: detail.partialScoring, names: names, counted: Set(counted.keys), workbook: workbook)
        }
    }

    /// People with a counted attempt who are not required, with the reason.
    private func writeUncounted(_ report: ExamReport, _ sheet: XLSXSheetWriter) throws {
        try sheet.addRow(["工号", "姓名", "部门", "不计入原因", "得分", "作答编号"].map(XLSXCell.header))
        for outcome in report.outcomes.people where !outcome.isRequired {
            guard let counted = outcome.counted else { continue }
            try sheet.addRow([
                .text(outcome.person.staffID), .text(outcome.person.name), .text(outcome.person.department.text), .text(outcome.status.label),
                .number(counted.attempt.score), .number(Double(counted.attempt.id)),
            ])
        }
        for (staffID, counted) in report.outcomes.unknownStaff.sorted(by: { $0.key < $1.key }) {
            try sheet.addRow([
                .text(staffID), .empty, .empty, .text("不在花名册中"), .number(counted.attempt.score), .number(Double(counted.attempt.id)),
            ])
        }
    }

    private func writeListings(
        _ report: ExamReport, _ listings: [AttemptListing], names: [String: String], counted: [Int64: String], why: [String: String],
        _ sheet: XLSXSheetWriter
    ) throws {
        try sheet.addRow(
            ["作答编号", "工号", "姓名", "考试", "类别", "开始时间", "截止时间", "提交时间", "状态", "得分", "合格", "优秀", "是否计入", "说明"]
                .map(XLSXCell.header))
        for listing in listings {
            let note: String
            if let explanation = counted[listing.id] {
                note = explanation
            } else if listing.state == .inProgress {
                note = "尚未交卷，截止前仍可作答"
            } else if names[listing.staffID] == nil {
                note = "不在花名册中"
            } else if let reason = why[listing.staffID] {
                note = reason
            } else {
                note = "按计分方式未选中（\(report.header.countingText)）"
            }
            try sheet.addRow([
                .number(Double(listing.id)), .text(listing.staffID), .text(names[listing.staffID]), .text(listing.examID),
                .text(listing.examID == report.header.examID ? "正考" : "补考"), .dateTime(listing.startedAt), .dateTime(listing.deadline),
                listing.submittedAt.map(XLSXCell.dateTime) ?? .empty, .text(listing.stateText), .number(listing.score),
                .text(ResultRow.yesNo(listing.passed)), .text(ResultRow.yesNo(listing.excellent)),
                .text(counted[listing.id] == nil ? "否" : "是"), .text(note),
            ])
        }
    }

    private func writeResponses(
        _ report: ExamReport, _ attempts: ((AttemptDetail) throws -> Void) throws -> Void, partialScoring: [String: Bool],
        names: [String: String], counted: Set<Int64>, workbook: XLSXWorkbook
    ) throws {
        let widths: [Double] = [12, 10, 10, 14, 6, 16, 8, 12, 6, 8, 8, 6]
        var sheet = try workbook.addSheet(named: Self.sheetNames[7], columnWidths: widths)
        try sheet.addRow(Self.responseHeaders.map(XLSXCell.header))
        var rows = 1, part = 1
        try attempts { attempt in
            guard counted.contains(attempt.id) else { return }
            let partial = partialScoring[attempt.examID] ?? false
            for item in attempt.items {
                if rows == Self.rowsPerSheet {
                    part += 1
                    sheet = try workbook.addSheet(named: Self.sheetNames[7] + String(part), columnWidths: widths)
                    try sheet.addRow(Self.responseHeaders.map(XLSXCell.header))
                    rows = 1
                }
                let key = OptionBits(code: item.keyCode, type: item.type)
                let earned = OptionBits.mark(given: item.given, key: key, type: item.type, points: item.points, partial: partial)
                try sheet.addRow([
                    .text(attempt.staffID), .text(names[attempt.staffID]), .number(Double(attempt.id)), .text(attempt.examID),
                    .number(Double(item.index + 1)), .text(item.questionID), .text(item.type.shortName), .text(report.lawName(item.lawID)),
                    .number(item.points), .text(Self.answerText(item.givenCode, type: item.type)),
                    .text(Self.answerText(item.keyCode, type: item.type)), .number(earned),
                ])
                rows += 1
            }
        }
    }

    /// Bank letters, or 对/错 for 判断题; empty when unanswered.
    static func answerText(_ code: String?, type: QuestionType) -> String {
        guard let code else { return "" }
        guard type == .judge else { return code }
        return code == "T" ? "对" : code == "F" ? "错" : code
    }
}
