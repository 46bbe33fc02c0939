import ArgumentParser

/// `lawquiz roster …`: the staff list exams are checked against.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "花名册：导入与查看人员（工号、姓名、部门）。",
        subcommands: [RosterImport.self, RosterList.self],
    )
}
