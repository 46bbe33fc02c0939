import ArgumentParser
import Foundation
import LawQuizCore

/// Where the banks and the results store live; shared by every subcommand.
struct PathOptions: ParsableArguments {
    @Option(name: .customLong("banks"), help: ArgumentHelp("题库根目录（含 statutes/、banks/、exams/）；也可用环境变量 LAWQUIZ_BANKS。", valueName: "DIR"))
    var banksRoot: String?

    @Option(name: .customLong("results"), help: ArgumentHelp(
            "结果数据库：文件路径，或 PostgreSQL 服务器 postgres://用户@主机:端口/数据库（密码用 PGPASSWORD 或 ~/.pgpass，不写在地址中）；也可用环境变量 LAWQUIZ_RESULTS。默认 Results/lawquiz.sqlite。",
            valueName: "PATH|URL"))
    var results: String?

    /// Installed: only administrators may point lawquiz at other banks or
    /// another store. Refused here, while the arguments are checked, with
    /// status 77 before the command runs.
    func validate() throws {
        do {
            try Deployment.current.checkOverrides(banks: banksRoot, results: results)
        } catch let error as DeploymentError {
            Console.error("错误：" + (error.errorDescription ?? "\(error)"))
            throw ExitCode(ExitStatus.notPermitted.rawValue)
        }
    }

    var resolved: ProjectPaths {
        Deployment.current.paths(
            banks: banksRoot, results: results, workingDirectory: FileManager.default.currentDirectoryPath,
            executablePath: CommandLine.arguments.first.map(ExecutablePath.absolute) ?? "")
    }

    func loadLibrary() throws -> LawLibrary {
        try LawLibrary.load(from: resolved.statutes)
    }

    /// The checked catalog, through the cache so commands start fast.
    func loadCatalog() throws -> BankCatalog {
        try loadCatalogAndExams().catalog
    }

    /// The catalog and, when the cache holds them, the parsed exam
    /// definitions (read in the deployment's zone); pass `exams` to `loadExams`.
    func loadCatalogAndExams() throws -> (catalog: BankCatalog, exams: ExamCatalog?) {
        let banks = resolved.questionBanks
        return try CatalogCache.load(
            root: banks, folder: Deployment.current.cacheFolder, salt: CatalogCacheLocation.salt(banks: banks),
            timeZone: Deployment.current.timeZone)
    }
}
