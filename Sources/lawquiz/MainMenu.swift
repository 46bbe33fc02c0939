import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizTerminal

/// The menu shown when `lawquiz` starts on a terminal with no subcommand:
/// study a law, practise, sit an exam, see one's results. Each entry asks
/// for what its subcommand needs and then runs that subcommand, so the menu
/// and the command line behave the same.
struct MainMenu {
    let paths: PathOptions
    let reader: LineReader
    let style: TerminalStyle

    init(paths: PathOptions) {
        self.paths = paths
        reader = TerminalFacts.makeLineReader(clock: SystemWallClock())
        style = TerminalStyle.forStandardOutput()
    }

    func run() throws {
        print(style.bold("学法考试系统 LawQuiz \(LawQuiz.version)"))
        while true {
            print("\n  1. 学习法律条文\n  2. 练习\n  3. 参加考试\n  4. 我的成绩\n  q. 退出")
            guard let choice = ask("请选择 [1-4/q]：") else { return }
            do {
                switch choice {
                case "1": try study()
                case "2": try practise()
                case "3": try sitExam()
                case "4": try results()
                case "q", "Q", "0", "退出": return
                default: print(style.warning("请输入 1、2、3、4 或 q。"))
                }
            } catch let error as LocalizedError {
                print(style.bad("错误：") + TerminalText.visible(error.errorDescription ?? "\(error)"))
            } catch let error as ExitCode where error.rawValue == ExitStatus.leftInProgress.rawValue {
                continue  // left an exam in progress: back to the menu
            }
        }
    }

    /// One trimmed line, or nil when input ends (or Ctrl-C / hang-up).
    private func ask(_ prompt: String) -> String? {
        guard case .line(let text) = reader.readLine(.fixed(style.prompt(prompt))) else { return nil }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `--banks` / `--results` as given, to pass on to subcommands.
    private var pathArguments: [String] {
        (paths.banksRoot.map { ["--banks", $0] } ?? []) + (paths.results.map { ["--results", $0] } ?? [])
    }

    private func study() throws {
        let library = try paths.loadLibrary()
        let laws = TextTable(
            columns: [TableColumn("编号"), TableColumn("简称", fit: .wrap), TableColumn("条数", .right)],
            rows: library.laws.map { [$0.id, $0.shortName, String($0.articles.count)] })
        print(laws.render(width: Console.terminalWidth))
        while let line = ask("输入 法律 条号（如 安全生产法 21）阅读条文，/关键词 检索，回车返回："), !line.isEmpty {
            if line.hasPrefix("/") {
                let words = line.dropFirst().split(separator: " ").map(String.init)
                guard !words.isEmpty else { continue }
                try LawSearch.parse(words + pathArguments).run()
                continue
            }
            let parts = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard parts.count == 2 else {
                print(style.warning("请输入法律和条号，中间用空格隔开，如：档案法 14"))
                continue
            }
            do {
                try LawShow.parse(parts + pathArguments).run()
            } catch let error as LocalizedError {
                print(style.bad("错误：") + TerminalText.visible(error.errorDescription ?? "\(error)"))
            }
        }
    }

    /// `--staff 工号` asked for in a clone; installed, the login says who it is.
    private func staffArguments() -> [String]? {
        if Deployment.current.installed { return [] }
        guard let staff = ask("工号："), !staff.isEmpty else { return nil }
        return ["--staff", staff]
    }

    private func practise() throws {
        guard var arguments = staffArguments() else { return }
        guard let mode = ask("练习方式：1 今日练习  2 随机练习  3 巩固错题本 [1]：") else { return }
        if mode == "3" {
            arguments.append("--wrong")
        } else if mode != "2" {
            arguments.append("--due")
        } else {
            if let law = ask("法律（安全生产法 / 档案法 / 国家安全法，回车为全部）："), !law.isEmpty { arguments += ["--law", law] }
            if let type = ask("题型（单选 / 多选 / 判断，回车为全部）："), !type.isEmpty { arguments += ["--type", type] }
            if let count = ask("题数 [10]："), !count.isEmpty { arguments += ["--count", count] }
        }
        try runParsed(PracticeCommand.self, arguments)
    }

    private func sitExam() throws {
        let catalog = try paths.loadCatalog()
        let exams = try paths.loadExams(library: catalog.library).definitions
        guard !exams.isEmpty else {
            print("没有可参加的考试。")
            return
        }
        for (index, exam) in exams.enumerated() {
            let entry = TerminalText.visible("\(index + 1). \(exam.title)（\(exam.id)，\(exam.questionCount) 题，限时 \(exam.timeLimitText)）", newlines: .space)
            print(DisplayWidth.wrap(entry, width: Console.terminalWidth - 2, indent: "   ").map { "  " + $0 }.joined(separator: "\n"))
        }
        guard let choice = ask("选择考试 [1-\(exams.count)]，回车返回："), !choice.isEmpty else { return }
        guard let number = Int(choice), (1...exams.count).contains(number) else {
            print(style.warning("没有这一项。"))
            return
        }
        try runParsed(ExamTake.self, [exams[number - 1].id])
    }

    private func results() throws {
        guard let arguments = staffArguments() else { return }
        try runParsed(HistoryCommand.self, arguments)
        print("")
        try runParsed(ProgressCommand.self, arguments)
    }

    /// Parses arguments as the command line would (so validation messages are
    /// the same) and runs the subcommand.
    private func runParsed<Command: ParsableCommand>(_ type: Command.Type, _ arguments: [String]) throws {
        var command: Command
        do {
            command = try Command.parse(arguments + pathArguments)
        } catch {
            print(style.bad("错误：") + Command.message(for: error))
            return
        }
        try command.run()
    }
}
