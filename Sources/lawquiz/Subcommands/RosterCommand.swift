import ArgumentParser

/// `lawquiz roster …`: the staff list exams are checked against.
struct RosterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster",
        abstract: "花名册：导入与查看人员（工号、姓名、部门、登录名），设置公用终端的 PIN。",
        subcommands: [RosterImport.self, RosterList.self, RosterPin.self],
    )
}
