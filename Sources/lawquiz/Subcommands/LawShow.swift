import ArgumentParser
import LawQuizCore

/// `lawquiz law show <law> <article>`: one article in full, with its chapter.
struct LawShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "显示一条法律条文。",
        discussion: "例：lawquiz law show 安全生产法 21；lawquiz law show 安全生产法 第二十一条；lawquiz law show work-safety 21")

    @Argument(help: "法律：编号（work-safety）或简称（安全生产法）。")
    var law: String

    @Argument(help: "条文：21 或 第二十一条。")
    var article: String

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func run() throws {
        let library = try paths.loadLibrary()
        let law = try library.requireLaw(named: law)
        let article = try library.requireArticle(article, in: law)
        display.emit(ArticleFormatter.render(article, of: law, width: display.textWidth, emphasis: Console.bold) + "\n")
    }
}
