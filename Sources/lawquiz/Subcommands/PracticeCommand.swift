import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal

/// `lawquiz practice`: practise with immediate feedback; drill the 错题本.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice", abstract: "练习：每题作答后显示对错、解析和法条；答错的题记入错题本。",
        discussion: """
            例：lawquiz practice --law 档案法 --type 判断 --count 5；lawquiz practice --tag 案例 练以案释法的案例题；
            lawquiz practice --wrong 巩固错题本
            （每道题连续答对 2 次即移出）；lawquiz practice --due 今日练习：按记忆模型（FSRS）先复习今天到期的题，
            再学几道新题（默认 20 + 5 道），每题答后显示多少天后再练。练习成绩不计入考试统计。命令：:n 跳过 :a 答错后阅读条文及前后条 :q 结束 :h 帮助。
            """)

    @Option(help: ArgumentHelp("只练这部法律：编号或简称（安全生产法、档案法、国家安全法）。", valueName: "法律"))
    var law: String?

    @Option(help: ArgumentHelp("只练这种题型：单选、多选、判断（或 single、multiple、judge）。", valueName: "题型"))
    var type: String?

    @Option(help: ArgumentHelp("只练带这个标签的题，如 案例（以案释法的案例题）。", valueName: "标签"))
    var tag: String?

    @Option(help: ArgumentHelp("题数（1–500），默认 10。", valueName: "N"))
    var count: Int = 10

    @Flag(help: "巩固错题本：反复练习答错过的题，直到每题连续答对 2 次。")
    var wrong = false

    @Flag(help: "今日练习：先复习今天到期的题，再学新题（按记忆模型安排复习时间）。")
    var due = false

    @OptionGroup var daily: DailyBudgetOptions

    @Option(name: .customLong("staff"), help: ArgumentHelp("工号（错题本按工号保存）；不指定时会提示输入。", valueName: "工号"))
    var staff: String?

    @OptionGroup var paths: PathOptions

    func validate() throws {
        if let type, QuestionType(name: type) == nil {
            throw ValidationError("题型应为 单选、多选 或 判断（single / multiple / judge），收到 “\(type)”")
        }
        guard (1...500).contains(count) else { throw ValidationError("--count 应为 1 到 500") }
        if wrong, law != nil || type != nil || tag != nil {
            throw ValidationError("--wrong 练习整个错题本，不能与 --law / --type / --tag 同用")
        }
        if wrong, due { throw ValidationError("--wrong 与 --due 不能同用") }
    }

    func run() throws {
        let session = try SessionEnvironment(paths: paths.choice, startWait: 30)
        let practice = PracticeService(store: session.store, catalog: session.catalog, clock: session.clock)
        let filter = PracticeFilter(
            law: law, type: type.flatMap(QuestionType.init(name:)), tag: tag, count: count)
        let choice = try Deployment.current.staffChoice(requested: staff, command: "practice", store: session.store)
        var staffID: String?
        if case .fixed(let fixed, _) = choice { staffID = fixed }
        _ = try PracticeFlow(
            service: practice, attempts: session.service, reader: session.reader, output: session.output,
            style: session.style, pin: Deployment.current.pinPrompt(choice: choice, store: session.store, reader: session.reader)
        ).run(filter: filter, wrongBook: wrong, staffID: staffID, daily: due ? daily.budget : nil)
    }
}
