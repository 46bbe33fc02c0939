import ArgumentParser
import Foundation
import LawQuizCore
import LawQuizStore

/// `lawquiz export <exam> --format csv|json|xlsx|html --output FILE`.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "导出考试结果：CSV、JSON、Excel（xlsx）或 HTML 报告。",
        discussion: """
            csv：UTF-8（带 BOM，Excel 可直接打开），每位应考人员一行：工号, 姓名, 部门, 是否参考, 得分, 是否合格, 是否优秀, 用时, 提交时间,
                 作答次数, 计分方式, 计入作答编号。以 = + - @ 制表符或回车开头的文字前加 ' ，防止被当作公式执行。
            json：汇总、部门统计、试题分析、每人计入成绩，以及每份已提交作答的试卷（题目编号、选项顺序、随机种子）和每题作答
                 （题库原字母的作答与标准答案、得分），可据此独立复核评分。
            xlsx：工作表 汇总（含满分、合格与优秀分数线数值）、成绩明细、部门统计、未参考名单、试题分析、不计入人员（参加了作答但不计入统计的人及原因）、
                 全部作答（每次作答，含未计入与未完成，注明是否计入及原因）、作答明细（加 --responses 时：每份计入作答的每题一行：作答、标准答案、得分；超过 1048576 行时续写 作答明细2…）；
                 数字为数值，比率按显示的一位小数百分比存储。
            html：单个自包含文件（无外部资源）：汇总、分数分布与各部门参考率图（内嵌 SVG）及各统计表，适合打印。
            先写入临时文件再改名，失败时不会留下不完整的文件；输出文件已存在时须加 --force 才覆盖。本命令只读数据库。
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json, xlsx, html }

    @OptionGroup var report: ReportOptions

    @Option(help: "导出格式：csv、json、xlsx 或 html。")
    var format: Format

    @Option(name: [.short, .long], help: "输出文件路径。")
    var output: String

    @Flag(help: "输出文件已存在时覆盖。")
    var force = false

    @Flag(help: "xlsx：加入“作答明细”工作表（每份计入作答的每题一行：作答、标准答案、得分）。每份试卷几十行，人数多时导出明显变慢。")
    var responses = false

    @OptionGroup var paths: PathOptions

    func run() throws {
        try Deployment.current.requireAdministrator("export")
        let target = OutputFile.target(output, force: force)
        let destination = target.destination
        try target.checkDestination()
        // The CSV names no law: it starts without parsing the statutes (as `stats` does).
        let context = try ReportContext(paths: paths, options: report, laws: format != .csv)
        let timeFormat = ReportTimeFormat(timeZone: .current)
        let progress = ProgressLine("导出 \(format.rawValue)")
        defer { progress.finish() }
        let people: (required: Int, sat: Int)
        if format == .csv {
            // Rows streamed from the store in 工号 order, grouped by department as they are written: no outcome table is built.
            let overdue = try context.loader.overdue(now: context.now)
            var counts = DepartmentCounts()
            try target.write { writer in
                try CSVExporter(timeFormat: timeFormat).write(
                    outcomes: { counts = try context.loader.forEachOutcome(overdue: overdue, byDepartment: false, $0) }, expected: 0,
                    byDepartment: false, to: writer,
                    progress: { done, _ in progress.draw(item: "\(done) 人") })
            }
            people = (counts.required, counts.sat)
        } else if format == .json {
            let summary = try writeJSON(context: context, target: target, progress: progress)
            people = (summary.required, summary.sat)
        } else {
            let data = try context.report(analyse: true)
            switch format {
            case .csv, .json:
                break
            case .xlsx:
                let attempts = try ExportedAttempts(context: context)
                let detail = XLSXAttemptDetail(
                    listings: try attempts.listings(), attempts: responses ? { try attempts.forEach($0) } : nil,
                    partialScoring: attempts.partialScoring)
                try target.produce { try XLSXExporter(timeZone: .current).write(data, detail: detail, to: $0, progress: progress.update) }
            case .html:
                let mastery = try context.departmentMastery(questions: try paths.loadCatalog().questions.count)
                try target.write { try HTMLExporter(timeFormat: timeFormat, mastery: mastery).write(data, to: $0) }
            }
            people = (data.summary.required, data.summary.sat)
        }
        progress.finish()
        Console.error("已导出 \(destination.path)（应考 \(people.required) 人，参考 \(people.sat) 人）。"
            + (context.loader.header(now: context.now).auditHead.map { "校验码：\($0)" } ?? ""))
    }

    /// The summary and item analysis first (counts and the analysis only),
    /// then the people and attempts streamed from the store: memory flat in
    /// the number of attempts.
    private func writeJSON(context: ReportContext, target: AtomicOutput, progress: ProgressLine) throws -> ParticipationSummary {
        let attempts = try ExportedAttempts(context: context)
        let (data, papers) = try context.streamedReport(overdue: attempts.overdue)
        let total = try attempts.count()
        let exporter = JSONExporter(partialScoring: attempts.partialScoring)
        let overdue = attempts.overdue
        try target.write { writer in
            try exporter.write(
                data, people: { try context.loader.forEachOutcome(overdue: overdue, $0) }, counted: Set(papers.ids),
                attempts: { try attempts.forEach($0) }, to: writer, progress: { progress.update($0, total) })
        }
        return data.summary
    }
}

/// The submitted and overdue attempts of the exam and its make-ups, with
/// their papers, as the JSON export and the workbook's detail sheets stream them.
private struct ExportedAttempts {
    let context: ReportContext
    let ids: [String]
    let overdue: OverdueAttempts
    let perPaper: Int
    let partialScoring: [String: Bool]

    init(context: ReportContext) throws {
        let loader = context.loader
        let exams = [loader.exam] + loader.makeups
        self.context = context
        ids = exams.map(\.id)
        overdue = try loader.overdue(now: context.now)
        perPaper = exams.map(\.questionCount).max() ?? 0
        partialScoring = Dictionary(exams.map { ($0.id, $0.multipleScoring == .partial) }, uniquingKeysWith: { a, _ in a })
    }

    func count() throws -> Int { try context.loader.reader.submittedAttemptCount(examIDs: ids) + overdue.attempts.count }

    func listings() throws -> [AttemptListing] { try context.loader.reader.attemptListings(examIDs: ids, overdue: overdue) }

    func forEach(_ body: (AttemptDetail) throws -> Void) throws {
        try context.loader.reader.forEachSubmittedAttempt(examIDs: ids, itemsPerPaper: perPaper, overdue: overdue, body)
    }
}
