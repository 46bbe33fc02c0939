import Foundation

/// One attempt as the workbook's 全部作答 sheet lists it: every formal
/// attempt at the exam and its make-ups, counted or not, finished or not,
/// so an administrator can see in Excel why each one did or did not count.
public struct AttemptListing: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        /// Submitted, with how (交卷, 时间到自动交卷…, as the store names its reasons).
        case submitted(how: String)
        /// Past its deadline and not yet submitted: shown as it will be recorded.
        case overdue
        /// 未完成: still open before its deadline.
        case inProgress
    }

    public var id: Int64
    public var examID: String
    public var staffID: String
    public var startedAt: Date
    public var deadline: Date
    public var submittedAt: Date?
    public var state: State
    public var score: Double?
    public var passed: Bool?
    public var excellent: Bool?

    public init(
        id: Int64, examID: String, staffID: String, startedAt: Date, deadline: Date, submittedAt: Date?, state: State, score: Double?,
        passed: Bool?, excellent: Bool?
    ) {
        self.id = id
        self.examID = examID
        self.staffID = staffID
        self.startedAt = startedAt
        self.deadline = deadline
        self.submittedAt = submittedAt
        self.state = state
        self.score = score
        self.passed = passed
        self.excellent = excellent
    }

    /// How it was submitted, 超时未交（按截止时计分） or 未完成.
    public var stateText: String {
        switch state {
        case .submitted(let how): return how
        case .overdue: return "超时未交（按截止时计分）"
        case .inProgress: return "未完成"
        }
    }
}
