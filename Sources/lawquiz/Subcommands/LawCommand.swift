import ArgumentParser

/// `lawquiz law …`: read the statutes.
struct LawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "law",
        abstract: "学习法律条文：列出法律、显示条文、全文检索、查找出处。",
        subcommands: [LawList.self, LawShow.self, LawSearch.self, LawCite.self],
    )
}
