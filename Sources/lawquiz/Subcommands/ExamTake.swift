import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal

/// `lawquiz exam take <exam> [--staff 工号]`: sit an exam, or resume it.
struct ExamTake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take", abstract: "参加考试（中途离开后再次运行即继续作答）。",
        discussion: """
            答题：单选 A；多选 ABD、A,B,D 或 a b d；判断 对/错、√/×、T/F、Y/N。
            命令：:n 下一题 :p 上一题 :g N 跳题 :m 标记 :l 答题卡 :s 交卷 :q 保存并离开 :h 帮助。
            每个答案输入后立即保存。标准输入或输出不是终端时逐行读取答案，便于脚本作答。
            题库解析结果缓存在 ~/.cache/lawquiz（环境变量 LAWQUIZ_CACHE 可改位置，设为 off 则不缓存；安装模式下在数据目录中）。
            退出状态：0 已交卷；3 中途离开（:q、输入结束、终端关闭），可继续作答；2 输入错误；4 数据库错误。
            """)

    @Argument(help: "考试编号，如 demo、2023-annual（lawquiz exam list 查看）。")
    var exam: String

    @Option(name: .customLong("staff"), help: ArgumentHelp("工号；不指定时会提示输入。安装模式下仅管理员可用（监考代开，记录管理员登录名），其他人按登录名确定工号。", valueName: "工号"))
    var staff: String?

    @OptionGroup var paths: PathOptions

    func run() throws {
        let session = try SessionEnvironment(paths: paths)
        let definition = try session.exams().definition(exam)
        let deployment = Deployment.current
        let choice = try deployment.staffChoice(requested: staff, command: "exam take", store: session.store)
        var flow = ExamTakeFlow(
            exam: definition, service: session.service, reader: session.reader, output: session.output,
            clock: session.clock, style: session.style)
        flow.hintStaffOption = !deployment.installed
        let outcome: ExamSessionOutcome
        switch choice {
        case .fixed(let staffID, let proctor): outcome = try flow.run(staffID: staffID, proctor: proctor)
        case .asked, .askedWithPIN:
            outcome = try flow.run(staffID: nil, pin: deployment.pinPrompt(choice: choice, store: session.store, reader: session.reader))
        }
        if case .left = outcome { throw ExitCode(ExitStatus.leftInProgress.rawValue) }
    }
}
