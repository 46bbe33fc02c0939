import Foundation
import LawQuizCore

/// A synthetic learner whose memory of each question follows a known
/// forgetting curve, unlike FSRS's own: recall probability after t days is
/// p = 0.9^(t/s), s being the question's true stability (days until 90 %).
/// - The first answer shows the right answer and 解析, so afterwards s = s₀,
///   the question's own ease, drawn log-normally around one day (×/÷ e^0.6).
/// - A recalled question strengthens more the closer it was to being
///   forgotten (the spacing effect): s ← s·(1.5 + 8·(1 − p)).
/// - A forgotten one is re-learned from the feedback: s ← max(s₀, 0.4·s).
/// Before the first answer a question is answered right by guessing only
/// (one chance in four).
struct SyntheticLearner {
    static let guessRate = 0.25

    private(set) var initial: [Double]
    private(set) var stability: [Double?]
    private(set) var lastSeen: [Double]
    private var random: SeededGenerator

    init(questions: Int, seed: UInt64) {
        random = SeededGenerator(seed: seed)
        initial = Array(repeating: 1, count: questions)
        stability = Array(repeating: nil, count: questions)
        lastSeen = Array(repeating: 0, count: questions)
        for index in 0..<questions { initial[index] = exp(0.6 * normal()) }
    }

    /// True probability of recall of `question` at `day`.
    func recall(_ question: Int, at day: Double) -> Double {
        guard let s = stability[question] else { return Self.guessRate }
        return pow(0.9, (day - lastSeen[question]) / s)
    }

    /// Answers at `day`: right with the true recall probability; memory moves as described above.
    mutating func answer(_ question: Int, at day: Double) -> Bool {
        let p = recall(question, at: day)
        let right = uniform() < p
        if let s = stability[question] {
            stability[question] = right ? s * (1.5 + 8 * (1 - p)) : max(initial[question], 0.4 * s)
        } else {
            stability[question] = initial[question]
        }
        lastSeen[question] = day
        return right
    }

    /// Questions recalled with probability ≥ 0.9 at `day`.
    func mastered(at day: Double) -> Int {
        (0..<stability.count).filter { stability[$0] != nil && recall($0, at: day) >= 0.9 }.count
    }

    private mutating func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }

    /// A standard normal draw (Box–Muller).
    private mutating func normal() -> Double {
        let u = max(uniform(), 1e-12)
        return sqrt(-2 * log(u)) * cos(2 * Double.pi * uniform())
    }
}
