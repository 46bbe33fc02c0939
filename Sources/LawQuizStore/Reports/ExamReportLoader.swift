import Foundation
import LawQuizCore

/// Builds the administration reports of one exam from the read-only store:
/// the roster joined with each person's counted attempt (make-ups merged),
/// and — when asked — the item analysis and accuracy from one scan of the
/// stored papers and answers.
public struct ExamReportLoader: Sendable {
    public let reader: ReportReader
    public let exam: ExamDefinition
    /// Definitions whose `makeup_of` names this exam.
    public let makeups: [ExamDefinition]
    public let makeupRule: MakeupRule

    public init(reader: ReportReader, exam: ExamDefinition, catalog: ExamCatalog, makeupRule: MakeupRule = .higher) throws {
        guard exam.formal else { throw ReportError.notFormal(examID: exam.id) }
        self.reader = reader
        self.exam = exam
        self.makeups = catalog.definitions.filter { $0.makeupOf == exam.id }
        self.makeupRule = makeupRule
    }

    public var policy: RequirementPolicy {
        RequirementPolicy(
            departments: exam.requiredDepartments.map(DepartmentPath.init(parsing:)),
            exemptions: Dictionary(exam.exemptions.map { ($0.staffID, $0.reason) }, uniquingKeysWith: { first, _ in first }))
    }

    public func header(now: Date) -> ExamReportHeader {
        ExamReportHeader(
            examID: exam.id, title: exam.title, fullMarks: exam.fullMarks, passMark: exam.passMark, excellentMark: exam.excellentMark,
            counting: exam.counting, makeupExamIDs: makeups.map(\.id), makeupRule: makeupRule,
            requiredDepartments: exam.requiredDepartments, exemptions: exam.exemptions.count, generatedAt: now)
    }

    /// Everyone's outcome; throws when nobody is required (or no roster exists).
    public func outcomes() throws -> ExamOutcomes {
        let roster = try reader.roster()
        let attempts = try reader.submittedAttempts(main: exam.id, makeups: makeups.map(\.id))
        let selector = AttemptSelector(counting: exam.counting, makeupCounting: makeups.first?.counting ?? .highest, makeupRule: makeupRule)
        let outcomes = ExamOutcomes.build(roster: roster, attempts: attempts, policy: policy, selector: selector)
        try ReportError.checkRequired(outcomes, examID: exam.id)
        return outcomes
    }

    /// Item analysis and accuracy by law and type over the counted attempts of
    /// required people. `progress(done, expected)` is called every 100,000 items.
    public func analyse(
        _ outcomes: ExamOutcomes, thresholds: ItemFlagThresholds = ItemFlagThresholds(), article: (String) -> Int? = { _ in nil },
        progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> (items: ItemAnalysis, accuracy: AccuracyAccumulator) {
        let partial = Dictionary(([exam] + makeups).map { ($0.id, $0.multipleScoring == .partial) }, uniquingKeysWith: { a, _ in a })
        var ids: [Int64] = [], scores: [Double] = [], partialScoring: [Bool] = []
        for outcome in outcomes.people where outcome.isRequired {
            guard let counted = outcome.counted else { continue }
            ids.append(counted.attempt.id)
            scores.append(counted.attempt.score)
            partialScoring.append(partial[counted.attempt.examID] ?? false)
        }
        let lookup = AttemptLookup(ids)
        var items = ItemAnalysisAccumulator()
        for score in scores { items.addAttempt(total: score) }
        var accuracy = AccuracyAccumulator()
        let perPaper = ([exam] + makeups).map(\.questionCount).max() ?? 0
        let expected = ids.count * perPaper
        var done = 0
        try reader.scanItems(of: lookup, itemsPerPaper: perPaper) { item in
            guard let position = lookup.position(of: item.attemptID) else { return }
            let mark = OptionBits.mark(
                given: item.given, key: item.key, type: item.type, points: item.points, partial: partialScoring[position])
            items.addItem(
                questionID: item.questionID, lawID: item.lawID, type: item.type, position: item.itemIndex, key: item.key,
                given: item.given, mark: mark, maxMark: item.points, attemptTotal: scores[position])
            accuracy.add(lawID: item.lawID, type: item.type, earned: mark, possible: item.points, answered: !item.given.isEmpty)
            done += 1
            if done % 100_000 == 0 { progress(done, expected) }
        }
        progress(done, expected)
        return (items.result(thresholds: thresholds, article: article), accuracy)
    }
}
