import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz stats <exam>`: participation, pass and excellence rates with their
/// definitions, score statistics and histogram; by department, law or type.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "考试统计：参考率、合格率、优秀率、分数分布，可按部门、法律、题型分组。",
        discussion: """
            应考人数：在册人员中属于考试范围（考试定义的 required_departments，未指定则为全体）且未列入免考（exemptions）的人数。
            参考人数：应考人员中至少提交过一次正式作答的人数。参考率 = 参考人数 / 应考人数。
            合格人数、优秀人数按每人的计入成绩（考试定义的 counting：默认取最高分）计算，分数线含本数（如 ≥ 60、≥ 90）。
            合格率、优秀率同时给出“按参考人数”和“按应考人数”两种口径，均标明。
            每个比率都写出分子/分母与一位小数的百分比，如 118/120 = 98.3%（整数运算，不截断）。
            有补考（makeup_of 指向本考试）时合并计算，默认取正考与补考中较高分（--makeup-rule）。
            --by department：部门树每一层的同样数字（含下属部门），以及应参考单位数（名下直接有应考人员的部门）和实际参考单位数。
            --by law / --by type：按法律、题型统计正确率和得分率。
            --output 文件：把 CSV（UTF-8 带 BOM，Excel 可直接打开）写入文件（先写临时文件再改名；文件已存在须加 --force）。
            所有分数、平均分、比率按精确值计算，最后一步四舍五入（表格、CSV、JSON、xlsx、HTML 一致）。
            超过截止时间仍未交卷的作答，按截止时间、已保存的答案计分计入（与本人下次进入时系统交卷的结果相同）。
            本命令只读数据库。
            """)

    enum Grouping: String, ExpressibleByArgument, CaseIterable { case department, law, type }
    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv, json }

    @OptionGroup var report: ReportOptions

    @Option(help: "分组：department、law 或 type。")
    var by: Grouping?

    @Option(help: "输出格式：table、csv 或 json。")
    var format: Format = .table

    @OptionGroup var display: DisplayOptions
    @OptionGroup var file: CSVOutputOptions

    @OptionGroup var paths: PathOptions

    func validate() throws {
        if file.output != nil, format == .json { throw ValidationError("--output 写出的是 CSV，不能与 --format json 同用。") }
    }

    func run() throws {
        try Self.run(by: by, format: format, ReportRequest(report: report, display: display, file: file, paths: paths))
    }

    /// The command as `ReportArguments` reads it too.
    static func run(by: Grouping?, format: Format, _ request: ReportRequest) throws {
        try Deployment.current.requireAdministrator("stats")
        let analyse = by == .law || by == .type
        let context = try request.context(laws: analyse)
        let data = analyse ? try context.report(analyse: true) : try context.summaryReport()
        if try request.file.write({ StatsRendering.csv(data, by: by) }) { return }
        let display = request.display
        switch format {
        case .table:
            var text = StatsRendering.table(data, by: by, display: display)
            if let head = data.header.auditHead {
                let line = "校验码：\(head.prefix(16))（\(ExamReportHeader.auditHeadNote)）"
                text += DisplayWidth.wrap(line, width: display.textWidth).joined(separator: "\n") + "\n"
            }
            display.emit(text)
        case .csv: print(StatsRendering.csv(data, by: by), terminator: "")
        case .json: print(try JSONOutput.string(StatsRendering.json(data, by: by)))
        }
    }
}

/// The three renderings of `stats`.
enum StatsRendering {
    static func table(_ data: ExamReport, by: StatsCommand.Grouping?, display: DisplayChoice) -> String {
        let text = TextReport(report: data, width: display.textWidth, tableWidth: display.tableWidth)
        switch by {
        case nil: return text.summary()
        case .department?: return text.departments()
        case .law?: return text.accuracy(data.byLaw ?? AccuracyBreakdown(), heading: "法律")
        case .type?: return text.accuracy(data.byType ?? AccuracyBreakdown(), heading: "题型")
        }
    }

    static func csv(_ data: ExamReport, by: StatsCommand.Grouping?) -> String {
        switch by {
        case nil:
            let head = data.header.auditHead.map { [["校验码", $0, ExamReportHeader.auditHeadNote]] } ?? []
            return ([["项目", "数值", "定义"]] + data.summaryLines.map { [$0.label, $0.value, $0.note] } + head)
                .map { CSVFormat.record($0.map(CSVCell.text)) }.joined()
        case .department?:
            return StatsCSV.departments(data)
        case .law?:
            return StatsCSV.accuracy(data.byLaw ?? AccuracyBreakdown(), heading: "法律")
        case .type?:
            return StatsCSV.accuracy(data.byType ?? AccuracyBreakdown(), heading: "题型")
        }
    }

    struct JSONReport: Encodable {
        var exam: ExamReportHeader
        var summary: ParticipationSummary
        var departments: [DepartmentRollup.Node]?
        var byLaw: [AccuracyBreakdown.Row]?
        var byType: [AccuracyBreakdown.Row]?
    }

    static func json(_ data: ExamReport, by: StatsCommand.Grouping?) -> JSONReport {
        JSONReport(
            exam: data.header, summary: data.summary, departments: by == .department ? data.departments.nodes : nil,
            byLaw: by == .law ? data.byLaw?.rows : nil, byType: by == .type ? data.byType?.rows : nil)
    }
}
