import Foundation

/// The four FSRS grades. A quiz cannot ask people how well they remembered,
/// so the grade is read from what they did: correctness and answer time.
public enum ReviewRating: Int, Sendable, Hashable, CaseIterable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4

    /// A right answer within this many seconds counts as Easy: reading a
    /// short stem and its options takes about that long, so the answer was at hand.
    public static let easySeconds: TimeInterval = 15
    /// A right answer after this many seconds counts as Hard: it was worked
    /// out or recalled with effort (long case stems take longer, so generous).
    public static let hardSeconds: TimeInterval = 90

    /// Wrong is Again; right is Easy when fast, Hard when slow, else Good.
    /// Without a time (exam answers) a right answer is Good.
    public init(correct: Bool, answerSeconds: TimeInterval?) {
        guard correct else {
            self = .again
            return
        }
        guard let seconds = answerSeconds else {
            self = .good
            return
        }
        if seconds <= Self.easySeconds {
            self = .easy
        } else if seconds > Self.hardSeconds {
            self = .hard
        } else {
            self = .good
        }
    }
}

extension ReviewRating {
    /// The rating of a graded exam answer (no per-question time is kept):
    /// right is Good, partial credit Hard, wrong Again; an unanswered
    /// question says nothing about memory (often just time ran out), so nil.
    public init?(verdict: MarkVerdict) {
        switch verdict {
        case .right: self = .good
        case .partial: self = .hard
        case .wrong: self = .again
        case .unanswered: return nil
        }
    }
}
