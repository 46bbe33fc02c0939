import Foundation

/// One inconsistency `lawquiz verify` found, naming the attempt and the
/// person where there is one.
public struct AuditFinding: Sendable, Hashable {
    public enum Category: String, Sendable, Hashable {
        /// An entry of the chain was edited, forged, deleted or reordered.
        case chain
        /// An attempt in the table with no record in the chain.
        case attemptInserted
        /// An attempt the chain records is gone from the table.
        case attemptDeleted
        /// Start, deadline, person, exam or seed differ from the chain.
        case attemptEdited
        /// The stored paper (question, key, points, option order) differs.
        case paperEdited
        /// A saved answer differs from the last one the chain records.
        case answerEdited
        /// Status, score, 合格/优秀 or submission time differ.
        case resultEdited
        /// The stored score is not what the stored paper and answers give.
        case scoreMismatch
        /// The answer sheet reports read differs from the paper and answer rows (or is missing).
        case sheetMismatch
    }

    public var category: Category
    public var attemptID: Int64?
    /// `工号 姓名` (or the 工号 alone when the person is not on the roster).
    public var person: String?
    public var examID: String?
    /// What is wrong, in Chinese.
    public var detail: String

    public init(category: Category, attemptID: Int64? = nil, person: String? = nil, examID: String? = nil, detail: String) {
        self.category = category
        self.attemptID = attemptID
        self.person = person
        self.examID = examID
        self.detail = detail
    }

    /// `作答 #12（1002 李娜，考试 demo）：…`.
    public var message: String {
        guard let attemptID else { return detail }
        let who = [person, examID.map { "考试 \($0)" }].compactMap { $0 }.joined(separator: "，")
        return "作答 #\(attemptID)" + (who.isEmpty ? "" : "（\(who)）") + "：" + detail
    }
}

/// What `AuditVerifier` checked and found.
public struct AuditReport: Sendable {
    /// Entries in the chain.
    public var entries: Int
    /// Attempts compared (of the exam asked for, or all).
    public var attempts: Int
    /// Attempts whose score was recomputed (their exam defined as when sat).
    public var recomputed: Int
    /// The chain's head hash (校验码).
    public var head: String?
    public var findings: [AuditFinding]

    public var isClean: Bool { findings.isEmpty }
}
