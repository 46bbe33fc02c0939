import ArgumentParser
import Foundation
import LawQuizCore

/// The banks and results store a command was pointed at (`--banks`,
/// `--results`), and what follows from them: the resolved paths, the catalog,
/// the store. Both the parser's `PathOptions` and the plain `PathChoice` have
/// it, so `exam take` read without the parser (ExamTakeArguments) never
/// creates the parser's property wrappers: their first creation costs the
/// Swift runtime protocol-conformance scans of the whole program (README, "Launch").
protocol PathChoosing {
    var banksRoot: String? { get }
    var results: String? { get }
}

/// The two paths as plain values (see `PathChoosing`).
struct PathChoice: PathChoosing {
    var banksRoot: String?
    var results: String?
}

extension PathChoosing {
    var choice: PathChoice { PathChoice(banksRoot: banksRoot, results: results) }

    /// Installed: only administrators may point lawquiz at other banks or
    /// another store. Refused with status 77 before the command runs.
    func checkOverrides() throws {
        do {
            try Deployment.current.checkOverrides(banks: banksRoot, results: results)
        } catch let error as DeploymentError {
            Console.error("错误：" + (error.errorDescription ?? "\(error)"))
            throw ExitCode(ExitStatus.notPermitted.rawValue)
        }
    }

    var resolved: ProjectPaths {
        Deployment.current.paths(
            banks: banksRoot, results: results, workingDirectory: ProcessFacts.workingDirectory(),
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
            zone: Deployment.current.examZone)
    }
}
