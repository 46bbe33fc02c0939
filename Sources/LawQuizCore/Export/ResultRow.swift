import Foundation

/// One row of 成绩明细 / the CSV export: one per required person, whether
/// they sat or not, with which attempt counted and why.
public struct ResultRow: Sendable, Hashable {
    public static let headers = ["工号", "姓名", "部门", "是否参考", "得分", "是否合格", "是否优秀", "用时", "提交时间", "作答次数", "计分方式", "计入作答编号"]

    public var staffID: String
    public var name: String
    public var department: String
    public var sat: Bool
    public var score: Double?
    public var passed: Bool?
    public var excellent: Bool?
    public var duration: TimeInterval?
    public var submittedAt: Date?
    public var attempts: Int
    public var countingText: String
    public var attemptID: Int64?

    public init(outcome: PersonOutcome) {
        staffID = outcome.person.staffID
        name = outcome.person.name
        department = outcome.person.department.components.joined(separator: "/")
        let counted = outcome.counted
        sat = counted != nil
        score = counted?.attempt.score
        passed = counted?.attempt.passed
        excellent = counted?.attempt.excellent
        duration = counted?.attempt.duration
        submittedAt = counted?.attempt.submittedAt
        attempts = counted?.totalAttempts ?? 0
        countingText = counted?.explanation ?? "未参考"
        attemptID = counted?.attempt.id
    }

    /// Rows of every required person, in department then 工号 order.
    public static func rows(_ outcomes: ExamOutcomes) -> [ResultRow] {
        outcomes.people.filter(\.isRequired).map(ResultRow.init(outcome:))
    }

    static func yesNo(_ value: Bool?) -> String {
        value.map { $0 ? "是" : "否" } ?? ""
    }

    /// The CSV cells, times in `format`'s time zone.
    public func csvCells(format: ReportTimeFormat) -> [CSVCell] {
        [
            .text(staffID), .text(name), .text(department), .text(sat ? "是" : "否"),
            .number(score.map(ScoreFormat.text) ?? ""), .text(Self.yesNo(passed)), .text(Self.yesNo(excellent)),
            .text(duration.map(ReportTimeFormat.duration) ?? ""), .text(submittedAt.map(format.dateTime) ?? ""),
            .number(String(attempts)), .text(countingText), .number(attemptID.map { String($0) } ?? ""),
        ]
    }
}
