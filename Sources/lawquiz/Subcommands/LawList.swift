import ArgumentParser
import LawQuizCore

/// `lawquiz law list`: the laws with id, name, version and article count.
struct LawList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出收录的法律。")

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func run() throws {
        let library = try paths.loadLibrary()
        var table = TextTable(columns: [
            TableColumn("编号"), TableColumn("简称", fit: .wrap), TableColumn("全称", fit: .wrap, priority: 50),
            TableColumn("版本", fit: .wrap, priority: 40, minimumWidth: 6), TableColumn("日期", priority: 30), TableColumn("条数", .right),
        ])
        for law in library.laws {
            table.rows.append([law.id, law.shortName, law.title, law.version, law.date, String(law.articles.count)])
        }
        display.emit(table.render(width: display.tableWidth))
    }
}
