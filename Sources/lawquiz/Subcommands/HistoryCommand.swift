import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore

/// `lawquiz history [--staff ID]`: attempts of one person, or of everyone.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "查看考试记录：某人（--staff）或全部人员的每次作答。",
        discussion: "超过截止时间仍未交卷的作答按截止时间、已保存的答案计算成绩显示（本命令只读，不改动任何作答；本人再次运行 exam take 时正式交卷）。练习不在此列出。")

    @Option(help: ArgumentHelp("工号；省略时列出所有人的记录。", valueName: "工号"))
    var staff: String?

    @OptionGroup var paths: PathOptions

    func run() throws {
        let catalog = try paths.loadCatalog()
        // Listing must work even without an exams folder; overdue attempts of
        // exams that cannot be loaded are simply shown as they are.
        let exams = (try? paths.loadExams(library: catalog.library)) ?? ExamCatalog(definitions: [])
        let store = try paths.openStore()
        let service = AttemptService(store: store, catalog: catalog)
        let attempts = try (staff.map { try service.history(staffID: $0.trimmingCharacters(in: .whitespaces)) } ?? store.allAttempts())
            .map { try service.asRecorded($0, exams: exams) }
        if let staff, let member = try store.staffMember(staff) {
            print("\(member.staffID)  \(member.name)  \(RosterImport.department(member.department))\(member.isActive ? "" : "（不在册）")")
        }
        guard !attempts.isEmpty else {
            print(staff.map { "工号 \($0) 没有考试记录。" } ?? "还没有考试记录。")
            return
        }
        var table = TextTable(headers: ["序号", "考试", "工号", "姓名", "开始时间", "用时", "状态", "得分", "结果"], rightAligned: [0, 7])
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
        print(table.render(), terminator: "")
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
