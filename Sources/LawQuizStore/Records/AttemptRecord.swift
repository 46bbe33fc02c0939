import Foundation
import LawQuizCore

/// Where an attempt stands.
public enum AttemptStatus: String, Sendable, Hashable, Codable {
    case inProgress = "in_progress"
    case submitted
}

/// Where an attempt was sat (线上 / 线下): column `attempt.source`. Not to be
/// confused with `AttemptSource` (main exam or make-up) of the reports.
public enum SittingMode: String, Sendable, Hashable, Codable {
    case online
    case paper

    /// 线上 / 线下.
    public var title: String { self == .online ? "线上" : "线下" }
}

/// How an attempt came to be submitted.
public enum SubmitReason: String, Sendable, Hashable, Codable {
    /// The person confirmed `:s`.
    case byPerson = "submitted"
    /// The deadline passed while the session was open.
    case timeUp = "time_up"
    /// The deadline had passed when the person came back (or someone listed results).
    case expired = "expired"

    /// 交卷 / 时间到自动交卷 / 超时未交、系统交卷.
    public var title: String {
        switch self {
        case .byPerson: return "交卷"
        case .timeUp: return "时间到自动交卷"
        case .expired: return "超时后系统交卷"
        }
    }
}

/// One sitting of an exam by one person, as stored.
public struct AttemptRecord: Sendable, Hashable {
    public var id: Int64
    public var examID: String
    /// Title when the attempt started (the file may change later).
    public var examTitle: String
    /// `ExamDefinition.definitionHash` when the attempt started.
    public var definitionHash: String
    public var staffID: String
    /// Seed of the paper; with the same banks and definition it redraws it.
    public var seed: UInt64
    public var startedAt: Date
    /// Fixed at the start; leaving and coming back does not move it.
    public var deadline: Date
    public var submittedAt: Date?
    public var status: AttemptStatus
    public var submitReason: SubmitReason?
    public var score: Double?
    public var fullMarks: Double
    public var passed: Bool?
    public var excellent: Bool?
    /// Copied from the definition's `formal`; practice is never an attempt.
    public var isFormal: Bool
    /// Login of the administrator who started it for this person (`--staff`
    /// on an installed host); nil when the person started it.
    public var proctorLogin: String?
    /// Sat online or on a printed paper keyed in afterwards (then
    /// `proctorLogin` is the administrator who entered the sheet).
    public var mode: SittingMode
    /// The printed paper's number for a paper attempt.
    public var paperNumber: Int?

    init(row: SQLRow) throws {
        id = try row["id"]
        examID = try row["exam_id"]
        examTitle = try row["exam_title"]
        definitionHash = try row["definition_hash"]
        staffID = try row["staff_id"]
        seed = UInt64(bitPattern: try row["seed"] as Int64)
        startedAt = try row["started_at"]
        deadline = try row["deadline"]
        submittedAt = try row["submitted_at"]
        status = AttemptStatus(rawValue: try row["status"]) ?? .inProgress
        submitReason = (try row["submit_reason"] as String?).flatMap(SubmitReason.init(rawValue:))
        score = try row["score"]
        fullMarks = try row["full_marks"]
        passed = try row["passed"]
        excellent = try row["excellent"]
        isFormal = try row["is_formal"]
        proctorLogin = try row["proctor_login"]
        // Absent on a store read before its v5 upgrade: every attempt then was online.
        mode = (try row["source"] as String?).flatMap(SittingMode.init(rawValue:)) ?? .online
        paperNumber = try row["paper_no"]
    }

    /// Time from start to submission (or to now while in progress), never past the deadline.
    public func timeUsed(now: Date) -> TimeInterval {
        let end = min(submittedAt ?? now, deadline)
        return max(0, end.timeIntervalSince(startedAt))
    }
}

/// The saved response to one paper item.
public struct SavedResponse: Sendable, Hashable {
    public var itemIndex: Int
    /// In bank letters; nil when only marked for review.
    public var answer: AnswerKey?
    public var answeredAt: Date
    public var marked: Bool

    public init(itemIndex: Int, answer: AnswerKey?, answeredAt: Date, marked: Bool) {
        self.itemIndex = itemIndex
        self.answer = answer
        self.answeredAt = answeredAt
        self.marked = marked
    }
}

/// A paper item as stored, with the answer key frozen at draw time so a later
/// bank edit can never change a submitted score.
public struct StoredPaperItem: Sendable, Hashable {
    public var item: PaperItem
    public var key: AnswerKey

    public init(item: PaperItem, key: AnswerKey) {
        self.item = item
        self.key = key
    }
}
