import Foundation

// TEMPORARY mirror of exam-data's AttemptCounting until that branch is merged; delete on merge.
public enum AttemptCounting: String, Sendable, Hashable, CaseIterable, Codable {
    case highest
    case first
    case last

    public func select<T>(_ attempts: [T], startedAt: (T) -> Date, score: (T) -> Double) -> T? {
        switch self {
        case .first: return attempts.min { startedAt($0) < startedAt($1) }
        case .last: return attempts.max { startedAt($0) < startedAt($1) }
        case .highest:
            return attempts.max { lhs, rhs in
                score(lhs) != score(rhs) ? score(lhs) < score(rhs) : startedAt(lhs) > startedAt(rhs)
            }
        }
    }
}
