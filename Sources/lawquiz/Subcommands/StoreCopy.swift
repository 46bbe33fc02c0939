import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore

/// `lawquiz store copy --from A --to B`: everything in one store copied into
/// another (an office moving from its SQLite file to a PostgreSQL server),
/// in one transaction with the row counts compared before it commits.
struct StoreCopy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: "把一个结果存储的全部数据复制到另一个（如 SQLite 文件 → PostgreSQL）。",
        discussion: """
            复制花名册、作答（含试卷与答案）、练习、错题本、记忆状态、PIN、纸质试卷和审计链，逐表核对行数后一次提交：
            要么全部复制，要么目标不变。目标已有数据时拒绝，除非加 --replace（先清空目标）。
            审计链原样复制，校验密钥随之复制到目标的密钥文件（目标已有不同的密钥时拒绝），复制后可在目标上运行 lawquiz verify。
            地址写法同 --results：文件路径，或 postgres://用户@主机:端口/数据库（密码用 PGPASSWORD 或 ~/.pgpass）。
            """)

    @Option(name: .customLong("from"), help: ArgumentHelp("源：结果数据库文件或 postgres:// 地址。", valueName: "PATH|URL"))
    var from: String

    @Option(name: .customLong("to"), help: ArgumentHelp("目标：结果数据库文件或 postgres:// 地址。", valueName: "PATH|URL"))
    var to: String

    @Flag(name: .customLong("replace"), help: "目标已有数据时先清空再复制。")
    var replace = false

    @OptionGroup var paths: PathOptions

    func run() throws {
        try Deployment.current.requireAdministrator("store copy")
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        // A server named by --results / LAWQUIZ_RESULTS / the configuration keeps
        // its configured audit key; another server's is Results/postgres-….key.
        var sourcePaths = paths.resolved
        sourcePaths.setResults(from, relativeTo: base)
        var targetPaths = paths.resolved
        targetPaths.setResults(to, relativeTo: base)
        if sourcePaths.resultsServer == nil, !FileManager.default.fileExists(atPath: sourcePaths.resultsDatabase.path) {
            throw ReportStoreError.missing(path: sourcePaths.resultsDatabase.path)
        }
        let environment = Deployment.current.installed ? [:] : Deployment.current.environment
        let source = try ResultsStore.open(sourcePaths, environment: environment)
        try AuditKeyTransfer.prepare(from: sourcePaths, to: targetPaths)
        let target = try ResultsStore.open(targetPaths, environment: environment)
        let progress = ProgressLine("复制")
        let counts = try StoreCopier(source: source, target: target).copy(replace: replace) { table, rows in
            progress.draw(item: "\(table) \(rows) 行")
        }
        progress.finish()
        let table = TextTable(
            headers: ["表", "源（行）", "目标（行）"], rows: counts.map { [$0.table, String($0.source), String($0.target)] },
            rightAligned: [1, 2])
        print(table.render(width: Console.standardOutputIsTerminal ? Console.terminalWidth : nil), terminator: "")
        let total = counts.reduce(0) { $0 + $1.target }
        print("已复制 \(total) 行，\(counts.count) 张表行数一致：\(source.location) → \(target.location)")
    }
}
