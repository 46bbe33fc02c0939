import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz bank export [BANK…] --format gift|aiken|moodle-xml|excel --output FILE`:
/// the reviewed banks for Moodle or a Chinese exam platform.
struct BankExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "导出题库为 GIFT、Aiken、Moodle XML 或 Excel 题库模板。",
        discussion: """
            GIFT 与 Moodle XML 含单选、多选（正确选项权重合计 100%，错误选项为负）和判断题，解析为总体反馈，
            法律与条号为分类（$CATEGORY / category）并写入题目名称（编号 《法律》第X条）。
            Aiken 只能表示单选题，其余题目不导出并报告数量。Excel 为 bank import 读取的题库模板，另含 法律、条号、依据 列。
            只导出通过检查的题目；有问题的题目列出后跳过。先写临时文件再改名；输出已存在时须加 --force。
            """)

    @Argument(help: "题库文件或目录；默认全部题库。")
    var banks: [String] = []

    @Option(help: "导出格式：gift、aiken、moodle-xml、excel。")
    var format: ImportFormat

    @Option(help: ArgumentHelp("输出文件。", valueName: "FILE"))
    var output: String

    @Flag(help: "覆盖已存在的输出文件。")
    var force = false

    @OptionGroup var paths: PathOptions

    func validate() throws {
        if format == .csv { throw ValidationError("导出格式应为 gift、aiken、moodle-xml 或 excel。") }
    }

    func run() throws {
        let library = try paths.loadLibrary()
        let target = AtomicOutput(destination: URL(fileURLWithPath: output), overwrite: force)
        try target.checkDestination()
        let collection = BankLoader.load(paths: banks.isEmpty ? [paths.resolved.banks.path] : banks)
        let diagnostics = BankLinter(library: library).lint(collection)
        for diagnostic in diagnostics { print(TerminalText.visible(diagnostic.description)) }
        if diagnostics.contains(where: { $0.severity == .unreadable }) { throw ExitCode(2) }
        let flagged = Set(diagnostics.map { "\($0.file):\($0.line)" })
        let questions = collection.questions.filter { !flagged.contains($0.source.description) }
        var leftOut = ""
        switch format {
        case .gift:
            let text = GIFTWriter.text(questions, library: library)
            try target.write { try $0.write(text) }
        case .moodleXML:
            let text = MoodleXMLWriter.text(questions, library: library)
            try target.write { try $0.write(text) }
        case .aiken:
            let result = AikenWriter.text(questions)
            try target.write { try $0.write(result.text) }
            leftOut = "（Aiken 只支持单选题：导出 \(result.written) 道，未导出多选和判断题 \(result.leftOut) 道）"
        case .excel, .csv:
            try target.produce { url in
                try BankWorkbookWriter.write(questions, library: library, to: url, title: "题库")
            }
        }
        print(TerminalText.visible("已导出 \(questions.count) 道题到 \(output)（格式：\(format.rawValue)）\(leftOut)。"))
        if !diagnostics.isEmpty { throw ExitCode(1) }
    }
}
