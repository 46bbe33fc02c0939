import Foundation

/// Why an exam action was refused; messages say what the person can do.
public enum AttemptError: LocalizedError, Sendable, Hashable {
    /// A roster exists and this 工号 is not on it.
    case unknownStaff(staffID: String)
    /// The person is on the roster but no longer listed.
    case inactiveStaff(staffID: String, name: String)
    /// Every allowed attempt has been used.
    case noAttemptsLeft(exam: String, used: Int, allowed: Int)
    /// Another process opened an attempt at the same moment; take it up instead.
    case alreadyInProgress(attemptID: Int64)
    /// No such attempt in the store.
    case attemptNotFound(attemptID: Int64)
    /// The attempt was already submitted; answers can no longer change.
    case alreadySubmitted(attemptID: Int64)
    /// The deadline has passed; the caller should submit.
    case deadlinePassed(attemptID: Int64)
    /// Item index outside the paper.
    case noSuchItem(index: Int, count: Int)
    /// A paper question is no longer in the banks, so it cannot be shown.
    case questionMissing(questionID: String)
    /// The attempt belongs to another exam definition.
    case examMismatch(attemptExam: String, given: String)
    /// Another live terminal has this attempt open (`SessionLease`).
    case openElsewhere(since: Date, tty: String, host: String)
    /// Another terminal took this attempt over; this session must not write.
    case sessionTakenOver(attemptID: Int64)

    /// `自 09:14 起，pts/3` (with the host when it is another machine).
    public static func holder(since: Date, tty: String, host: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "HH:mm"
        var parts = ["自 \(formatter.string(from: since)) 起"]
        if !tty.isEmpty { parts.append(tty) }
        if host != SessionLease.thisHost { parts.append("主机 \(host)") }
        return parts.joined(separator: "，")
    }

    public var errorDescription: String? {
        switch self {
        case .unknownStaff(let staffID):
            return "花名册中没有工号 \(staffID)。请核对工号，或请管理员导入最新花名册（lawquiz roster import）。"
        case .inactiveStaff(let staffID, let name):
            return "工号 \(staffID)（\(name)）已不在最新花名册中，不能参加考试。如有疑问请联系管理员。"
        case .noAttemptsLeft(let exam, let used, let allowed):
            return "“\(exam)”允许参加 \(allowed) 次，您已参加 \(used) 次，不能再次参加。可用 lawquiz history 查看成绩。"
        case .alreadyInProgress:
            return "该考试已在另一个窗口开始作答，请关闭另一个窗口后重新运行以继续作答。"
        case .attemptNotFound(let attemptID):
            return "找不到第 \(attemptID) 次作答记录。"
        case .alreadySubmitted(let attemptID):
            return "作答记录 \(attemptID) 已交卷，不能再修改答案。"
        case .deadlinePassed:
            return "考试时间已到，不能再作答。"
        case .noSuchItem(let index, let count):
            return "没有第 \(index + 1) 题（共 \(count) 题）。"
        case .questionMissing(let questionID):
            return "试卷中的题目 \(questionID) 已不在题库中，无法显示。请联系管理员恢复该题后再继续。"
        case .examMismatch(let attemptExam, let given):
            return "作答记录属于考试 \(attemptExam)，不是 \(given)。"
        case .openElsewhere(let since, let tty, let host):
            return "该考试已在另一终端打开（\(Self.holder(since: since, tty: tty, host: host))）。"
                + "请先在该终端保存离开（:q），或等待（--wait），或接管（--take-over，另一终端随即不能再作答）。"
        case .sessionTakenOver:
            return "本场考试已在另一终端接管，本窗口不能再作答。已保存的答案都在，请在接管的终端继续作答。"
        }
    }
}
