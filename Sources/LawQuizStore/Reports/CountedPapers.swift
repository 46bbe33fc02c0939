import Foundation
import LawQuizCore

/// The counted attempts of required people, as the item analysis reads them:
/// id, total and whether 多选题 earn half for a correct subset. Gathered from
/// an outcome table or from streamed outcomes, so `export json` can analyse
/// without holding everyone's outcome.
public struct CountedPapers: Sendable {
    /// Exam id → partial scoring (`multiple_scoring: partial`).
    let partial: [String: Bool]
    public private(set) var ids: [Int64] = []
    var scores: [Double] = []
    var partialScoring: [Bool] = []

    init(exams: [ExamDefinition]) {
        partial = Dictionary(exams.map { ($0.id, $0.multipleScoring == .partial) }, uniquingKeysWith: { a, _ in a })
    }

    /// Adds the person's counted attempt when the person is required.
    public mutating func add(_ outcome: PersonOutcome) {
        guard outcome.isRequired, let counted = outcome.counted else { return }
        ids.append(counted.attempt.id)
        scores.append(counted.attempt.score)
        partialScoring.append(partial[counted.attempt.examID] ?? false)
    }
}
