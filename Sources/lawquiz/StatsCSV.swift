import Foundation
import LawQuizCore

/// CSV renderings of the grouped statistics: counts as numbers, rates as
/// one-decimal percentages beside their counts.
enum StatsCSV {
    static func departments(_ data: ExamReport) -> String {
        // 其中线下人数 last, so the older columns keep their places.
        var output = CSVFormat.record(
            ["部门", "层级", "应考人数", "参考人数", "参考率(%)", "合格人数", "合格率按参考(%)", "合格率按应考(%)", "优秀人数", "优秀率按参考(%)",
             "优秀率按应考(%)", "平均分", "应参考单位数", "实际参考单位数"].map(CSVCell.text) + [.text("其中线下人数")])
        for node in data.departments.nodes {
            output += CSVFormat.record([
                .text(node.department.text), .number(String(node.depth)), .number(String(node.required)), .number(String(node.sat)),
                percent(node.participationRate), .number(String(node.passed)), percent(node.passRateOfSat), percent(node.passRateOfRequired),
                .number(String(node.excellent)), percent(node.excellenceRateOfSat), percent(node.excellenceRateOfRequired),
                .number(node.meanScore.map(ScoreFormat.oneDecimal) ?? ""), .number(String(node.unitsRequired)), .number(String(node.unitsSat)),
                .number(String(node.satOnPaper)),
            ])
        }
        return output
    }

    static func accuracy(_ breakdown: AccuracyBreakdown, heading: String) -> String {
        var output = CSVFormat.record([heading, "题次", "全对", "部分得分", "未作答", "正确率(%)", "得分率(%)"].map(CSVCell.text))
        for row in breakdown.rows {
            output += CSVFormat.record([
                .text(row.title), .number(String(row.responses)), .number(String(row.right)), .number(String(row.partial)),
                .number(String(row.unanswered)), percent(row.accuracy), percent(row.scoreShare),
            ])
        }
        return output
    }

    static func percent(_ rate: Rate) -> CSVCell { .number(rate.percentText == "—" ? "" : String(rate.percentText.dropLast())) }
}
