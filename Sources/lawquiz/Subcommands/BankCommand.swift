import ArgumentParser

/// `lawquiz bank …`: tools for bank authors.
struct BankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bank",
        abstract: "题库工具：检查、统计、覆盖率、自动定位条文。",
        subcommands: [
            BankLint.self, BankList.self, BankCoverageCommand.self, BankGround.self, BankImport.self, BankExport.self,
            BankSnapshot.self,
        ],
    )
}

/// Output format shared by the reporting subcommands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}
