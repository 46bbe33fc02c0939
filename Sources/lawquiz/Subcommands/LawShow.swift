import ArgumentParser
import LawQuizCore
import LawQuizStore

/// `lawquiz law show <law> <article>`: one article in full, with its chapter.
struct LawShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "显示一条法律条文。",
        discussion: """
            例：lawquiz law show 安全生产法 21；lawquiz law show 安全生产法 第二十一条；lawquiz law show work-safety 21；
            加 --staff 工号 时，若此人依据本条的题反复答错，会在条文后提示。
            """)

    @Argument(help: "法律：编号（work-safety）或简称（安全生产法）。")
    var law: String

    @Argument(help: "条文：21 或 第二十一条。")
    var article: String

    @OptionGroup var display: DisplayOptions
    @Option(help: ArgumentHelp("工号：提示此人依据本条的题答错过几次。", valueName: "工号"))
    var staff: String?

    @OptionGroup var paths: PathOptions

    /// Lapses (wrong answers after which a question was forgotten, practice or exam) that make an article worth a mark.
    static let missesToMark = 2

    func run() throws {
        let library = try paths.loadLibrary()
        let law = try library.requireLaw(named: law)
        let article = try library.requireArticle(article, in: law)
        display.emit(ArticleFormatter.render(article, of: law, width: display.textWidth, emphasis: Console.bold) + "\n")
        if let staff = try Deployment.current.ownStaffID(requested: staff, command: "law show --staff", store: paths.openStore()) {
            let catalog = try paths.loadCatalog()
            let citing = Set(catalog.questions.filter { question in
                question.citations.contains { $0.lawID == law.id && $0.article == article.number }
            }.map(\.id))
            let missed = try paths.openStore().memoryStates(staffID: staff).filter { citing.contains($0.questionID) }
            let misses = missed.reduce(0) { $0 + $1.memory.lapses }
            if misses >= Self.missesToMark {
                print(Console.bold(TerminalText.visible("⚠ 工号 \(staff) 依据本条的题已答错 \(misses) 次（\(missed.filter { $0.memory.lapses > 0 }.count) 道题），请细读本条。")))
            }
        }
    }
}
