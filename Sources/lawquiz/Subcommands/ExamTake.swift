import ArgumentParser

/// `lawquiz exam take <exam> [--staff 工号]`: sit an exam, or resume it.
struct ExamTake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "take", abstract: "参加考试（中途离开后再次运行即继续作答）。",
        discussion: """
            答题：单选 A；多选 ABD、A,B,D 或 a b d；判断 对/错、√/×、T/F、Y/N。
            命令：:n 下一题 :p 上一题 :g N 跳题 :m 标记 :l 答题卡 :s 交卷 :q 保存并离开 :h 帮助。
            每个答案输入后立即保存。标准输入或输出不是终端时逐行读取答案，便于脚本作答。
            题库解析结果缓存在 ~/.cache/lawquiz（环境变量 LAWQUIZ_CACHE 可改位置，设为 off 则不缓存；安装模式下在数据目录中）。
            同一场作答同时只能在一个终端进行：另一终端已打开时，终端上可选择等待或接管；脚本可用 --wait 或 --take-over。
            被另一终端接管的窗口在下一次保存前提示并退出（状态 3），已保存的答案不受影响。
            数据库被其他程序占用时显示“正在保存…”并自动重试，不会丢失答案；截止时间（含 5 秒宽限）之后的答案不再保存。
            退出状态：0 已交卷；3 中途离开（:q、输入结束、终端关闭、被另一终端接管），可继续作答；
            2 输入错误，或该考试已在另一终端打开；4 数据库错误。
            """)

    @Argument(help: "考试编号，如 demo、2023-annual（lawquiz exam list 查看）。")
    var exam: String

    @Option(name: .customLong("staff"), help: ArgumentHelp("工号；不指定时会提示输入。安装模式下仅管理员可用（监考代开，记录管理员登录名），其他人按登录名确定工号。", valueName: "工号"))
    var staff: String?

    @Flag(name: .customLong("take-over"), help: "该考试已在另一终端打开时直接接管（另一终端随即不能再作答）。")
    var takeOver = false

    @Flag(help: "该考试已在另一终端打开时等待其离开后再开始。")
    var wait = false

    @OptionGroup var paths: PathOptions

    func run() throws {
        try ExamTakeRequest(exam: exam, staff: staff, takeOver: takeOver, wait: wait, paths: paths.choice).run()
    }
}
