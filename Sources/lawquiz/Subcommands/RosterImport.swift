import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore

/// `lawquiz roster import <file.csv>`: adds and updates people; those missing
/// from the file become inactive (never deleted: results refer to them).
struct RosterImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "从 CSV 或 Excel（.xlsx）导入花名册（列：工号, 姓名, 部门）。",
        discussion: """
            文件可为 UTF-8（带或不带 BOM）或 GBK/GB18030（Excel 在中文 Windows 上“另存为 CSV”的格式）。
            .xlsx 文件读取第一个工作表，列与 CSV 相同，问题按工作表行号报告。
            第一行为表头，须含 工号、姓名、部门 三列（顺序不限，其余列忽略）；部门写路径，如 综合办公室/秘书科。
            再次导入时更新姓名和部门；文件中没有的人标记为不在册，不会删除。
            有问题时逐行报告（文件:行: 说明），不导入任何数据，退出状态 2。
            """)

    @Argument(help: "花名册文件（.csv 或 .xlsx）。")
    var file: String

    @Flag(name: .customLong("dry-run"), help: "只检查文件并显示将发生的变化，不写入。")
    var dryRun = false

    @OptionGroup var paths: PathOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw InputFileError(path: file)
        }
        let progress = ProgressLine("导入花名册")
        progress.showElapsed()
        defer { progress.finish() }
        let entries: [RosterEntry]
        let format: String
        if RosterWorkbook.isWorkbook(file) {
            entries = try RosterWorkbook.entries(xlsx: URL(fileURLWithPath: file), file: file)
            format = "Excel 工作簿，第一个工作表"
        } else {
            let parsed = try RosterFile.entries(csv: data, file: file)
            (entries, format) = (parsed.entries, parsed.encoding.rawValue)
        }
        let store = try paths.openStore()
        let report: RosterImportReport
        if dryRun {
            report = try store.previewRoster(entries)
        } else {
            report = try store.importRoster(entries)
        }
        progress.finish()
        print(TerminalText.visible("读取 \(file)（\(format)）：\(entries.count) 人。"))
        print(Self.summary(report, dryRun: dryRun))
        for member in report.added { print(TerminalText.visible("  新增  \(member.staffID)  \(member.name)  \(Self.department(member.department))")) }
        for change in report.changed { print(TerminalText.visible("  变更  \(change.before.staffID)  " + Self.describe(change))) }
        for member in report.noLongerListed {
            print(TerminalText.visible("  不在册  \(member.staffID)  \(member.name)  \(Self.department(member.department))（保留历史成绩）"))
        }
    }

    static func summary(_ report: RosterImportReport, dryRun: Bool) -> String {
        let counts = "新增 \(report.added.count) 人，变更 \(report.changed.count) 人，不再列出 \(report.noLongerListed.count) 人，未变 \(report.unchanged) 人。"
        return dryRun ? "（试运行，未写入）" + counts : "已导入：" + counts
    }

    static func describe(_ change: RosterImportReport.Change) -> String {
        var parts: [String] = []
        if change.before.name != change.after.name { parts.append("姓名 \(change.before.name) → \(change.after.name)") }
        if change.before.department != change.after.department {
            parts.append("部门 \(department(change.before.department)) → \(department(change.after.department))")
        }
        if !change.before.isActive { parts.append("重新在册") }
        return parts.isEmpty ? change.after.name : "\(change.after.name)：" + parts.joined(separator: "；")
    }

    static func department(_ path: String) -> String { path.isEmpty ? "（未填部门）" : path }
}
