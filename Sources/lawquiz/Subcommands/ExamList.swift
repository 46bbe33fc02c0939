import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz exam list`: every exam definition with its rules.
struct ExamList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出 QuestionBanks/exams/ 中定义的考试。",
        discussion: "有错误的考试定义文件会在标准错误中报告（文件:行: 说明），退出状态为 1。")

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func run() throws {
        let library = try paths.loadLibrary()
        let exams = try paths.loadExams(library: library)
        var table = TextTable(columns: [
            TableColumn("编号"), TableColumn("名称", fit: .wrap), TableColumn("题数", .right, priority: 90),
            TableColumn("满分", .right, priority: 60), TableColumn("合格", .right, priority: 55), TableColumn("优秀", .right, priority: 50),
            TableColumn("时长", priority: 80), TableColumn("次数", .right, priority: 30), TableColumn("计分", priority: 20),
            TableColumn("开放时间", fit: .wrap, priority: 70), TableColumn("类别", fit: .wrap, priority: 40, minimumWidth: 4),
        ])
        for exam in exams.definitions {
            table.rows.append([
                exam.id, exam.title, String(exam.questionCount), ListingFormat.score(exam.fullMarks),
                ListingFormat.score(exam.passMark), ListingFormat.score(exam.excellentMark), exam.timeLimitText,
                String(exam.attemptsAllowed), Self.countingTitle(exam.counting), Self.window(exam),
                exam.formal ? (exam.makeupOf.map { "补考（\($0)）" } ?? "正式") : "模拟",
            ])
        }
        if exams.definitions.isEmpty {
            print("没有考试定义。请在 \(paths.resolved.exams.path) 中添加 *.yaml（格式见 QuestionBanks/EXAMS.md）。")
        } else {
            display.emit(table.render(width: display.tableWidth))
        }
        for problem in exams.problems { Console.error(problem.errorDescription ?? "\(problem)") }
        if !exams.problems.isEmpty { throw ExitCode(ExitStatus.problemsFound.rawValue) }
    }

    static func countingTitle(_ counting: AttemptCounting) -> String {
        switch counting {
        case .highest: return "取最高"
        case .first: return "取首次"
        case .last: return "取末次"
        }
    }

    static func window(_ exam: ExamDefinition) -> String {
        switch (exam.opensAt, exam.closesAt) {
        case (nil, nil): return "不限"
        case (let opens?, nil): return ListingFormat.date(opens) + " 起"
        case (nil, let closes?): return "至 " + ListingFormat.date(closes)
        case (let opens?, let closes?): return ListingFormat.date(opens) + " 至 " + ListingFormat.date(closes)
        }
    }
}
