import Foundation

/// The verdict on one answered (or unanswered) question.
public enum MarkVerdict: String, Sendable, Hashable, Codable {
    case right
    /// Partial credit on a 多选题 under `multiple_scoring: partial`.
    case partial
    case wrong
    case unanswered

    /// 正确 / 部分正确 / 错误 / 未作答.
    public var title: String {
        switch self {
        case .right: return "正确"
        case .partial: return "部分正确"
        case .wrong: return "错误"
        case .unanswered: return "未作答"
        }
    }
}

/// Marks for one question.
public struct ItemMark: Sendable, Hashable {
    public var verdict: MarkVerdict
    public var earned: Double
    public var possible: Double

    public init(verdict: MarkVerdict, earned: Double, possible: Double) {
        self.verdict = verdict
        self.earned = earned
        self.possible = possible
    }
}

/// Marks answers against the key. Answers are always in bank letters.
public struct Grader: Sendable {
    public var multipleScoring: MultipleScoring

    public init(multipleScoring: MultipleScoring = .allOrNothing) {
        self.multipleScoring = multipleScoring
    }

    /// Marks one answer worth `points`. A 多选题 under `.partial` earns half for a
    /// non-empty proper subset of the right options with no wrong one.
    public func mark(_ given: AnswerKey?, key: AnswerKey, type: QuestionType, points: Double) -> ItemMark {
        guard let given else { return ItemMark(verdict: .unanswered, earned: 0, possible: points) }
        if given == key { return ItemMark(verdict: .right, earned: points, possible: points) }
        if type == .multiple, multipleScoring == .partial, case .options(let chosen) = given, case .options(let right) = key,
            !chosen.isEmpty, chosen.isSubset(of: right)
        {
            return ItemMark(verdict: .partial, earned: points / 2, possible: points)
        }
        return ItemMark(verdict: .wrong, earned: 0, possible: points)
    }
}
