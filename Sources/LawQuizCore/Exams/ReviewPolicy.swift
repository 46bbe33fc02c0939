import Foundation

/// When an examinee may see the keys and 解析 of a submitted paper (Moodle's
/// review setting). The score is always shown at submission; the keys of a
/// formal exam are held back by default because keys shown to the first
/// finishers reach colleagues who have not sat yet.
public enum ReviewPolicy: String, Sendable, Hashable, CaseIterable, Codable {
    /// Keys and 解析 right after submission (practice, 模拟考试).
    case immediately
    /// Only once the exam's `closes_at` has passed; never when it has none.
    case afterClose = "after_close"
    /// Never shown to the examinee.
    case never

    /// Whether keys may be shown for `exam` at `now`.
    public func showsKeys(closesAt: Date?, now: Date) -> Bool {
        switch self {
        case .immediately: return true
        case .afterClose: return closesAt.map { now >= $0 } ?? false
        case .never: return false
        }
    }
}

extension ExamDefinition {
    /// The policy in force: the exam's `review`, else the installation's
    /// default for a formal exam (`after_close` unless its config says
    /// otherwise) and `immediately` for a 模拟考试.
    public var reviewPolicy: ReviewPolicy {
        review ?? (formal ? formalReviewDefault : .immediately)
    }

    /// Whether the keys and 解析 of this exam may be shown to an examinee now.
    public func showsKeys(now: Date) -> Bool {
        reviewPolicy.showsKeys(closesAt: closesAt, now: now)
    }
}

extension ExamCatalog {
    /// The catalog with the installation's default review policy for formal
    /// exams that set none.
    public func withFormalReview(_ policy: ReviewPolicy) -> ExamCatalog {
        ExamCatalog(
            definitions: definitions.map { definition in
                var changed = definition
                changed.formalReviewDefault = policy
                return changed
            }, problems: problems)
    }
}
