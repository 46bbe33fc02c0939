import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz absent <exam>`: 未参考名单, grouped by department.
struct AbsentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "absent", abstract: "未参考名单：应考但没有提交任何正式作答的人，按部门分组。",
        discussion: """
            应考人员的定义见 lawquiz stats --help。补考视为参考；超过截止时间仍未交卷的作答按截止时交卷计入，不算未参考。
            --output 文件：把 CSV（UTF-8 带 BOM）写入文件（文件已存在须加 --force）。本命令只读数据库。
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, csv }

    @OptionGroup var report: ReportOptions

    @Option(help: "输出格式：table 或 csv。")
    var format: Format = .table

    @OptionGroup var display: DisplayOptions
    @OptionGroup var file: CSVOutputOptions

    @OptionGroup var paths: PathOptions

    func run() throws {
        try Self.run(format: format, ReportRequest(report: report, display: display, file: file, paths: paths))
    }

    /// The command as `ReportArguments` reads it too.
    static func run(format: Format, _ request: ReportRequest) throws {
        try Deployment.current.requireAdministrator("absent")
        let data = try request.context(laws: false).absentReport()
        if try request.file.write({ csv(data) }) { return }
        let display = request.display
        switch format {
        case .table: display.emit(TextReport(report: data, width: display.textWidth, tableWidth: display.tableWidth).absent())
        case .csv: print(csv(data), terminator: "")
        }
    }

    static func csv(_ data: ExamReport) -> String {
        var output = CSVFormat.record(["部门", "工号", "姓名"].map(CSVCell.text))
        for outcome in data.outcomes.absent {
            output += CSVFormat.record([.text(outcome.person.department.text), .text(outcome.person.staffID), .text(outcome.person.name)])
        }
        return output
    }
}
