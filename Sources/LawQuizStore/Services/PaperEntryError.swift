import Foundation

/// Why a printed paper or an answer sheet was refused.
public enum PaperEntryError: LocalizedError, Sendable, Hashable {
    /// No paper with this number was printed for the exam.
    case notIssued(exam: String, number: Int)
    /// The sheet of this paper was entered already.
    case alreadyEntered(number: Int, attemptID: Int64)
    /// The paper was made out to someone else.
    case issuedToOther(number: Int, staffID: String)
    /// Sheets are matched to the roster; none has been imported.
    case noRoster
    /// The check code keyed in does not belong to the paper number.
    case checkCodeMismatch(number: Int, given: String)

    public var errorDescription: String? {
        switch self {
        case .notIssued(let exam, let number): return "考试 \(exam) 没有打印过试卷号 \(number) 的试卷"
        case .alreadyEntered(let number, let attemptID): return "试卷号 \(number) 的答题卡已录入（作答编号 \(attemptID)）"
        case .issuedToOther(let number, let staffID): return "试卷号 \(number) 是发给工号 \(staffID) 的"
        case .noRoster: return "尚未导入花名册，无法核对工号：请先运行 lawquiz roster import"
        case .checkCodeMismatch(let number, let given): return "校验码 \(given) 与试卷号 \(number) 不符，请核对试卷号"
        }
    }
}
