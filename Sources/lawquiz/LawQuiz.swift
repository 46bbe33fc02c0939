import ArgumentParser
import Foundation
import LawQuizCore

/// The `lawquiz` root command: a list of subcommands, or a menu on a terminal.
@main
struct LawQuiz: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "lawquiz",
        abstract: "学法考试系统：学习法律条文、练习、参加考试、统计考试结果。",
        discussion: """
            法律：安全生产法（2021）、档案法（2020）、国家安全法（2015）。
            不带子命令在终端中运行时打开菜单；否则显示本帮助。
            退出状态：0 成功；1 发现问题（如题库检查不通过）；2 输入无法读取或请求有误；
            3 考试中途离开、可继续作答；4 数据库错误；64 命令行用法错误（缺少或多余的参数）；
            77 安装模式下无权执行（管理员命令、--banks、--results、LAWQUIZ_* 变量）。
            """,
        version: version,
        subcommands: [
            LawCommand.self, BankCommand.self, ExamCommand.self, RosterCommand.self, HistoryCommand.self,
            PracticeCommand.self, ProgressCommand.self,
            StatsCommand.self, AbsentCommand.self, ItemsCommand.self, ExportCommand.self, VerifyCommand.self,
            StoreCommand.self,
        ],
    )

    @OptionGroup var paths: PathOptions

    /// Runs the command; program errors are printed in Chinese as `错误：…`
    /// with a stable exit status, argument errors the argument parser's way.
    static func main() {
        // First of all: who runs us and how we are installed (sanitises the
        // environment and hardens an installed process before anything reads it).
        LaunchTrace.mark("main")
        if case .failure(let error) = Deployment.resolution {
            Console.error("错误：" + (error.errorDescription ?? "\(error)"))
            Foundation.exit(ExitStatus.badInput.rawValue)
        }
        LaunchTrace.mark("deployment")
        Console.prepareLocale()
        let run: () throws -> Void
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            if let request = try ExamTakeArguments.request(arguments) {
                run = request.run
            } else if let report = try ReportArguments.command(arguments) {
                run = report
            } else {
                var command = try parseAsRoot()
                run = { try command.run() }
            }
            LaunchTrace.mark("arguments")
        } catch {
            // The parser quotes what was typed (an unknown option, a bad
            // value): its messages go through the sanitiser like ours.
            let status = exitCode(for: error)
            guard status != .success else { exit(withError: error) }
            Console.error(fullMessage(for: error))
            Foundation.exit(status.rawValue)
        }
        do {
            try run()
        } catch let error as ExitCode {
            // No message to print: the parser's exit(withError:) would first reflect the command
            // tree for its help text (about 1.5 ms after `:q`).
            Foundation.exit(error.rawValue)
        } catch let error as LocalizedError {
            Console.error("错误：" + (error.errorDescription ?? "\(error)"))
            Foundation.exit(ExitStatus.for(error).rawValue)
        } catch {
            exit(withError: error)
        }
    }

    mutating func run() throws {
        guard Console.standardInputIsTerminal, Console.standardOutputIsTerminal else {
            print(LawQuiz.helpMessage())
            return
        }
        try MainMenu(paths: paths).run()
    }
}
