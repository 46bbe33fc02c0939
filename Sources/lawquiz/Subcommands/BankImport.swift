import ArgumentParser
import Foundation
import LawQuizCore

extension ImportFormat: ExpressibleByArgument {}

/// `lawquiz bank import FILE --output QuestionBanks/banks/NAME.yaml`: a bank
/// from an Excel/CSV 题库, GIFT, Aiken or Moodle XML file, every question
/// grounded in its article.
struct BankImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "导入题库：Excel/CSV 题库、GIFT、Aiken、Moodle XML，并自动定位条文。",
        discussion: """
            格式按扩展名和内容判断，也可用 --format 指定（excel、csv、gift、aiken、moodle-xml）。
            Excel/CSV：表头可在标题行之下，列名如 题型、题干（题目/试题/问题）、选项A…选项F（或 A…F、一列“选项”用 | 或 ；分隔）、
            答案（正确答案/正确选项：ABD、A,B,D、正确/错误、对/错、√/×、T/F）、解析、法律、条号（第二十一条、21、《安全生产法》第二十一条）、
            依据、难度（1–5 或 易/中/难）、标签（知识点/分类）。CSV 可为 UTF-8（带或不带 BOM）或 GBK。
            没有法律和条号的题目自动定位（grounding: auto，附置信度；置信度低的附前三名候选条文），有条号无依据的摘取依据原文。
            不支持的题型（问答、简答、数值、匹配、说明）逐条列出行号并跳过。
            文件中有无法理解的题目时不写入（退出状态 1），加 --skip-bad 则跳过这些题目照常写入（仍以状态 1 退出）；
            文件无法读取时退出状态 2。先写临时文件再改名；输出已存在时须加 --force。
            """)

    @Argument(help: "要导入的文件。")
    var file: String

    @Option(help: "文件格式：excel、csv、gift、aiken、moodle-xml（默认按扩展名和内容判断）。")
    var format: ImportFormat?

    @Option(help: "只在这部法律中定位条文（编号或简称）。")
    var law: String?

    @Option(help: "Excel 工作表名（默认第一个工作表）。")
    var sheet: String?

    @Option(help: ArgumentHelp("输出的题库文件，如 QuestionBanks/banks/NAME.yaml。", valueName: "FILE"))
    var output: String

    @Flag(name: .customLong("skip-bad"), help: "跳过无法理解的题目，其余照常写入。")
    var skipBad = false

    @Flag(help: "覆盖已存在的输出文件。")
    var force = false

    @OptionGroup var paths: PathOptions

    func run() throws {
        let library = try paths.loadLibrary()
        let lawIDs = try law.map { Set([try library.requireLaw(named: $0).id]) }
        let target = AtomicOutput(destination: URL(fileURLWithPath: output), overwrite: force)
        try target.checkDestination()
        guard let data = FileManager.default.contents(atPath: file) else { throw InputFileError(path: file) }
        guard let format = format ?? ImportFormat.guess(path: file, data: data) else {
            throw ImportError(file: file, reason: "无法判断文件格式，请用 --format 指定（excel、csv、gift、aiken、moodle-xml）")
        }
        let importer = BankImporter(library: library)
        let bank = try importer.read(path: file, format: format, sheet: sheet)
        let bankID = ((output as NSString).lastPathComponent as NSString).deletingPathExtension
        let completed = importer.complete(bank, bankID: bankID, lawIDs: lawIDs)
        let issues = bank.issues + completed.issues + collisions(completed.questions)
        // File text and names are echoed: shown inert (an ESC in a cell must not act on the terminal).
        for issue in issues { print(TerminalText.visible(issue.description)) }
        let problems = issues.filter { $0.kind == .problem }.count
        guard problems == 0 || skipBad else {
            print(TerminalText.visible("发现 \(problems) 个问题，未写入 \(output)。修正后重新导入，或加 --skip-bad 跳过这些题目。"))
            throw ExitCode(1)
        }
        guard !completed.questions.isEmpty else {
            print(TerminalText.visible("没有可导入的题目，未写入 \(output)。"))
            throw ExitCode(1)
        }
        let text = BankWriter.yaml(bankID: bankID, title: bankID, questions: completed.questions, notes: completed.notes)
        try target.write { try $0.write(text) }
        let counts = QuestionType.allCases.map { type in "\(type.shortName) \(completed.questions.filter { $0.type == type }.count)" }
        print(TerminalText.visible("已导入 \(completed.questions.count) 道题（\(counts.joined(separator: "，"))）到 \(output)（格式：\(format.rawValue)）。"))
        if completed.cited > 0 {
            print("按题干或解析中写明的条文定位 \(completed.cited) 道（已摘取依据原文）。")
        }
        if completed.grounded > 0 {
            print("自动定位条文 \(completed.grounded) 道，其中置信度低 \(completed.unclear) 道（已附候选条文）；请核对后改为 grounding: reviewed。")
        }
        if problems > 0 {
            print("跳过了 \(problems) 道有问题的题目。")
            throw ExitCode(1)
        }
    }

    /// Notices for ids that banks in the bank folder already use (the output
    /// itself aside, when it is replaced): `bank lint` would report them once
    /// the new bank sits beside the others.
    private func collisions(_ questions: [Question]) -> [ImportIssue] {
        let existing = BankLoader.load(paths: [paths.resolved.banks.path])
        let replaced = URL(fileURLWithPath: output).standardizedFileURL.path
        var owners: [String: String] = [:]
        for bank in existing.banks where URL(fileURLWithPath: bank.file).standardizedFileURL.path != replaced {
            for question in bank.questions { owners[question.id] = owners[question.id] ?? bank.file }
        }
        let taken = questions.filter { owners[$0.id] != nil }
        guard let first = taken.first, let owner = owners[first.id] else { return [] }
        let more = taken.count > 1 ? " 等 \(taken.count) 个编号" : ""
        return [ImportIssue(
            place: output, message: "编号 \(first.id)\(more)已在现有题库中使用（\(owner)）；放入题库目录前请改编号或移走原题库",
            kind: .notice)]
    }
}
