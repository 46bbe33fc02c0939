import Foundation

/// `lawquiz export --format html`: one self-contained page (no scripts, no
/// network): the summary, a score histogram and participation by department
/// as inline SVG, and the department, accuracy, item and absence tables;
/// readable when printed. Per-person results are in the CSV/XLSX exports.
public struct HTMLExporter: Sendable {
    public var timeFormat: ReportTimeFormat
    /// Study progress by department (今日练习), shown beside the exam's figures
    /// so an office sees who studies as well as who sat; nil leaves it out.
    public var mastery: DepartmentMastery?

    public init(timeFormat: ReportTimeFormat, mastery: DepartmentMastery? = nil) {
        self.timeFormat = timeFormat
        self.mastery = mastery
    }

    static let style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.5}
        h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.25em;border-bottom:2px solid #3b6ea5;padding-bottom:.2em;margin-top:1.6em}
        .meta{color:#555}.meta div{margin:.1em 0}table{border-collapse:collapse;margin:.6em 0;font-size:.9em}
        th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}th{background:#eef2f7}
        td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.flag{color:#b00020}
        .chart{width:100%;max-width:760px;height:auto;display:block;margin:.5em 0}
        @media print{body{margin:0;max-width:none;font-size:10pt}h2{page-break-after:avoid}table{page-break-inside:auto}
        tr{page-break-inside:avoid}thead{display:table-header-group}.chart{max-width:100%;page-break-inside:avoid}}
        """

    public func write(_ report: ExamReport, to writer: ByteWriter) throws {
        let h = report.header
        try writer.write("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>\(HTMLText.escaped(h.title))统计报告</title>")
        try writer.write("<style>\(Self.style)</style></head><body>\n")
        try writer.write("<h1>\(HTMLText.escaped(h.title))统计报告</h1><div class=\"meta\">")
        for line in ["考试编号：\(h.examID)", "应考范围：\(h.scopeText)", "分数线：\(h.cutOffText)", "计分方式：\(h.countingText)",
                     "生成时间：\(timeFormat.dateTime(h.generatedAt))"] + h.auditHeadLines {
            try writer.write("<div>\(HTMLText.escaped(line))</div>")
        }
        try writer.write("</div>\n<h2>汇总</h2>")
        try writer.write(Self.table(["项目", "数值", "定义"], report.summaryLines.map { [$0.label, $0.value, $0.note] }, numeric: [1]))
        try writer.write("<h2>分数分布</h2>" + SVGChart.histogram(report.summary.histogram))
        let chartNodes = SVGChart.chartDepartments(report.departments)
        if !chartNodes.isEmpty { try writer.write("<h2>各部门参考率</h2>" + SVGChart.participation(chartNodes)) }
        try writeDepartments(report, writer)
        try writeAccuracy(report, writer)
        try writeItems(report, writer)
        try writeAbsent(report, writer)
        try writeMastery(writer)
        try writer.write("</body></html>\n")
    }

    private func writeDepartments(_ report: ExamReport, _ writer: ByteWriter) throws {
        let rows = report.departments.nodes.map { node in
            [String(repeating: "　", count: node.depth) + node.department.name, String(node.required), String(node.sat),
             String(node.satOnPaper), node.participationRate.text, String(node.passed), node.passRateOfSat.text, node.passRateOfRequired.text, String(node.excellent),
             node.excellenceRateOfSat.text, node.excellenceRateOfRequired.text, node.meanScore.map(ScoreFormat.oneDecimal) ?? "—",
             String(node.unitsRequired), String(node.unitsSat)]
        }
        try writer.write("<h2>部门统计</h2><p>各部门数字含下属部门。单位：名下直接有应考人员的部门。</p>")
        try writer.write(Self.table(
            ["部门", "应考", "参考", "其中线下", "参考率", "合格", "合格率（按参考）", "合格率（按应考）", "优秀", "优秀率（按参考）", "优秀率（按应考）",
             "平均分", "应参考单位", "实际参考单位"],
            rows, numeric: Set(1...13)))
    }

    private func writeAccuracy(_ report: ExamReport, _ writer: ByteWriter) throws {
        for (title, breakdown) in [("按法律", report.byLaw), ("按题型", report.byType)] {
            guard let breakdown, !breakdown.rows.isEmpty else { continue }
            let rows = breakdown.rows.map { row in
                [row.title, String(row.responses), String(row.right), row.accuracy.text, row.scoreShare.percentText]
            }
            try writer.write("<h2>正确率（\(title)）</h2>" + Self.table(["分组", "题次", "全对", "正确率", "得分率"], rows, numeric: [1, 2, 3, 4]))
        }
    }

    private func writeItems(_ report: ExamReport, _ writer: ByteWriter) throws {
        guard let analysis = report.items else { return }
        let t = analysis.test
        try writer.write("<h2>试题分析</h2><p>定义见 <code>lawquiz items --help</code>（依 Moodle 测验统计）。分析作答 \(t.attempts) 份；")
        try writer.write("内部一致性系数 CIC = \(ItemReportText.percent(t.internalConsistency))，标准误 SE = \(ItemReportText.decimal(t.standardError)) 分。</p>")
        let ordered = analysis.items.filter { !$0.flags.isEmpty } + analysis.items.filter(\.flags.isEmpty)
        let rows = ordered.map { item in
            [item.questionID, report.lawName(item.lawID), item.articleText ?? "?", item.type.shortName, item.answer,
             String(item.drawn), ItemReportText.percent(item.facility), ItemReportText.decimal(item.discrimination),
             ItemReportText.percent(item.discriminativeEfficiency),
             item.optionSummary, String(item.unanswered),
             item.flags.map(\.title).joined(separator: "、")]
        }
        try writer.write(Self.table(["题目", "法律", "条", "题型", "答案", "抽到", "难度系数F", "区分度D", "区分效率E", "选项", "未答", "提示"], rows, numeric: [5, 6, 7, 8, 10], flagColumn: 11))
    }

    private func writeMastery(_ writer: ByteWriter) throws {
        guard let mastery, !mastery.rows.isEmpty else { return }
        try writer.write("<h2>各部门学习掌握程度（今日练习）</h2><p>平均掌握：每人已掌握（记忆保持率 ≥ 90%）的题占全部 "
            + "\(mastery.totalQuestions) 道的比例，按部门取平均；在练：有练习记录的人数。</p>")
        let rows = mastery.rows.map { row in
            [row.department.isEmpty ? "（未填部门）" : row.department, String(row.people), String(row.studying),
             DecimalRounding.text(DecimalRounding.scaled(row.averageShare * 100, places: 1), places: 1) + "%"]
        }
        try writer.write(Self.table(["部门", "人数", "在练", "平均掌握"], rows, numeric: [1, 2, 3]))
    }

    private func writeAbsent(_ report: ExamReport, _ writer: ByteWriter) throws {
        try writer.write("<h2>未参考名单（\(report.summary.absent) 人）</h2>")
        try writer.write("<table><thead><tr><th>部门</th><th>工号</th><th>姓名</th></tr></thead><tbody>\n")
        for outcome in report.outcomes.people where outcome.isRequired && outcome.counted == nil {
            try writer.write("<tr><td>\(HTMLText.escaped(outcome.person.department.text))</td><td>\(HTMLText.escaped(outcome.person.staffID))</td><td>\(HTMLText.escaped(outcome.person.name))</td></tr>\n")
        }
        try writer.write("</tbody></table>\n")
    }

    static func table(_ headers: [String], _ rows: [[String]], numeric: Set<Int> = [], flagColumn: Int? = nil) -> String {
        var html = "<table><thead><tr>" + headers.map { "<th>\(HTMLText.escaped($0))</th>" }.joined() + "</tr></thead><tbody>\n"
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                let cls = numeric.contains(index) ? " class=\"n\"" : (index == flagColumn && !cell.isEmpty ? " class=\"flag\"" : "")
                html += "<td\(cls)>\(HTMLText.escaped(cell))</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}
