import Foundation
import LawQuizCore
import LawQuizStore

/// The result of a submitted attempt: score of full marks, 合格 / 优秀, the
/// breakdown by law and by question type, and the time used.
public struct ResultScreen: Sendable {
    public var examTitle: String
    public var grade: ExamGrade
    public var library: LawLibrary
    /// Seconds from start to submission.
    public var timeUsed: TimeInterval
    /// Why the attempt ended, e.g. 时间到，已自动交卷.
    public var note: String?

    public init(examTitle: String, grade: ExamGrade, library: LawLibrary, timeUsed: TimeInterval, note: String? = nil) {
        self.examTitle = examTitle
        self.grade = grade
        self.library = library
        self.timeUsed = timeUsed
        self.note = note
    }

    /// The screen for a graded attempt, noting how it was submitted when it
    /// was not by the person.
    public init(result: AttemptResult, library: LawLibrary) {
        let reason = result.attempt.submitReason
        self.init(
            examTitle: result.attempt.examTitle, grade: result.grade, library: library, timeUsed: result.timeUsed,
            note: reason == nil || reason == .byPerson ? nil : reason?.title)
    }

    public func render(width: Int, style: TerminalStyle) -> String {
        var lines = BankText.wrapped("成绩：" + examTitle, width: width).map(style.bold)
        if let note { lines.append(style.warning(note)) }
        let score = "\(ExamScoreText.number(grade.score)) / \(ExamScoreText.number(grade.fullMarks)) 分"
        let verdict = grade.passed ? style.good("合格") : style.bad("不合格")
        let excellence = grade.excellent ? "，" + style.good("优秀") : "，未达优秀"
        lines.append("得分 \(style.bold(score))  \(verdict)\(excellence)")
        let right = grade.items.filter { $0.mark.verdict == .right }.count
        lines.append("答对 \(right)/\(grade.items.count) 题，用时 \(ExamScoreText.duration(timeUsed))")
        lines.append("")
        lines.append(breakdownTable(title: "法律", groups: grade.byLaw, width: width) { library.law(named: $0)?.shortName ?? $0 })
        lines.append(breakdownTable(title: "题型", groups: grade.byType, width: width) { QuestionType(rawValue: $0)?.title ?? $0 })
        return lines.joined(separator: "\n") + "\n"
    }

    private func breakdownTable(title: String, groups: [GradeBreakdown], width: Int, name: (String) -> String) -> String {
        let rows = groups.map { group in
            [
                name(group.key), "\(group.right)/\(group.questions)",
                "\(ExamScoreText.number(group.earned))/\(ExamScoreText.number(group.possible))",
            ]
        }
        let columns = [TableColumn(title, fit: .wrap), TableColumn("答对", .right), TableColumn("得分", .right)]
        return TextTable(columns: columns, rows: rows).render(width: width)
    }
}
