import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal

/// `lawquiz roster pin 工号`: sets a person's PIN for shared consoles. The PIN
/// is read from the terminal without echo (twice), or as one line from
/// standard input when it is not a terminal — never from the command line,
/// where every user could read it in the process list.
struct RosterPin: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pin", abstract: "设置某人的 PIN（公用终端登录时输入工号后需输入 PIN）。",
        discussion: """
            PIN 为 4–12 位数字，在终端上不回显、输入两次；标准输入不是终端时读取一行。不接受命令行参数中的 PIN。
            以加盐 scrypt 散列保存。连续输错 \(PINService.maxFailures) 次锁定该工号 \(PINService.lockMinutes) 分钟，每次输错都有记录。
            重新设置 PIN 即解除锁定。仅管理员可用。
            """)

    @Argument(help: "工号。")
    var staff: String

    @OptionGroup var paths: PathOptions

    func run() throws {
        try Deployment.current.requireAdministrator("roster pin")
        let store = try paths.openStore()
        let reader = TerminalFacts.makeLineReader(clock: SystemWallClock())
        guard let pin = SecretInput.readLine(prompt: "新 PIN（\(staff)）：", fallback: reader) else {
            throw PINError.badFormat
        }
        if isatty(STDIN_FILENO) == 1 {
            guard SecretInput.readLine(prompt: "再输入一次：", fallback: reader) == pin else { throw PINError.mismatch }
        }
        try PINService(store: store).setPIN(pin.trimmingCharacters(in: .whitespaces), staffID: staff.trimmingCharacters(in: .whitespaces),
            changedBy: Deployment.current.identity.login)
        print("已设置工号 \(staff) 的 PIN。")
    }
}
