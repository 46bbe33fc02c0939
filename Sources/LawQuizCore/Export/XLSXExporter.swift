import Foundation

/// `lawquiz export --format xlsx`: a workbook with sheets 汇总, 成绩明细,
/// 部门统计, 未参考名单 and 试题分析; counts and scores as numbers, rates as
/// fractions formatted `0.0%`, times as real spreadsheet times.
public struct XLSXExporter: Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    public static let sheetNames = ["汇总", "成绩明细", "部门统计", "未参考名单", "试题分析", "不计入人员", "全部作答", "作答明细"]

    /// Builds the workbook at `url` (a path that does not exist yet). With
    /// `detail`, the attempt-level sheets follow (不计入人员, 全部作答, 作答明细).
    public func write(
        _ report: ExamReport, detail: XLSXAttemptDetail? = nil, to url: URL, progress: (Int, Int) -> Void = { _, _ in }
    ) throws {
        let workbook = try XLSXWorkbook(timeZone: timeZone)
        defer { workbook.discard() }
        try writeSummary(report, try workbook.addSheet(named: Self.sheetNames[0], columnWidths: [24, 18, 18, 48]))
        try writeResults(report, try workbook.addSheet(named: Self.sheetNames[1], columnWidths: [12, 10, 30, 8, 8, 8, 8, 10, 20, 8, 40, 12]), progress: progress)
        try writeDepartments(report, try workbook.addSheet(named: Self.sheetNames[2], columnWidths: [36, 6] + Array(repeating: 11, count: 13)))
        try writeAbsent(report, try workbook.addSheet(named: Self.sheetNames[3], columnWidths: [36, 12, 10]))
        try writeItems(report, try workbook.addSheet(named: Self.sheetNames[4], columnWidths: [16, 12, 6, 8, 8, 8, 8, 10, 8, 10, 10] + Array(repeating: 6, count: 7) + [24]))
        if let detail { try writeDetail(report, detail, workbook: workbook) }
        try workbook.save(to: url, title: report.header.title)
    }

    private func writeSummary(_ report: ExamReport, _ sheet: XLSXSheetWriter) throws {
        let s = report.summary, h = report.header
        try sheet.addRow([.header("项目"), .header("数值"), .header("分数式"), .header("说明")])
        try sheet.addRow([.text("考试"), .text(h.title), .text(h.examID), .empty])
        try sheet.addRow([.text("应考范围"), .text(h.scopeText), .empty, .empty])
        try sheet.addRow([.text("合格与优秀"), .text(h.cutOffText), .empty, .text("分数线含本数")])
        try sheet.addRow([.text("计分方式"), .text(h.countingText), .empty, .empty])
        let counts: [(String, Int, String)] = [
            ("应考人数", s.required, h.scopeText), ("参考人数", s.sat, "应考人员中至少提交过一次的人数"), ("未参考人数", s.absent, ""),
            ("合格人数", s.passed, "按计入成绩"), ("优秀人数", s.excellent, "按计入成绩"),
            ("应参考单位数", s.unitsRequired, "名下直接有应考人员的部门数"), ("实际参考单位数", s.unitsSat, "其中至少一名应考人员参考的部门数"),
            ("免考人数", s.exempt, ""), ("不计入统计的作答人数", s.uncountedSitters, "已离开名单、免考、不在考试范围或不在名单中"),
            ("以补考成绩计入人数", s.countedFromMakeup, ""),
        ]
        for (label, value, note) in counts { try sheet.addRow([.text(label), .number(Double(value)), .empty, .text(note)]) }
        let rates: [(String, Rate, String)] = [
            ("参考率", s.participationRate, "参考人数 / 应考人数"), ("合格率（按参考人数）", s.passRateOfSat, "合格人数 / 参考人数"),
            ("合格率（按应考人数）", s.passRateOfRequired, "合格人数 / 应考人数"), ("优秀率（按参考人数）", s.excellenceRateOfSat, "优秀人数 / 参考人数"),
            ("优秀率（按应考人数）", s.excellenceRateOfRequired, "优秀人数 / 应考人数"), ("单位参考率", s.unitRate, "实际参考单位数 / 应参考单位数"),
        ]
        for (label, rate, note) in rates {
            try sheet.addRow([.text(label), .percent(rate), .text("\(rate.numerator)/\(rate.denominator)"), .text(note)])
        }
        if let scores = s.scores {
            // Mean and deviation are stored rounded to one decimal (shown `0.0`);
            // median and extremes are scores, stored and shown with their own decimals.
            let values: [(String, XLSXCell)] = [
                ("平均分", .decimal1(scores.mean)), ("中位数", .number(scores.median)), ("标准差（总体）", .decimal1(scores.standardDeviation)),
                ("最低分", .number(scores.minimum)), ("最高分", .number(scores.maximum)),
            ]
            for (label, cell) in values { try sheet.addRow([.text(label), cell, .empty, .empty]) }
        }
        if let test = report.items?.test {
            try sheet.addRow([.text("内部一致性系数（Cronbach α）"), test.internalConsistency.map(XLSXCell.percent) ?? .empty, .empty, .text("见试题分析")])
            try sheet.addRow([.text("测量标准误（分）"), test.standardError.map(XLSXCell.decimal2) ?? .empty, .empty, .empty])
        }
        // The cut-offs as numbers, so a check in Excel can compare against them.
        try sheet.addRow([.text("满分"), .number(h.fullMarks), .empty, .empty])
        try sheet.addRow([.text("合格分数线"), .number(h.passMark), .empty, .text("含本数")])
        try sheet.addRow([.text("优秀分数线"), .number(h.excellentMark), .empty, .text("含本数")])
        try sheet.addRow([.text("生成时间"), .dateTime(h.generatedAt), .empty, .empty])
        if let head = h.auditHead { try sheet.addRow([.text("校验码"), .text(head), .empty, .text(ExamReportHeader.auditHeadNote)]) }
        try sheet.addRow([])
        try sheet.addRow([.header("分数段"), .header("人数"), .header("占参考人数"), .empty])
        for band in s.histogram.bands {
            try sheet.addRow([.text(band.label), .number(Double(band.count)), .percent(Rate(band.count, of: s.sat)), .empty])
        }
    }

    private func writeResults(_ report: ExamReport, _ sheet: XLSXSheetWriter, progress: (Int, Int) -> Void) throws {
        try sheet.addRow(ResultRow.headers.map(XLSXCell.header))
        var written = 0
        for outcome in report.outcomes.people where outcome.isRequired {
            let row = ResultRow(outcome: outcome)
            try sheet.addRow([
                .text(row.staffID), .text(row.name), .text(row.department), .text(row.sat ? "是" : "否"), .number(row.score),
                .text(ResultRow.yesNo(row.passed)), .text(ResultRow.yesNo(row.excellent)), row.duration.map(XLSXCell.duration) ?? .empty,
                row.submittedAt.map(XLSXCell.dateTime) ?? .empty, .number(Double(row.attempts)), .text(row.countingText),
                .number(row.attemptID.map(Double.init)),
            ])
            written += 1
            if written % 5000 == 0 { progress(written, report.summary.required) }
        }
    }

    private func writeDepartments(_ report: ExamReport, _ sheet: XLSXSheetWriter) throws {
        try sheet.addRow(DepartmentTable.headers.map(XLSXCell.header))
        for node in report.departments.nodes {
            try sheet.addRow([
                .text(node.department.text), .number(Double(node.depth)), .number(Double(node.required)), .number(Double(node.sat)),
                .number(Double(node.absent)), .percent(node.participationRate), .number(Double(node.passed)), .percent(node.passRateOfSat),
                .percent(node.passRateOfRequired), .number(Double(node.excellent)), .percent(node.excellenceRateOfSat),
                .percent(node.excellenceRateOfRequired), node.meanScore.map(XLSXCell.decimal1) ?? .empty,
                .number(Double(node.unitsRequired)), .number(Double(node.unitsSat)), .number(Double(node.satOnPaper)),
            ])
        }
    }

    private func writeAbsent(_ report: ExamReport, _ sheet: XLSXSheetWriter) throws {
        try sheet.addRow([.header("部门"), .header("工号"), .header("姓名")])
        for outcome in report.outcomes.people where outcome.isRequired && outcome.counted == nil {
            try sheet.addRow([.text(outcome.person.department.text), .text(outcome.person.staffID), .text(outcome.person.name)])
        }
    }

    private func writeItems(_ report: ExamReport, _ sheet: XLSXSheetWriter) throws {
        try sheet.addRow(ItemTable.headers.map(XLSXCell.header))
        for item in report.items?.items ?? [] {
            var cells: [XLSXCell] = [
                .text(item.questionID), .text(report.lawName(item.lawID)),
                item.furtherArticles.isEmpty
                    ? .number(item.article.map(Double.init)) : .text(([item.article].compactMap { $0 } + item.furtherArticles).map(String.init).joined(separator: "、")),
                .text(item.type.shortName),
                .text(item.answer), .number(Double(item.drawn)), .number(Double(item.right)), item.facility.map(XLSXCell.percent) ?? .empty,
                item.standardDeviation.map(XLSXCell.decimal2) ?? .empty, item.discrimination.map(XLSXCell.decimal2) ?? .empty,
                item.discriminativeEfficiency.map(XLSXCell.percent) ?? .empty,
            ]
            for index in 0..<6 { cells.append(index < item.optionCounts.count ? .number(Double(item.optionCounts[index])) : .empty) }
            cells.append(.number(Double(item.unanswered)))
            cells.append(.text(item.flags.map(\.title).joined(separator: "、")))
            try sheet.addRow(cells)
        }
    }
}

/// Column headings of the department table, shared by the exports.
public enum DepartmentTable {
    public static let headers = [
        "部门", "层级", "应考人数", "参考人数", "未参考人数", "参考率", "合格人数", "合格率（按参考）", "合格率（按应考）", "优秀人数",
        "优秀率（按参考）", "优秀率（按应考）", "平均分", "应参考单位数", "实际参考单位数", "其中线下人数",
    ]
}

/// Column headings of the item table, shared by the exports.
public enum ItemTable {
    public static let headers = [
        "题目编号", "法律", "条", "题型", "答案", "抽到次数", "全对次数", "难度系数F", "标准差", "区分度D", "区分效率E",
        "A/对", "B/错", "C", "D", "E", "F", "未作答", "提示",
    ]
}
