import Foundation

/// The terminal renderings of `stats`, `absent` and `items`: aligned tables
/// (wide characters count two cells) with the definitions spelled out.
public struct TextReport: Sendable {
    public var report: ExamReport
    /// Terminal width for the bar chart.
    public var width: Int
    /// Cells the tables may take; nil for unlimited (pipes, files).
    public var tableWidth: Int?

    public init(report: ExamReport, width: Int, tableWidth: Int? = nil) {
        self.report = report
        self.width = width
        self.tableWidth = tableWidth
    }

    /// Title line and the rules the figures follow.
    public var heading: String {
        let h = report.header
        return fitted(TerminalText.visible("\(h.title)（\(h.examID)）", newlines: .space) + "\n应考范围：\(h.scopeText)\n分数线：\(h.cutOffText)\n计分方式：\(h.countingText)\n")
    }

    /// Prose lines wrapped to the table width (unchanged when unlimited).
    func fitted(_ text: String) -> String {
        guard let tableWidth else { return text }
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return DisplayWidth.wrap(body, width: tableWidth, minimumWidth: 1).joined(separator: "\n") + (text.hasSuffix("\n") ? "\n" : "")
    }

    /// `stats`: summary table and the score histogram.
    public func summary() -> String {
        var table = TextTable(columns: [TableColumn("项目"), TableColumn("数值", .right), TableColumn("定义", fit: .wrap, minimumWidth: 16)])
        for line in report.summaryLines { table.rows.append([line.label, line.value, line.note]) }
        var text = heading + "\n" + table.render(width: tableWidth)
        text += "\n" + histogram()
        return text
    }

    /// Score bands as a bar chart, each bar with its count and share of those who sat.
    public func histogram() -> String {
        let s = report.summary
        guard s.sat > 0 else { return "分数分布：无人参考。\n" }
        let bars = s.histogram.bands.map { band in
            BarChart.Bar(label: band.label, value: band.count, annotation: "\(band.count)（\(Rate(band.count, of: s.sat).percentText)）")
        }
        return fitted("分数分布（每 10 分一段，含下限不含上限，最后一段含满分；共 \(s.sat) 人）：\n") + BarChart(bars: bars).render(width: width).joined(separator: "\n") + "\n"
    }

    /// `stats --by department`: every node of the tree, indented, rolled up.
    public func departments() -> String {
        var table = TextTable(
            columns: [
                TableColumn("部门", fit: .shorten), TableColumn("应考", .right), TableColumn("参考", .right, priority: 95),
                TableColumn("其中线下", .right, priority: 25),
                TableColumn("参考率", .right), TableColumn("合格", .right, priority: 60), TableColumn("合格率（按参考）", .right, priority: 90),
                TableColumn("合格率（按应考）", .right, priority: 70), TableColumn("优秀", .right, priority: 40),
                TableColumn("优秀率（按参考）", .right, priority: 80), TableColumn("优秀率（按应考）", .right, priority: 50),
                TableColumn("平均分", .right, priority: 85), TableColumn("应参考单位", .right, priority: 30),
                TableColumn("实际参考单位", .right, priority: 20),
            ], fullViewHint: "用 --width 或 --format csv 查看全部")
        for node in report.departments.nodes {
            let name = String(repeating: "  ", count: node.depth) + node.department.name
            table.rows.append([
                name, String(node.required), String(node.sat), String(node.satOnPaper), node.participationRate.text, String(node.passed),
                node.passRateOfSat.text, node.passRateOfRequired.text, String(node.excellent), node.excellenceRateOfSat.text, node.excellenceRateOfRequired.text,
                node.meanScore.map(ScoreFormat.oneDecimal) ?? "—", String(node.unitsRequired), String(node.unitsSat),
            ])
        }
        return heading + "\n" + table.render(width: tableWidth)
            + "\n" + fitted("各部门数字含下属部门。单位：名下直接有应考人员的部门；实际参考单位：其中至少一名应考人员参考。\n")
    }

    /// `stats --by law|type`: accuracy per group.
    public func accuracy(_ breakdown: AccuracyBreakdown, heading label: String) -> String {
        var table = TextTable(
            columns: [
                TableColumn(label, fit: .shorten), TableColumn("题次", .right, priority: 50), TableColumn("全对", .right, priority: 40),
                TableColumn("部分得分", .right, priority: 30), TableColumn("未作答", .right, priority: 20), TableColumn("正确率", .right),
                TableColumn("得分率", .right),
            ], fullViewHint: "用 --width 或 --format csv 查看全部")
        for row in breakdown.rows {
            table.rows.append([
                row.title, String(row.responses), String(row.right), String(row.partial), String(row.unanswered), row.accuracy.text,
                row.scoreShare.percentText,
            ])
        }
        return heading + "\n" + table.render(width: tableWidth) + "\n"
            + fitted("正确率 = 全对题次 / 题次；得分率 = 所得分数 / 可得分数（含部分得分）。统计范围：应考人员的计入作答。\n")
    }

    /// `absent`: 未参考名单 grouped by department.
    public func absent() -> String {
        let text = heading + "\n未参考名单：\(report.summary.absent) 人（应考 \(report.summary.required) 人）\n"
        var current: DepartmentPath?
        var table = TextTable(columns: [TableColumn("部门", fit: .wrap), TableColumn("工号"), TableColumn("姓名", fit: .shorten, minimumWidth: 6)])
        for outcome in report.outcomes.people where outcome.isRequired && outcome.counted == nil {
            let first = outcome.person.department != current
            current = outcome.person.department
            table.rows.append([first ? outcome.person.department.text : "", outcome.person.staffID, outcome.person.name])
        }
        return table.rows.isEmpty ? text : text + "\n" + table.render(width: tableWidth)
    }
}
