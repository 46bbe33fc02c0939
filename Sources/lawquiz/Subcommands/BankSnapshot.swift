import ArgumentParser
import Foundation
import LawQuizCore

/// `lawquiz bank snapshot`: the parsed banks saved beside them for this
/// program (`CatalogCache.shippedFolderName`), so that a user without a
/// cache, or after it was removed, starts without parsing every bank.
/// `make build` runs it; an installation runs it as root after copying.
struct BankSnapshot: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "预先解析题库，保存在题库目录的 .catalog/ 中（仅供本程序），新用户或缓存清除后首次启动也不必解析题库。",
        discussion: "make build 会自动运行。题库、法律或考试文件改动后快照自动失效（回到逐个解析），重新运行即可。")

    @OptionGroup var paths: PathOptions

    func run() throws {
        try Deployment.current.requireAdministrator("bank snapshot")
        let banks = paths.resolved.questionBanks
        let (file, catalog) = try CatalogCache.writeShipped(
            root: banks, salt: CatalogCacheLocation.salt(banks: banks), zone: Deployment.current.examZone)
        print("已写入 \(file.path)（\(catalog.questions.count) 题）")
        if !catalog.diagnostics.isEmpty {
            Console.error("注意：有 \(catalog.diagnostics.count) 个题库问题，相关题目未计入。运行 lawquiz bank lint 查看。")
        }
    }
}
