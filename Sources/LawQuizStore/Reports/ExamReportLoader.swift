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
            requiredDepartments: exam.requiredDepartments, exemptions: exam.exemptions.count, generatedAt: now,
            auditHead: try? reader.auditHead())
    }

    /// Unfinished attempts past their deadline at `now`, graded as they will be recorded.
    public func overdue(now: Date) throws -> OverdueAttempts {
        try reader.overdueAttempts(main: exam, makeups: makeups, now: now)
    }

    /// Everyone's outcome at `now` (overdue attempts count as submitted at
    /// their deadline); throws when nobody is required (or no roster exists).
    public func outcomes(now: Date = Date()) throws -> ExamOutcomes {
        try outcomes(overdue: overdue(now: now))
    }

    /// Everyone's outcome with the overdue attempts already read: the counted
    /// attempt per person is chosen by the store (`ReportQueries.picks`).
    public func outcomes(overdue: OverdueAttempts) throws -> ExamOutcomes {
        let roster = try reader.roster()
        let outcomes = ExamOutcomes.build(roster: roster, counted: try reader.countedAttempts(scope(overdue: overdue)), policy: policy)
        try ReportError.checkRequired(outcomes, examID: exam.id)
        return outcomes
    }

    /// Streams everyone's outcome in the order of `outcomes(overdue:)` without
    /// holding them (`ReportReader.forEachOutcome`), for exports that print a
    /// row per person. Returns the whole organisation's counts; throws as
    /// `outcomes` does when nobody is required, after the rows.
    /// `byDepartment` false: in 工号 order alone (the CSV export groups the
    /// departments itself, `CSVExporter.write(outcomes:expected:byDepartment:to:progress:)`).
    @discardableResult
    public func forEachOutcome(
        overdue: OverdueAttempts, byDepartment: Bool = true, _ body: (PersonOutcome) throws -> Void
    ) throws -> DepartmentCounts {
        var total = DepartmentCounts()
        var anyone = false
        try reader.forEachOutcome(scope(overdue: overdue), byDepartment: byDepartment) { outcome in
            anyone = true
            total.add(outcome)
            try body(outcome)
        }
        try ReportError.checkRequired(counts: anyone ? [.organisation: total] : [:], examID: exam.id)
        return total
    }

    public var selector: AttemptSelector {
        AttemptSelector(counting: exam.counting, makeupCounting: makeups.first?.counting ?? .highest, makeupRule: makeupRule)
    }

    /// The attempts and people the report covers, for the store's queries.
    public func scope(overdue: OverdueAttempts) -> ReportScope {
        ReportScope(mainExamID: exam.id, makeupExamIDs: makeups.map(\.id), selector: selector, policy: policy, overdue: overdue)
    }

    /// The figures of `stats` and `stats --by department`, aggregated by the
    /// store without reading a row per person; throws when nobody is required.
    public func aggregate(overdue: OverdueAttempts) throws -> AggregatedCounts {
        let counts = try reader.aggregate(scope(overdue: overdue))
        try ReportError.checkRequired(counts: counts.counts, examID: exam.id)
        return counts
    }

    /// 未参考 people only, with the 应考 counts (for `absent`: the sitters'
    /// 工号 from one index range, then one pass of the roster looking each
    /// person up in them; no counted attempt chosen).
    public func absent(overdue: OverdueAttempts) throws -> (people: ExamOutcomes, counts: AggregatedCounts) {
        let (people, counts) = try reader.absentees(scope(overdue: overdue))
        try ReportError.checkRequired(counts: counts.counts, examID: exam.id)
        return (people, counts)
    }

    /// Item analysis and accuracy by law and type over the counted attempts of
    /// required people. `progress(done, expected)` is called every 100,000 items.
    /// `grouped`: whether the store groups the items (`ReportReader.itemGroups`)
    /// or they are read one by one (`scanItems`); nil chooses by engine
    /// (`ReportReader.groupsItems`); `sheets`: whether a scan reads the answer
    /// sheets or the rows (tests compare). All give the same analysis.
    public func analyse(
        _ outcomes: ExamOutcomes, thresholds: ItemFlagThresholds = ItemFlagThresholds(), article: (String) -> Int? = { _ in nil },
        furtherArticles: (String) -> [Int] = { _ in [] },
        partitions: Int = ExamReportLoader.partitions, grouped: Bool? = nil, sheets: Bool = true, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> (items: ItemAnalysis, accuracy: AccuracyAccumulator) {
        var papers = countedPapers()
        for outcome in outcomes.people { papers.add(outcome) }
        return try analyse(
            papers, thresholds: thresholds, article: article, furtherArticles: furtherArticles, partitions: partitions, grouped: grouped,
            sheets: sheets, progress: progress)
    }

    /// The counted papers of the required people, for the item analysis
    /// alone (`items`): the people of `outcomes(overdue:)` in roster order,
    /// never held as outcomes nor ordered by department (the analysis does
    /// not depend on their order; at 150,000 attempts that sort and copy were
    /// a sixth of the command's CPU time, all before the scan could start).
    /// The counted attempts come from `ReportReader.countedAttempts(_:splits:)`,
    /// in parallel 工号 ranges. Throws as `outcomes` does when nobody is required.
    public func countedPapers(overdue: OverdueAttempts, partitions: Int = ExamReportLoader.partitions) throws -> CountedPapers {
        let roster = try reader.roster()
        let counted = try reader.countedAttempts(scope(overdue: overdue), splits: Self.splits(roster, parts: partitions))
        let policy = policy
        var papers = countedPapers()
        var total = DepartmentCounts()
        for person in roster {
            let outcome = PersonOutcome(person: person, status: policy.status(of: person), counted: counted[person.staffID])
            total.add(outcome)
            papers.add(outcome)
        }
        try ReportError.checkRequired(counts: roster.isEmpty ? [:] : [.organisation: total], examID: exam.id)
        return papers
    }

    /// 工号 cutting the roster into `parts` ranges of about equal size, from
    /// a sample of about 1,000 in byte order (as the store compares them);
    /// none for a roster too small to be worth a second connection.
    static func splits(_ roster: [ReportPerson], parts: Int) -> [String] {
        guard parts > 1, roster.count >= 4_000 else { return [] }
        let sample = stride(from: 0, to: roster.count, by: roster.count / 1_000).map { roster[$0].staffID }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (1..<parts).map { sample[$0 * sample.count / parts] }
    }

    /// An empty collection of counted papers for `analyse(_:)`.
    public func countedPapers() -> CountedPapers { CountedPapers(exams: [exam] + makeups) }

    /// Item analysis and accuracy over counted papers gathered beforehand (as `analyse(_ outcomes:)`).
    public func analyse(
        _ papers: CountedPapers, thresholds: ItemFlagThresholds = ItemFlagThresholds(), article: (String) -> Int? = { _ in nil },
        furtherArticles: (String) -> [Int] = { _ in [] },
        partitions: Int = ExamReportLoader.partitions, grouped: Bool? = nil, sheets: Bool = true, progress: (Int, Int) -> Void = { _, _ in }
    ) throws -> (items: ItemAnalysis, accuracy: AccuracyAccumulator) {
        let exams = [exam] + makeups
        let (ids, scores, partialScoring) = (papers.ids, papers.scores, papers.partialScoring)
        let grid = Self.grid(exams)
        var items = ItemAnalysisAccumulator(grid: grid)
        for score in scores { items.addAttempt(total: score) }
        let done: Int
        if grouped ?? reader.groupsItems {
            done = try addGroups(ids: ids, scores: scores, partialScoring: partialScoring, to: &items)
        } else {
            let perPaper = exams.map(\.questionCount).max() ?? 0
            let sinks = (0..<max(1, partitions)).map { _ in
                AnalysisSink(items: ItemAnalysisAccumulator(grid: grid), scores: scores, partialScoring: partialScoring)
            }
            try reader.scanItems(of: AttemptLookup(ids), itemsPerPaper: perPaper, partitions: sinks.count, sheets: sheets) { sinks[$0] }
            for sink in sinks {
                sink.flush()
                items.merge(sink.items)
            }
            done = sinks.reduce(0) { $0 + $1.count }
        }
        progress(done, done)
        return (items.result(thresholds: thresholds, article: article, furtherArticles: furtherArticles), items.accuracy())
    }

    /// Adds the items as the store groups them. Attempts with the same total
    /// and scoring share a class: the store groups by class, and each group's
    /// mark and rest of the paper follow from its class, key and answer.
    /// Returns the number of items.
    private func addGroups(ids: [Int64], scores: [Double], partialScoring: [Bool], to items: inout ItemAnalysisAccumulator) throws -> Int {
        struct Class: Hashable {
            var total: UInt64
            var partial: Bool
        }
        var classes: [Class: Int] = [:]
        var totals: [Double] = [], partial: [Bool] = []
        var attempts: [GroupedAttempt] = []
        attempts.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() {
            let key = Class(total: scores[position].bitPattern, partial: partialScoring[position])
            let scoreClass = classes[key] ?? {
                classes[key] = totals.count
                totals.append(scores[position])
                partial.append(partialScoring[position])
                return totals.count - 1
            }()
            attempts.append(GroupedAttempt(id: id, scoreClass: scoreClass, partialScoring: partialScoring[position]))
        }
        var count = 0
        try reader.itemGroups(
            of: attempts,
            question: { items.defineQuestion(index: $0.index, id: $0.id, lawID: $0.lawID, type: $0.type, key: $0.key) },
            items: { group in
                let mark = OptionBits.mark(
                    given: group.given, key: group.key, type: group.type, points: group.points, partial: partial[group.scoreClass])
                items.addItems(
                    question: group.question, given: group.given, mark: mark, maxMark: group.points, attemptTotal: totals[group.scoreClass],
                    count: group.count)
                count += group.count
            },
            positions: { group in
                let mark = OptionBits.mark(
                    given: group.given, key: group.key, type: group.type, points: group.points, partial: group.partialScoring)
                items.addMarks(position: group.itemIndex, mark: mark, count: group.count)
            })
        return count
    }

    /// Threads for the item scan: the machine's cores, at most 4
    /// (LAWQUIZ_SCAN_THREADS overrides, for benchmarks).
    public static var partitions: Int {
        if let forced = ProcessInfo.processInfo.environment["LAWQUIZ_SCAN_THREADS"].flatMap(Int.init), forced > 0 { return min(forced, 8) }
        return max(1, min(4, ProcessInfo.processInfo.activeProcessorCount))
    }

    /// The step all marks fall on: the greatest common divisor of the section
    /// points in hundredths (halved under partial scoring), and the full marks.
    static func grid(_ exams: [ExamDefinition]) -> ItemAnalysisAccumulator.ScoreGrid? {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        var step = 0
        for exam in exams {
            for section in exam.sections {
                let centi = Int((section.points * 100).rounded())
                step = gcd(step, centi)
                if exam.multipleScoring == .partial, section.type == .multiple { step = gcd(step, centi / 2) }
            }
        }
        guard step > 0, let maximum = exams.map(\.fullMarks).max() else { return nil }
        return ItemAnalysisAccumulator.ScoreGrid(step: Double(step) / 100, maximum: maximum)
    }
}
