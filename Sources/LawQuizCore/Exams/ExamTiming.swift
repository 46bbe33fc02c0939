import Foundation

/// Why an attempt may not be started now.
public enum ExamWindowError: LocalizedError, Sendable, Hashable {
    case notOpenYet(title: String, opensAt: Date)
    case closed(title: String, closedAt: Date)

    public var errorDescription: String? {
        switch self {
        case .notOpenYet(let title, let opensAt):
            return "“\(title)”尚未开始，开考时间：\(ExamTimeFormat.format(opensAt))"
        case .closed(let title, let closedAt):
            return "“\(title)”已于 \(ExamTimeFormat.format(closedAt)) 截止，不能再开始作答"
        }
    }
}

/// Deadline rules, pure so they can be tested with any clock: the deadline is
/// fixed at the start (start + time limit, but never after the closing time),
/// so leaving and coming back never resets the clock.
public enum ExamTiming {
    /// Throws when `now` is before `opens_at` or at/after `closes_at`.
    public static func checkWindow(_ exam: ExamDefinition, now: Date) throws {
        if let opensAt = exam.opensAt, now < opensAt { throw ExamWindowError.notOpenYet(title: exam.title, opensAt: opensAt) }
        if let closesAt = exam.closesAt, now >= closesAt { throw ExamWindowError.closed(title: exam.title, closedAt: closesAt) }
    }

    /// The deadline of an attempt started at `start`.
    public static func deadline(for exam: ExamDefinition, startedAt start: Date) -> Date {
        let limit = start.addingTimeInterval(exam.timeLimit)
        if let closesAt = exam.closesAt, closesAt < limit { return closesAt }
        return limit
    }

    /// Whole seconds left (never negative).
    public static func secondsLeft(until deadline: Date, now: Date) -> Int {
        max(0, Int(deadline.timeIntervalSince(now).rounded(.up)))
    }

    /// True once the deadline has been reached.
    public static func hasExpired(_ deadline: Date, now: Date) -> Bool { now >= deadline }

    /// `59:05` or `1:02:03`, for the prompt's countdown.
    /// Built by hand: it is on the first prompt of every session, and the
    /// first `String(format:)` of a process costs Foundation's varargs set-up.
    public static func formatCountdown(seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, rest = seconds % 60
        let clock = twoDigits(minutes) + ":" + twoDigits(rest)
        return hours > 0 ? "\(hours):" + clock : clock
    }

    /// `5` → `05`; values of 100 and more (or negative) as they are, like `%02d`.
    private static func twoDigits(_ value: Int) -> String {
        (0..<10).contains(value) ? "0" + String(value) : String(value)
    }
}
