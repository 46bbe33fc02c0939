import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore

/// `lawquiz exam print <exam> --count N --output papers.html`: papers for a
/// sitting on paper (线下), recorded in the store so their sheets can be
/// entered with `exam enter`.
struct ExamPrint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "打印纸质试卷（线下考试）：生成可打印的 HTML（A4，每份试卷另起一页，附答题卡）。",
        discussion: """
            每份试卷按记录的随机种子组卷（与线上相同），试卷号和种子记入数据库，答题卡只能按打印过的试卷号录入（lawquiz exam enter）。
            试卷页眉有考试名称、试卷号和 6 位校验码；--staff-list 给出名单（列：工号,姓名,部门）时每人一份并预填工号、姓名、部门。
            试卷文件中没有任何答案或解析；--key 把同一批试卷的标准答案写入另一个文件（请另行保管）。
            用浏览器打开后打印（A4，黑白即可）。输出文件已存在时须加 --force 才覆盖。仅管理员可用。
            """)

    @Argument(help: "考试编号（lawquiz exam list 查看）。")
    var exam: String

    @Option(help: "试卷份数（不用 --staff-list 时必填）。")
    var count: Int?

    @Option(name: [.short, .long], help: "试卷 HTML 文件路径。")
    var output: String

    @Option(name: .customLong("staff-list"), help: ArgumentHelp("名单 CSV（工号,姓名,部门）：每人一份，预填个人信息。", valueName: "file.csv"))
    var staffList: String?

    @Option(help: ArgumentHelp("标准答案 HTML 文件路径（与试卷分开保管）。", valueName: "key.html"))
    var key: String?

    @Flag(help: "输出文件已存在时覆盖。")
    var force = false

    @OptionGroup var paths: PathOptions

    func validate() throws {
        guard (count == nil) != (staffList == nil) else { throw ValidationError("请指定 --count 或 --staff-list 之一") }
        if let count, !(1...10_000).contains(count) { throw ValidationError("--count 应在 1 到 10000 之间") }
    }

    func run() throws {
        try Deployment.current.requireAdministrator("exam print")
        let papersFile = OutputFile.target(output, force: force)
        let keyFile = key.map { OutputFile.target($0, force: force) }
        if let keyFile, keyFile.destination == papersFile.destination { throw ValidationError("--key 不能与 --output 为同一文件") }
        try papersFile.checkDestination()
        try keyFile?.checkDestination()
        let staff = try staffList.map { file in
            guard let data = FileManager.default.contents(atPath: file) else { throw InputFileError(path: file) }
            return try RosterFile.entries(csv: data, file: file).entries
        }
        let session = try SessionEnvironment(paths: paths.choice)
        let definition = try session.exams().definition(exam)
        let printed = try session.service.printPapers(
            exam: definition, count: count ?? 0, staff: staff, by: Deployment.current.identity.login)
        let renderer = PaperSheetHTML(exam: definition, catalog: session.catalog)
        try papersFile.write { try $0.write(renderer.papers(printed)) }
        try keyFile?.write { try $0.write(renderer.key(printed)) }
        let numbers = printed.map(\.number)
        print("已生成 \(printed.count) 份试卷（试卷号 \(numbers.first ?? 0)–\(numbers.last ?? 0)，每份 \(definition.sections.reduce(0) { $0 + $1.count }) 题）：\(papersFile.destination.path)")
        if let keyFile { print("标准答案：\(keyFile.destination.path)") }
    }
}
