import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore

/// `lawquiz history [--staff ID]`: attempts of one person, or of everyone.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "查看考试记录：某人（--staff）或全部人员的每次作答。",
        discussion: "超过截止时间仍未交卷的作答按截止时间、已保存的答案计算成绩显示（本命令只读，不改动任何作答；本人再次运行 exam take 时正式交卷）。练习不在此列出。")

    @Option(help: ArgumentHelp("工号；省略时列出所有人的记录。安装模式下普通用户只能看到自己的记录，不能指定。", valueName: "工号"))
    var staff: String?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var paths: PathOptions

    func run() throws {
        if let staff { try StaffIDCheck.validate(staff) }
        let catalog = try paths.loadCatalog()
        // Listing must work even without an exams folder; overdue attempts of
        // exams that cannot be loaded are simply shown as they are.
        let exams = (try? paths.loadExams(library: catalog.library)) ?? ExamCatalog(definitions: [])
        let store = try paths.openStore()
        let service = AttemptService(store: store, catalog: catalog)
        let staff = try Deployment.current.ownStaffID(requested: self.staff, command: "history", store: store)
        let attempts = try (staff.map { try service.history(staffID: $0.trimmingCharacters(in: .whitespaces)) } ?? store.allAttempts())
            .map { try service.asRecorded($0, exams: exams) }
        var output = ""
        if let staff, let member = try store.staffMember(staff) {
            output += TerminalText.visible(
                "\(member.staffID)  \(member.name)  \(RosterImport.department(member.department))\(member.isActive ? "" : "（不在册）")",
                newlines: .space) + "\n"
        }
        guard !attempts.isEmpty else {
            print(output + (staff.map { "工号 \($0) 没有考试记录。" } ?? "还没有考试记录。"))
            return
        }
        // With --staff the person is named above the table: 工号 and 姓名 give way first.
        let person = staff == nil ? 60 : 10
        var table = TextTable(columns: [
            TableColumn("序号", .right), TableColumn("考试", fit: .wrap), TableColumn("工号", priority: person),
            TableColumn("姓名", fit: .shorten, priority: person + 10, minimumWidth: 6), TableColumn("开始时间", priority: 50),
            TableColumn("用时", priority: 20), TableColumn("状态", fit: .wrap, priority: 40), TableColumn("得分", .right),
            TableColumn("结果"),
        ])
        var names: [String: String] = [:]
        for member in try store.roster(includeInactive: true) { names[member.staffID] = member.name }
        let now = Date()
        for attempt in attempts {
            table.rows.append([
                String(attempt.id), attempt.examTitle + (attempt.isFormal ? "" : "（模拟）"), attempt.staffID,
                names[attempt.staffID] ?? "—", ListingFormat.date(attempt.startedAt),
                ListingFormat.duration(attempt.timeUsed(now: now)), Self.status(attempt), Self.score(attempt),
                Self.verdict(attempt),
            ])
        }
        display.emit(output + table.render(width: display.tableWidth))
    }

    static func status(_ attempt: AttemptRecord) -> String {
        switch attempt.status {
        case .inProgress: return "作答中（截止 \(ListingFormat.date(attempt.deadline))）"
        case .submitted: return attempt.submitReason?.title ?? "已交卷"
        }
    }

    static func score(_ attempt: AttemptRecord) -> String {
        attempt.score.map { "\(ListingFormat.score($0))/\(ListingFormat.score(attempt.fullMarks))" } ?? "—"
    }

    static func verdict(_ attempt: AttemptRecord) -> String {
        guard attempt.status == .submitted else { return "—" }
        if attempt.excellent == true { return "优秀" }
        return attempt.passed == true ? "合格" : "不合格"
    }
}
