import ArgumentParser
import LawQuizCore

/// `lawquiz law list`: the laws with id, name, version and article count.
struct LawList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出收录的法律。")

    @OptionGroup var paths: PathOptions

    func run() throws {
        let library = try paths.loadLibrary()
        var table = TextTable(headers: ["编号", "简称", "全称", "版本", "日期", "条数"], rightAligned: [5])
        for law in library.laws {
            table.rows.append([law.id, law.shortName, law.title, law.version, law.date, String(law.articles.count)])
        }
        print(table.render(), terminator: "")
    }
}
