import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore

/// How a make-up exam's result merges with the main exam's, as an option.
enum MakeupRuleOption: String, ExpressibleByArgument, CaseIterable {
    case higher
    case replace

    var rule: MakeupRule { self == .higher ? .higher : .replace }
}

/// Options shared by the administration commands.
struct ReportOptions: ParsableArguments {
    @Argument(help: "考试编号（见 lawquiz exam list）。")
    var exam: String

    @Option(name: .customLong("makeup-rule"), help: "补考合并方式：higher（取较高分，默认）或 replace（有补考成绩时以补考为准）。")
    var makeupRule: MakeupRuleOption = .higher
}

/// What every administration command needs: the exam, its make-ups, the
/// read-only store and the laws. Unknown exams fail before the store is touched.
struct ReportContext {
    let paths: PathChoice
    /// The statutes; nil for reports that name no law (`stats`, `stats --by
    /// department`, `absent`), which then start without parsing them.
    let library: LawLibrary?
    let loader: ExamReportLoader
    /// The moment the report describes: attempts whose deadline passed before
    /// it count as submitted at their deadline (one instant for every part).
    let now = Date()

    init(paths: PathOptions, options: ReportOptions, laws: Bool = true) throws {
        try self.init(paths: paths.choice, exam: options.exam, makeupRule: options.makeupRule.rule, laws: laws)
    }

    init(paths: PathChoice, exam id: String, makeupRule: MakeupRule, laws: Bool) throws {
        self.paths = paths
        let catalog: ExamCatalog
        (library, catalog) = try paths.loadReportExams(laws: laws)
        let exam = try catalog.definition(id)
        let reader = try paths.openReports()
        loader = try ExamReportLoader(reader: reader, exam: exam, catalog: catalog, makeupRule: makeupRule)
    }

    /// Study progress by department for the HTML report (people on the
    /// roster; nil when nobody has practised or the store predates it).
    func departmentMastery(questions: Int) throws -> DepartmentMastery? {
        guard let mastered = try loader.reader.masteredCountsByStaff(at: now), !mastered.isEmpty else { return nil }
        let people = try loader.reader.roster().filter(\.active)
        let departments = Dictionary(people.map { ($0.staffID, $0.department.components.joined(separator: "/")) }, uniquingKeysWith: { first, _ in first })
        return DepartmentMastery(departments: departments, mastered: mastered, totalQuestions: questions)
    }

    var lawNames: [String: String] {
        Dictionary((library?.laws ?? []).map { ($0.id, $0.shortName) }, uniquingKeysWith: { first, _ in first })
    }

    /// `stats` and `stats --by department`: figures aggregated by the store,
    /// no per-person rows.
    func summaryReport() throws -> ExamReport {
        let counts = try loader.aggregate(overdue: loader.overdue(now: now))
        let header = loader.header(now: now)
        return ExamReport(
            header: header, summary: counts.summary(fullMarks: header.fullMarks), departments: counts.rollup,
            outcomes: ExamOutcomes(people: [], departments: []), lawNames: lawNames)
    }

    /// `absent`: the 应考 and 未参考 counts and the absent people only; no
    /// department tree, which it never prints (rolling a few hundred
    /// departments up was 3% of its time at 15,000 attempts).
    func absentReport() throws -> ExamReport {
        let (people, counts) = try loader.absent(overdue: loader.overdue(now: now))
        let header = loader.header(now: now)
        return ExamReport(
            header: header, summary: counts.summary(fullMarks: header.fullMarks), departments: DepartmentRollup(counts: [:]),
            outcomes: people, lawNames: lawNames)
    }

    /// The report, with the item analysis and accuracy when `analyse` is set.
    func report(analyse: Bool, thresholds: ItemFlagThresholds = ItemFlagThresholds()) throws -> ExamReport {
        let outcomes = try loader.outcomes(now: now)
        let header = loader.header(now: now)
        guard analyse else { return ExamReport(header: header, outcomes: outcomes, lawNames: lawNames) }
        var papers = loader.countedPapers()
        for outcome in outcomes.people { papers.add(outcome) }
        return try analysed(ExamReport(header: header, outcomes: outcomes, lawNames: lawNames), papers: papers, thresholds: thresholds)
    }

    /// `items`: the heading and the item analysis only. The counted papers
    /// come without the per-person outcome table
    /// (`ExamReportLoader.countedPapers(overdue:)`), and the questions'
    /// articles are looked up in the banks' catalog meanwhile, on a second thread.
    func itemReport(thresholds: ItemFlagThresholds) throws -> ExamReport {
        let (papers, articles) = try concurrently({ try loader.countedPapers(overdue: loader.overdue(now: now)) }, { try articleLookup() })
        let report = ExamReport(header: loader.header(now: now), outcomes: ExamOutcomes(people: [], departments: []), lawNames: lawNames)
        return try analysed(report, papers: papers, thresholds: thresholds, articles: articles)
    }

    /// `export json`: the figures aggregated by the store and the item analysis
    /// over the counted papers gathered in one pass of the streamed outcomes;
    /// no outcome table (the exporter streams the people again).
    func streamedReport(overdue: OverdueAttempts) throws -> (report: ExamReport, papers: CountedPapers) {
        let counts = try loader.aggregate(overdue: overdue)
        let header = loader.header(now: now)
        var papers = loader.countedPapers()
        try loader.forEachOutcome(overdue: overdue) { papers.add($0) }
        let report = ExamReport(
            header: header, summary: counts.summary(fullMarks: header.fullMarks), departments: counts.rollup,
            outcomes: ExamOutcomes(people: [], departments: []), lawNames: lawNames)
        return (try analysed(report, papers: papers), papers)
    }

    /// The report with the item analysis and accuracy by law and type of `papers`.
    private func analysed(
        _ report: ExamReport, papers: CountedPapers, thresholds: ItemFlagThresholds = ItemFlagThresholds(), articles: [String: [Int]]? = nil
    ) throws -> ExamReport {
        let articles = try articles ?? articleLookup()
        let progress = ProgressLine("分析作答")
        progress.showElapsed()
        defer { progress.finish() }
        let (items, accuracy) = try loader.analyse(
            papers, thresholds: thresholds, article: { articles[$0]?.first }, furtherArticles: { Array(articles[$0]?.dropFirst() ?? []) })
        var report = report
        let names = report.lawNames
        report.items = items
        report.byLaw = accuracy.laws(order: (library?.laws ?? []).map(\.id)) { names[$0] ?? $0 }
        report.byType = accuracy.types()
        return report
    }

    /// Question id → every cited article, from the banks (a question removed since keeps "?").
    private func articleLookup() throws -> [String: [Int]] {
        guard let catalog = try? paths.loadCatalog() else { return [:] }
        return Dictionary(catalog.questions.map { ($0.id, $0.citations.map(\.article)) }, uniquingKeysWith: { first, _ in first })
    }
}
