import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz items <exam>`: item analysis after Moodle's quiz statistics.
struct ItemsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items", abstract: "试题分析：难度系数、区分度、区分效率、选项分布、内部一致性系数和标准误。",
        discussion: """
            按 Moodle 测验统计报告的定义，分析应考人员的计入作答（每人一份）。x 为某题得分，X 为同一份试卷其余各题得分之和，T 为总分；方差、协方差除以 n−1。
              抽到次数：该题出现在被分析试卷中的次数。
              难度系数 F（facility index）= x 的平均 / 该题满分，越高越容易。
              区分度 D（discrimination index）= x 与 X 的相关系数 r(x, X)；为负说明总分低的人反而更常答对。
              区分效率 E（discriminative efficiency）= cov(x, X) / cov_max(x, X)，cov_max 为把 x 与 X 分别排序后配对得到的最大可能协方差。
              各选项被选次数：按题库原字母（乱序显示前的字母）统计，判断题为 对/错。
              内部一致性系数 CIC（Cronbach α）= P/(P−1) ·（1 − Σ V(x_p) / V(T)），按试卷题位 p 计算（每人试卷随机抽题）。
              误差比 ER = √(1 − CIC)；标准误 SE = ER · SD(T)（分）。
            提示：几乎全对（F ≥ --easy，默认 95%）、几乎全错（F ≤ --hard，默认 5%，与 Moodle 文档的“极难或题目有误”一致）、区分度为负。
            有提示的题目另列出题目编号、法律和条文，便于题库作者修改。本命令只读数据库。
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json }

    @OptionGroup var report: ReportOptions

    @Option(help: "难度系数不低于此百分比时提示“几乎全对”。")
    var easy: Double = 95

    @Option(help: "难度系数不高于此百分比时提示“几乎全错”。")
    var hard: Double = 5

    @Option(help: "输出格式：table 或 json。")
    var format: Format = .table

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func validate() throws {
        guard (0...100).contains(easy), (0...100).contains(hard), hard < easy else {
            throw ValidationError("--easy 与 --hard 须在 0 到 100 之间，且 --hard 小于 --easy")
        }
    }

    func run() throws {
        try Deployment.current.requireAdministrator("items")
        let context = try ReportContext(paths: paths, options: report)
        let data = try context.itemReport(thresholds: ItemFlagThresholds(easy: easy / 100, hard: hard / 100))
        guard let analysis = data.items else { return }
        if format == .json {
            print(try JSONOutput.string(analysis))
            return
        }
        let names = data.lawNames
        let text = ItemReportText(analysis: analysis, lawName: { names[$0] ?? $0 })
        var output = TextReport(report: data, width: display.textWidth, tableWidth: display.tableWidth).heading + "\n" + text.test(width: display.tableWidth) + "\n"
        guard analysis.test.attempts > 0 else {
            display.emit(output + "尚无计入的作答，无法分析试题。\n")
            return
        }
        output += text.items(width: display.tableWidth) + "\n"
        display.emit(output + text.flagged(width: display.tableWidth))
    }
}
