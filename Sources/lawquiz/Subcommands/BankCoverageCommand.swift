import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz bank coverage`: per law, which articles have questions.
struct BankCoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "coverage", abstract: "统计各法律被题目覆盖的条文及未覆盖条文。")

    @Option(help: "输出格式：table 或 json。")
    var format: OutputFormat = .table

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func run() throws {
        let catalog = try paths.loadCatalog()
        let coverage = BankCoverage(catalog: catalog)
        if format == .json {
            print(try JSONOutput.string(coverage))
            return
        }
        var table = TextTable(
            columns: [
                TableColumn("法律", fit: .shorten), TableColumn("题数", .right, priority: 60), TableColumn("覆盖条文", .right, priority: 70),
                TableColumn("覆盖率", .right), TableColumn("未覆盖条文", fit: .wrap, minimumWidth: 12),
            ], fullViewHint: "用 --width 或 --format json 查看全部")
        for law in coverage.laws {
            table.rows.append([
                law.shortName, String(law.questions), "\(law.coveredArticles)/\(law.articles)",
                String(format: "%.1f%%", law.coverage * 100),
                // 、 (not ,) so a long list wraps between numbers, never inside one.
                law.uncovered.isEmpty ? "无" : law.uncovered.map(String.init).joined(separator: "、"),
            ])
        }
        display.emit(table.render(width: display.tableWidth))
    }
}
