import Foundation

/// One person's memory of one question as stored: the FSRS state with when it
/// was last reviewed and when it is due again.
public struct ReviewedQuestion: Sendable, Hashable {
    public var questionID: String
    public var memory: MemoryState
    public var lastReviewAt: Date
    public var dueAt: Date

    public init(questionID: String, memory: MemoryState, lastReviewAt: Date, dueAt: Date) {
        self.questionID = questionID
        self.memory = memory
        self.lastReviewAt = lastReviewAt
        self.dueAt = dueAt
    }

    /// Probability of recall at `now`.
    public func retrievability(at now: Date) -> Double {
        FSRS.retrievability(elapsedDays: now.timeIntervalSince(lastReviewAt) / 86_400, stability: memory.stability)
    }

    /// Mastered: recalled now with probability ≥ `threshold` (0.9 by default).
    public func isMastered(at now: Date, threshold: Double = 0.9) -> Bool {
        retrievability(at: now) >= threshold
    }
}
