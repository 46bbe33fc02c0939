import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore

/// `lawquiz roster list`: the people on the roster.
struct RosterList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "列出花名册中的人员。")

    @Flag(name: .customLong("all"), help: "包括已不在册的人员。")
    var includeInactive = false

    @Option(help: "只列出该部门（路径前缀）的人员。")
    var department: String?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func run() throws {
        let store = try paths.openStore()
        var members = try store.roster(includeInactive: includeInactive)
        if let department {
            let prefix = RosterFile.normalizeDepartment(department)
            members = members.filter { $0.department == prefix || $0.department.hasPrefix(prefix + "/") }
        }
        guard !members.isEmpty else {
            print(try store.hasRoster() ? "没有符合条件的人员。" : "尚未导入花名册。用 lawquiz roster import <文件.csv> 导入。")
            return
        }
        var columns = [TableColumn("工号"), TableColumn("姓名", fit: .shorten, minimumWidth: 6), TableColumn("部门", fit: .wrap)]
        if includeInactive { columns.append(TableColumn("状态")) }
        var table = TextTable(columns: columns)
        for member in members {
            var row = [member.staffID, member.name, RosterImport.department(member.department)]
            if includeInactive { row.append(member.isActive ? "在册" : "不在册") }
            table.rows.append(row)
        }
        display.emit(table.render(width: display.tableWidth) + "共 \(members.count) 人。\n")
    }
}
