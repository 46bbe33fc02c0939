import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz absent <exam>`: 未参考名单, grouped by department.
struct AbsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absent", abstract: "未参考名单：应考但没有提交任何正式作答的人，按部门分组。",
        discussion: "应考人员的定义见 lawquiz stats --help。补考视为参考。本命令只读数据库。")

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

    @OptionGroup var report: ReportOptions

    @Option(help: "输出格式：table 或 csv。")
    var format: Format = .table

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func run() throws {
        let data = try ReportContext(paths: paths, options: report).report(analyse: false)
        switch format {
        case .table:
            display.emit(TextReport(report: data, width: display.textWidth, tableWidth: display.tableWidth).absent())
        case .csv:
            var output = CSVFormat.record(["部门", "工号", "姓名"].map(CSVCell.text))
            for outcome in data.outcomes.people where outcome.isRequired && outcome.counted == nil {
                output += CSVFormat.record([.text(outcome.person.department.text), .text(outcome.person.staffID), .text(outcome.person.name)])
            }
            print(output, terminator: "")
        }
    }
}
