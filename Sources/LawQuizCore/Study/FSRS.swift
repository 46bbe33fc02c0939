import Foundation

/// The FSRS-4.5 memory model (Free Spaced Repetition Scheduler), the
/// scheduler behind Anki's current default, chosen because it beats SM-2 on
/// public review logs. Formulas and the 17 default weights are those of
/// FSRS-4.5 as published in the open-spaced-repetition/fsrs4anki wiki,
/// "The Algorithm" (section FSRS-4.5):
///
/// - retrievability  R(t,S) = (1 + FACTOR·t/S)^DECAY, DECAY = −0.5, FACTOR = 19/81
/// - first review    S₀(G) = w[G−1];  D₀(G) = w4 − (G−3)·w5
/// - difficulty      D′ = w7·D₀(3) + (1−w7)·(D − w6·(G−3)), kept in [1, 10]
/// - recall          S′ = S·(e^{w8}·(11−D)·S^{−w9}·(e^{w10·(1−R)} − 1)·(w15 if Hard)·(w16 if Easy) + 1)
/// - lapse           S′ = w11·D^{−w12}·((S+1)^{w13} − 1)·e^{w14·(1−R)}
/// - interval        I(r,S) = S/FACTOR·(r^{1/DECAY} − 1); for r = 0.9 this is exactly S days.
///
/// Times are in days (fractions allowed). Pure and deterministic, so the
/// simulation and the tests use the very code the store uses.
public struct FSRS: Sendable, Hashable {
    public static let decay = -0.5
    public static let factor = 19.0 / 81.0
    /// FSRS-4.5 default weights w0…w16.
    public static let defaultWeights: [Double] = [
        0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474,
        0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755,
    ]
    /// Below this stability (days) the formulas are not defined well.
    public static let minimumStability = 0.01

    public let weights: [Double]
    /// The recall probability at which a question is due again (and counts as mastered above it).
    public let desiredRetention: Double

    /// Weights must be 17 (FSRS-4.5); anything else falls back to the defaults.
    public init(weights: [Double] = FSRS.defaultWeights, desiredRetention: Double = 0.9) {
        self.weights = weights.count == 17 ? weights : FSRS.defaultWeights
        self.desiredRetention = min(max(desiredRetention, 0.5), 0.99)
    }

    /// Probability of recall `elapsedDays` after the last review.
    public static func retrievability(elapsedDays: Double, stability: Double) -> Double {
        pow(1 + factor * max(0, elapsedDays) / max(stability, minimumStability), decay)
    }

    /// Days until recall probability falls to `desiredRetention`.
    public func intervalDays(stability: Double) -> Double {
        stability / FSRS.factor * (pow(desiredRetention, 1 / FSRS.decay) - 1)
    }

    public func initialStability(_ rating: ReviewRating) -> Double {
        max(weights[rating.rawValue - 1], FSRS.minimumStability)
    }

    public func initialDifficulty(_ rating: ReviewRating) -> Double {
        Self.clampDifficulty(weights[4] - Double(rating.rawValue - 3) * weights[5])
    }

    public func nextDifficulty(_ difficulty: Double, rating: ReviewRating) -> Double {
        let moved = difficulty - weights[6] * Double(rating.rawValue - 3)
        return Self.clampDifficulty(weights[7] * initialDifficulty(.good) + (1 - weights[7]) * moved)
    }

    /// Stability after a successful recall (Hard, Good or Easy).
    public func recallStability(difficulty: Double, stability: Double, retrievability: Double, rating: ReviewRating) -> Double {
        let hard = rating == .hard ? weights[15] : 1
        let easy = rating == .easy ? weights[16] : 1
        let growth = exp(weights[8]) * (11 - difficulty) * pow(stability, -weights[9])
            * (exp(weights[10] * (1 - retrievability)) - 1) * hard * easy
        return stability * (growth + 1)
    }

    /// Stability after a lapse (Again).
    public func forgetStability(difficulty: Double, stability: Double, retrievability: Double) -> Double {
        let value = weights[11] * pow(difficulty, -weights[12]) * (pow(stability + 1, weights[13]) - 1)
            * exp(weights[14] * (1 - retrievability))
        return max(value, FSRS.minimumStability)
    }

    /// The memory state after one review `elapsedDays` after the previous one
    /// (`previous` nil for the first review of a question).
    public func review(_ previous: MemoryState?, rating: ReviewRating, elapsedDays: Double) -> MemoryState {
        guard let previous else {
            return MemoryState(stability: initialStability(rating), difficulty: initialDifficulty(rating), reps: 1, lapses: rating == .again ? 1 : 0)
        }
        let recall = Self.retrievability(elapsedDays: elapsedDays, stability: previous.stability)
        let stability = rating == .again
            ? forgetStability(difficulty: previous.difficulty, stability: previous.stability, retrievability: recall)
            : recallStability(difficulty: previous.difficulty, stability: previous.stability, retrievability: recall, rating: rating)
        return MemoryState(
            stability: stability, difficulty: nextDifficulty(previous.difficulty, rating: rating), reps: previous.reps + 1,
            lapses: previous.lapses + (rating == .again ? 1 : 0))
    }

    /// Whole days until the next review: the interval rounded, at least one day.
    public func scheduledDays(stability: Double) -> Int {
        max(1, Int(intervalDays(stability: stability).rounded()))
    }

    private static func clampDifficulty(_ value: Double) -> Double { min(max(value, 1), 10) }
}

/// What FSRS remembers of one person and one question.
public struct MemoryState: Sendable, Hashable {
    /// Days until recall probability falls to 90 %.
    public var stability: Double
    /// 1 (easy) … 10 (hard).
    public var difficulty: Double
    public var reps: Int
    public var lapses: Int

    public init(stability: Double, difficulty: Double, reps: Int, lapses: Int) {
        self.stability = stability
        self.difficulty = difficulty
        self.reps = reps
        self.lapses = lapses
    }
}
