import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal

/// `lawquiz exam enter <exam> [--import sheets.csv]`: answer sheets of paper
/// exams become attempts (`source = paper`), graded and counted like online ones.
struct ExamEnter: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enter", abstract: "录入纸质试卷的答题卡（逐份键入，或 --import 导入表格）。",
        discussion: """
            只能录入 lawquiz exam print 打印过的试卷号，每份只能录入一次；工号须在花名册中（按名单打印的试卷须是本人）。
            答案按试卷题序写成一串：单选 A；判断 √ × 或 对 错（也可 T F、Y N）；多选写全部字母并以 / 结尾（如 ABD/，串末尾的 / 可省）；
            未作答写 -；空格忽略，字母大小写、全角半角均可。例：ABCDA BD/ACD/ √××√
            逐份键入：依次输入试卷号（可带校验码，如 12 a1b2c3）、工号、各大题答案（检查题数），核对后回车保存，或输入题号修改；空行结束。
            --import：CSV（UTF-8 或 GBK，逗号或制表符分隔），表头含 试卷号,工号,答案（可加 校验码 列）。
            有问题时逐行报告（文件:行: 说明）且不录入任何一份，退出状态 2；加 --skip-bad 则录入无误的行、跳过有问题的行。
            成绩按与线上相同的评分、计分规则计入统计（线下）；录入人（管理员登录名）与审计记录一并保存。仅管理员可用。
            """)

    @Argument(help: "考试编号（lawquiz exam list 查看）。")
    var exam: String

    @Option(name: .customLong("import"), help: ArgumentHelp("答题卡 CSV 文件（试卷号,工号,答案）。", valueName: "sheets.csv"))
    var importFile: String?

    @Flag(name: .customLong("skip-bad"), help: "导入时跳过有问题的行，录入其余各行。")
    var skipBad = false

    @OptionGroup var paths: PathOptions

    func run() throws {
        try Deployment.current.requireAdministrator("exam enter")
        let session = try SessionEnvironment(paths: paths.choice)
        let definition = try session.exams().definition(exam)
        let login = Deployment.current.identity.login
        guard let importFile else {
            _ = PaperEntryFlow(exam: definition, service: session.service, reader: session.reader, output: session.output, login: login).run()
            return
        }
        guard let data = FileManager.default.contents(atPath: importFile) else { throw InputFileError(path: importFile) }
        var (rows, problems) = try SheetFile.rows(csv: data, file: importFile)
        var sheets: [PaperSheet] = []
        var attemptsUsed: [String: Int] = [:]
        for row in rows {
            do {
                var sheet = try session.service.paperSheet(
                    exam: definition, number: row.paperNumber, checkCode: row.checkCode, staffID: row.staffID)
                sheet.answers = try AnswerSheetLine.parse(row.answers, items: sheet.paper.items)
                let staffID = sheet.staff.staffID
                // An interrupted entry of this sheet is completed, not counted again.
                let used = try attemptsUsed[staffID] ?? session.store.attempts(examID: definition.id, staffID: staffID)
                    .filter { $0.id != sheet.unfinishedAttemptID }.count
                guard used < definition.attemptsAllowed else {
                    throw AttemptError.noAttemptsLeft(exam: definition.title, used: used, allowed: definition.attemptsAllowed)
                }
                attemptsUsed[staffID] = used + 1
                sheets.append(sheet)
            } catch {
                problems.append(CSVError(line: row.line, message: "试卷号 \(row.paperNumber)：\(error.localizedDescription)"))
            }
        }
        problems.sort { $0.line < $1.line }
        let failure = CSVFileError(.answerSheets, file: importFile, problems: problems)
        if !problems.isEmpty {
            guard skipBad, !sheets.isEmpty else { throw failure }
            Console.error((failure.errorDescription ?? "").replacingOccurrences(of: "未录入任何答题卡", with: "以下各行已跳过"))
        }
        var counts = (paper: 0, passed: 0)
        for sheet in sheets {
            let result = try session.service.enterPaper(sheet, exam: definition, enteredBy: login)
            counts.paper += 1
            if result.grade.passed { counts.passed += 1 }
            print(TerminalText.visible(
                "试卷号 \(sheet.issued.number)  \(sheet.staff.staffID)  \(sheet.staff.name)  \(ExamDefinition.number(result.grade.score)) 分"))
        }
        print("已录入 \(counts.paper) 份答题卡（合格 \(counts.passed) 份）" + (problems.isEmpty ? "。" : "，跳过 \(problems.count) 行。"))
    }
}
