import ArgumentParser
import Foundation
import LawQuizCore

/// Where the banks and the results store live; shared by every subcommand.
struct PathOptions: ParsableArguments {
    @Option(name: .customLong("banks"), help: ArgumentHelp("题库根目录（含 statutes/、banks/、exams/）；也可用环境变量 LAWQUIZ_BANKS。", valueName: "DIR"))
    var banksRoot: String?

    @Option(name: .customLong("results"), help: ArgumentHelp("结果数据库文件；也可用环境变量 LAWQUIZ_RESULTS。默认 Results/lawquiz.sqlite。", valueName: "PATH"))
    var results: String?

    var resolved: ProjectPaths {
        ProjectPaths.resolve(
            banks: banksRoot, results: results, environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath,
            executablePath: CommandLine.arguments.first.map(Console.absoluteExecutablePath) ?? "")
    }

    func loadLibrary() throws -> LawLibrary {
        try LawLibrary.load(from: resolved.statutes)
    }

    /// The checked catalog, through the cache so commands start fast.
    func loadCatalog() throws -> BankCatalog {
        let banks = resolved.questionBanks
        return try CatalogCache.load(
            root: banks, folder: CatalogCacheLocation.folder(), salt: CatalogCacheLocation.salt(banks: banks))
    }
}
