import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal

/// `lawquiz progress`: what a person has mastered by law and chapter, what is
/// due, the study streak and whether daily practice covers the rest before
/// the next exam; `--by department` gives administrators the same per department.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "学习进度：按法律和章显示掌握程度、今天和本周到期的题、连续学习天数。",
        discussion: """
            “掌握”指按记忆模型（FSRS）估计现在答对的概率不低于 90%。每次练习和交卷都会更新。
            例：lawquiz progress --staff 1001；管理员：lawquiz progress --by department。
            """)

    /// How far ahead an exam counts as opening soon.
    static let examHorizonDays = 30

    enum Grouping: String, ExpressibleByArgument {
        case department
    }

    @Option(help: ArgumentHelp("工号。", valueName: "工号"))
    var staff: String?

    @Option(help: ArgumentHelp("按部门汇总（管理员）：department。", valueName: "分组"))
    var by: Grouping?

    /// The budget the estimate of days before an exam assumes.
    @OptionGroup var daily: DailyBudgetOptions

    @OptionGroup var paths: PathOptions

    func validate() throws {
        if staff != nil, by != nil { throw ValidationError("--staff 与 --by 不能同用") }
    }

    func run() throws {
        let catalog = try paths.loadCatalog()
        let store = try paths.openStore()
        let now = Date()
        let width = TerminalFacts.columns
        if by == .department {
            try Deployment.current.requireAdministrator("progress --by department")
            try departments(store: store, catalog: catalog, now: now, width: width)
            return
        }
        guard let requested = try Deployment.current.ownStaffID(requested: staff, command: "progress", store: store) else {
            throw ValidationError("请用 --staff 指定工号，或用 --by department 按部门汇总")
        }
        let staffID = requested.trimmingCharacters(in: .whitespaces)
        try StaffIDCheck.validate(staffID)
        // A question since removed from the banks is neither due nor mastered.
        let states = try store.memoryStates(staffID: staffID).filter { catalog.question($0.questionID) != nil }
        let member = try store.staffMember(staffID)
        print(TerminalText.visible("学习进度：工号 \(staffID)" + (member.map { "（\($0.name)）" } ?? ""), newlines: .space))
        guard !states.isEmpty else {
            print("还没有练习记录。开始今日练习：lawquiz practice --due --staff \(staffID)")
            return
        }
        let report = MasteryReport(
            catalog: catalog, reviewed: Dictionary(states.map { ($0.questionID, $0) }, uniquingKeysWith: { $1 }), now: now)
        print("掌握程度（现在答对概率 ≥ 90% 的题所占比例）：")
        let bars = report.rows.map { row in
            BarChart.Bar(
                label: row.isLaw ? row.label : "  " + row.label, value: Int((row.share * 1000).rounded()),
                annotation: "\(row.mastered)/\(row.total)（\(Self.percent(row.share))）")
        }
        BarChart(bars: bars, fullScale: 1000).render(width: width).forEach { print($0) }
        let calendar = StudyCalendar()
        let dueToday = states.filter { $0.dueAt < calendar.startOfDay(now, plus: 1) }.count
        let dueWeek = states.filter { $0.dueAt < calendar.startOfDay(now, plus: 7) }.count
        let streak = calendar.daysInARow(studyDates: try store.studyTimes(staffID: staffID), today: now)
        print("已练过 \(report.totalQuestions - report.unseenQuestions) 道，掌握 \(report.masteredQuestions) 道，共 \(report.totalQuestions) 道。")
        print("今天到期 \(dueToday) 道，7 天内到期 \(dueWeek) 道。连续学习 \(streak) 天。")
        let exams = (try? paths.loadExams(library: catalog.library).definitions) ?? []
        let horizon = now.addingTimeInterval(Double(Self.examHorizonDays) * 86_400)
        for exam in exams {
            guard let opens = exam.opensAt, opens > now, opens <= horizon else { continue }
            // The laws the exam draws from; a section without a law draws from all.
            let lawIDs = exam.sections.contains { $0.lawID == nil } ? nil : Set(exam.sections.compactMap(\.lawID))
            let needed = report.daysToCover(duePerDay: daily.budgetDue, newPerDay: daily.budgetNew, lawIDs: lawIDs)
            let daysLeft = calendar.days(from: now, to: opens)
            let open = report.rows.filter { $0.isLaw && (lawIDs?.contains($0.lawID) ?? true) }.reduce(0) { $0 + $1.total - $1.mastered }
            let verdict = needed <= daysLeft ? "来得及" : "来不及，可加大每日新题数 --budget-new"
            print(
                "考试「\(exam.title)」\(daysLeft) 天后开放：所考法律中未掌握 \(open) 道，"
                    + "按每天 \(daily.budgetDue) 道复习 + \(daily.budgetNew) 道新题需练 \(needed == Int.max ? "—" : String(needed)) 天（\(verdict)）。")
        }
    }

    /// The per-department view (administrators only; the permission check is wired by the caller).
    private func departments(store: ResultsStore, catalog: BankCatalog, now: Date, width: Int) throws {
        let roster = try store.roster()
        let departments = Dictionary(roster.map { ($0.staffID, $0.department) }, uniquingKeysWith: { first, _ in first })
        let mastery = DepartmentMastery(
            departments: departments, mastered: try store.masteredCountsByStaff(at: now), totalQuestions: catalog.questions.count)
        guard !mastery.rows.isEmpty else {
            print("还没有名册，也没有练习记录。")
            return
        }
        print("各部门平均掌握程度（每人掌握的题占全部 \(catalog.questions.count) 道的比例，取平均）：")
        let bars = mastery.rows.map { row in
            BarChart.Bar(
                label: RosterImport.department(row.department), value: Int((row.averageShare * 1000).rounded()),
                annotation: "\(Self.percent(row.averageShare))，\(row.studying)/\(row.people) 人在练")
        }
        BarChart(bars: bars, fullScale: 1000).render(width: width).forEach { print($0) }
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
