import Foundation
import GRDB
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// The store's aggregation (window functions, GROUP BY, anti-join) against
/// the same rules applied in Swift to every attempt, on random stores with
/// retakes, ties, make-ups, exemptions, department scopes, people who left,
/// unknown 工号, practice attempts and overdue attempts.
final class ReportAggregationTests: StoreTestCase {
    static let departments = ["甲", "甲/一科", "甲 / 一科", "甲/二科", "乙", "乙/三科", "丙"]
    let now = Date(timeIntervalSince1970: 1_700_000_000 + 5 * 86_400)

    func testStoreAggregatesAgreeWithTheRulesAppliedInSwift() throws {
        for seed in UInt64(1)...6 {
            resetStore()
            var random = SeededGenerator(seed: seed)
            let exempt = try populate(&random)
            let reader = try openReports()
            for counting in AttemptCounting.allCases {
                for makeupCounting in [AttemptCounting.highest, .last] {
                    for rule in MakeupRule.allCases {
                        for scope in [[], ["甲"], ["乙/三科", "丙"]] {
                            try compare(
                                reader, exempt: exempt, counting: counting, makeupCounting: makeupCounting, rule: rule, scope: scope,
                                context: "seed \(seed) \(counting) \(makeupCounting) \(rule) \(scope)")
                        }
                    }
                }
                // No make-up exam: one side per person, the partition the v6 index serves without a sort;
                // and with no overdue attempt either, the counted attempt picked per roster person.
                for scope in [[], ["甲"], ["乙/三科", "丙"]] {
                    for overdue in [true, false] {
                        try compare(
                            reader, exempt: exempt, counting: counting, makeupCounting: .highest, rule: .higher, scope: scope, makeups: [],
                            overdue: overdue, context: "seed \(seed) \(counting) no make-up \(scope) overdue \(overdue)")
                    }
                }
            }
        }
    }

    /// The export's stream orders by the department text itself when the
    /// texts' byte order is the tree order, and by tree ranks otherwise
    /// (`甲 / 一科` spells `甲/一科`): both give the rows of the rules in Swift.
    func testOutcomeStreamOrdersByTextOrByTreeRanks() throws {
        for seed in UInt64(7)...9 {
            resetStore()
            var random = SeededGenerator(seed: seed)
            let exempt = try populate(&random)
            for respelled in [false, true] {
                if respelled {
                    try openStore().write { db in _ = try db.execute("UPDATE staff SET department = '甲/一科' WHERE department = '甲 / 一科'") }
                }
                let reader = try openReports()
                let ranks = try reader.read { try ReportReader.departmentRanks($0) }
                XCTAssertEqual(ranks == nil, respelled, "seed \(seed)")
                for counting in AttemptCounting.allCases {
                    for scope in [[], ["甲"]] {
                        try compare(
                            reader, exempt: exempt, counting: counting, makeupCounting: .last, rule: .higher, scope: scope,
                            context: "seed \(seed) respelled \(respelled) \(counting) \(scope)")
                    }
                }
            }
        }
    }

    /// Start and submission times stored in shapes `StoredTimestamp` does not
    /// read (no milliseconds, a zone, a Julian day number): the SQLite merge
    /// of the CSV export converts them through SQLite as the joined statement does.
    func testStoredTimesInOtherShapesAreConvertedBySQLite() throws {
        forceSQLite = true  // SQLite's stored text (the PostgreSQL store keeps timestamps)
        var random = SeededGenerator(seed: 12)
        _ = try populate(&random)
        try openStore().write { db in
            _ = try db.execute("UPDATE attempt SET started_at = substr(started_at, 1, 19) WHERE id % 3 = 0")
            _ = try db.execute("UPDATE attempt SET submitted_at = replace(submitted_at, ' ', 'T') || '+08:00' WHERE id % 3 = 1")
            _ = try db.execute("UPDATE attempt SET submitted_at = julianday(submitted_at) WHERE id % 5 = 2")
        }
        let main = ExamDefinition(
            id: "main", title: "正考", sections: [ExamSection(lawID: nil, type: .single, count: 5, points: 20)], timeLimitMinutes: 30,
            attemptsAllowed: 5)
        let loader = try ExamReportLoader(reader: try openReports(), exam: main, catalog: ExamCatalog(definitions: [main]))
        var joined: [PersonOutcome] = [], merged: [PersonOutcome] = []
        try loader.forEachOutcome(overdue: OverdueAttempts()) { joined.append($0) }
        try loader.forEachOutcome(overdue: OverdueAttempts(), byDepartment: false) { merged.append($0) }
        XCTAssertEqual(
            Self.unkeyed(merged), Self.unkeyed(joined).sorted { $0.person.staffID.utf8.lexicographicallyPrecedes($1.person.staffID.utf8) })
        XCTAssertGreaterThan(joined.compactMap(\.counted).count, 10)
    }

    private static func unkeyed(_ people: [PersonOutcome]) -> [PersonOutcome] {
        people.map { outcome in
            var outcome = outcome
            outcome.person.departmentKey = -1
            return outcome
        }
    }

    private func compare(
        _ reader: ReportReader, exempt: [String], counting: AttemptCounting, makeupCounting: AttemptCounting, rule: MakeupRule,
        scope: [String], makeups makeupIDs: [String] = ["mk1", "mk2"], overdue withOverdue: Bool = true, context: String
    ) throws {
        let section = ExamSection(lawID: nil, type: .single, count: 5, points: 20)
        let main = ExamDefinition(
            id: "main", title: "正考", sections: [section], timeLimitMinutes: 30, attemptsAllowed: 5, counting: counting,
            requiredDepartments: scope, exemptions: exempt.map { ExamExemption(staffID: $0, reason: "借调") })
        let makeups = makeupIDs.map {
            ExamDefinition(id: $0, title: "补考", sections: [section], timeLimitMinutes: 30, counting: makeupCounting, makeupOf: "main")
        }
        let catalog = ExamCatalog(definitions: [main] + makeups)
        let loader = try ExamReportLoader(reader: reader, exam: main, catalog: catalog, makeupRule: rule)
        let overdue = withOverdue ? try loader.overdue(now: now) : OverdueAttempts()
        if !withOverdue { XCTAssertTrue(ReportQueries(scope: loader.scope(overdue: overdue)).picksPerPerson == makeupIDs.isEmpty, context) }
        // The rules in Swift over every attempt read one by one.
        let attempts = try reader.submittedAttempts(main: "main", makeups: makeupIDs) + overdue.list
        let expected = ExamOutcomes.build(roster: try reader.roster(), attempts: attempts, policy: loader.policy, selector: loader.selector)

        let outcomes = try loader.outcomes(overdue: overdue)
        XCTAssertEqual(outcomes.people, expected.people, context)
        // `items`: the ordered pass in 工号 ranges on parallel connections (SQLite only), wherever the cuts fall, and the papers in roster order.
        let scope = loader.scope(overdue: overdue)
        let staffIDs = outcomes.people.map(\.person.staffID).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for splits in reader.engine is SQLiteReadEngine ? [[staffIDs[staffIDs.count / 3]], [staffIDs[staffIDs.count / 4], staffIDs[staffIDs.count / 2], "~"], ["", "0"]] : [] {
            let ranges = try reader.countedAttempts(scope, splits: splits)
            let all = try reader.countedAttempts(scope)
            XCTAssertEqual(ranges.parts.reduce(0) { $0 + $1.count }, all.count, "\(context) \(splits)")
            for (staffID, counted) in all { XCTAssertEqual(ranges[staffID], counted, "\(context) \(splits)") }
        }
        var papers = loader.countedPapers()
        for outcome in outcomes.people { papers.add(outcome) }
        XCTAssertEqual(ItemGroupAnalysisTests.rows(try loader.countedPapers(overdue: overdue)), ItemGroupAnalysisTests.rows(papers), context)
        XCTAssertEqual(outcomes.unknownStaff, expected.unknownStaff, context)
        // The export's stream: everyone in the same order with the same counted attempt (department keys are the stream's own).
        var streamed: [PersonOutcome] = []
        let streamedCounts = try loader.forEachOutcome(overdue: overdue) { streamed.append($0) }
        XCTAssertEqual(Self.unkeyed(streamed), Self.unkeyed(expected.people), context)
        // The export's CSV lines from the stream (department cells cached by the stream's keys) against the
        // cells of the rows computed in Swift.
        let format = ReportTimeFormat(timeZone: TimeZone(identifier: "Asia/Shanghai") ?? .current)
        var line = CSVResultLine(timeFormat: format), csv: [UInt8] = []
        for outcome in streamed where outcome.isRequired { line.append(outcome, to: &csv) }
        let rows = ResultRow.rows(expected).map { CSVFormat.record($0.csvCells(format: format)) }.joined()
        XCTAssertEqual(String(decoding: csv, as: UTF8.self), rows, context)
        XCTAssertEqual([streamedCounts.required, streamedCounts.sat], [expected.required.count, expected.required.filter { $0.counted != nil }.count], context)
        // The CSV export's stream: 工号 order alone, the departments grouped by the exporter: the same file.
        var byStaffID: [PersonOutcome] = []
        let byStaffIDCounts = try loader.forEachOutcome(overdue: overdue, byDepartment: false) { byStaffID.append($0) }
        XCTAssertEqual(
            byStaffID.map(\.person.staffID), streamed.map(\.person.staffID).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, context)
        XCTAssertEqual([byStaffIDCounts.required, byStaffIDCounts.sat], [streamedCounts.required, streamedCounts.sat], context)
        let files = try [(streamed, true), (byStaffID, false)].map { people, byDepartment in
            let url = folder.appendingPathComponent("export-\(byDepartment).csv")
            try AtomicOutput(destination: url, overwrite: true).write { writer in
                try CSVExporter(timeFormat: format).write(
                    outcomes: { body in for outcome in people { try body(outcome) } }, expected: 0, byDepartment: byDepartment, to: writer)
            }
            return try Data(contentsOf: url)
        }
        XCTAssertEqual(files[0], files[1], context)
        let counts = try loader.aggregate(overdue: overdue)
        let summary = counts.summary(fullMarks: 100)
        XCTAssertEqual(summary, ParticipationSummary(outcomes: expected, fullMarks: 100), context)
        XCTAssertEqual(counts.rollup, DepartmentRollup(outcomes: expected), context)
        // And a few figures counted by hand from the outcomes.
        let required = expected.people.filter(\.isRequired)
        XCTAssertEqual(summary.required, required.count, context)
        XCTAssertEqual(summary.sat, required.filter { $0.counted != nil }.count, context)
        XCTAssertEqual(summary.passed, required.filter { $0.counted?.attempt.passed == true }.count, context)
        XCTAssertEqual(
            summary.uncountedSitters, expected.people.filter { !$0.isRequired && $0.counted != nil }.count + expected.unknownStaff.count, context)
        let total = required.compactMap { $0.counted.map { DecimalRounding.hundredths($0.attempt.score) } }.reduce(0, +)
        XCTAssertEqual(counts.rollup.node(.organisation)?.score.totalHundredths, total, context)
        let absent = try loader.absent(overdue: overdue)
        XCTAssertEqual(absent.people.people.map(\.person.staffID), expected.absent.map(\.person.staffID), context)
        let absentSummary = absent.counts.summary(fullMarks: 100)
        XCTAssertEqual([absentSummary.required, absentSummary.absent], [summary.required, summary.absent], context)
        XCTAssertEqual(absent.counts.rollup.nodes.map { [$0.required, $0.absent] }, counts.rollup.nodes.map { [$0.required, $0.absent] }, context)
        XCTAssertEqual(absent.counts.rollup.node(.organisation)?.required, required.count, context)
        XCTAssertEqual(
            counts.rollup.node(.organisation)?.satOnPaper, required.filter { $0.counted?.attempt.onPaper == true }.count, context)
    }

    /// 40 people in 7 department texts (two spell one department), about
    /// 15% no longer on the roster; returns three exempted 工号. Some 工号 are
    /// lower case, shorter or Chinese, and the roster is inserted shuffled:
    /// `absent` merges roster and sitters in byte order, which is neither the
    /// insertion order nor a case-blind or locale collation.
    private func populate(_ random: inout SeededGenerator) throws -> [String] {
        let store = try openStore()
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let staff = (1...40).map { $0 % 7 == 0 ? "s\($0)" : $0 % 11 == 0 ? "工\($0)" : String(format: "S%03d", $0) }
        try store.write { db in
            for id in staff.shuffled(using: &random) {
                try db.execute("INSERT INTO staff (staff_id, name, department, active, updated_at) VALUES (?, ?, ?, ?, ?)",
                    id, "人" + id, Self.departments.randomElement(using: &random)!, Int.random(in: 0..<100, using: &random) < 85, start)
            }
            var nextID: Int64 = 1
            for person in staff + ["X01", "X02"] {
                for exam in ["main", "main", "main", "mk1", "mk2", "other", "mock"] where Int.random(in: 0..<100, using: &random) < 45 {
                    let started = start.addingTimeInterval(Double(Int.random(in: 0..<6, using: &random)) * 600)
                    let open = Int.random(in: 0..<100, using: &random) < 20
                    let hasOpen = try db.value(Bool.self, "SELECT COUNT(*) > 0 FROM attempt WHERE exam_id = ? AND staff_id = ? AND status = 'in_progress'",
                        exam, person) ?? false
                    let inProgress = open && !hasOpen
                    // Open attempts: some overdue at `now`, some still running.
                    let deadline = inProgress && Bool.random(using: &random) ? now.addingTimeInterval(600) : started.addingTimeInterval(1800)
                    let score = Double(Int.random(in: 0...8, using: &random)) * 12.5
                    // Equal scores may differ in 合格/优秀 (a pass mark changed between sittings) and in
                    // the sitting mode, so a tie broken the wrong way shows in the counts.
                    let markChanged = Int.random(in: 0..<100, using: &random) < 15
                    let onPaper = !inProgress && Int.random(in: 0..<100, using: &random) < 30
                    try db.execute("""
                            INSERT INTO attempt (id, exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, submitted_at,
                                status, submit_reason, score, full_marks, passed, excellent, is_formal, source)
                            VALUES (?, ?, ?, '', ?, 0, ?, ?, ?, ?, ?, ?, 100, ?, ?, ?, ?)
                            """,
                        nextID, exam, exam, person, started, deadline, inProgress ? nil : started.addingTimeInterval(900),
                            inProgress ? "in_progress" : "submitted", inProgress ? nil : "submitted", inProgress ? nil : score,
                            inProgress ? nil : (score >= 60) != markChanged, inProgress ? nil : (score >= 90) != markChanged,
                            exam == "mock" ? 0 : 1, onPaper ? "paper" : "online")
                    if inProgress { try addPaper(db, attempt: nextID, answered: started, &random) }
                    nextID += 1
                }
            }
        }
        return Array(staff.shuffled(using: &random).prefix(3))
    }

    /// Three items (单选 A, 判断 对, 多选 AB; 20 points each) with random saved answers.
    private func addPaper(_ db: any StoreConnection, attempt: Int64, answered: Date, _ random: inout SeededGenerator) throws {
        for (index, (type, key, choices)) in [("single", "A", ["A", "B"]), ("judge", "T", ["T", "F"]), ("multiple", "AB", ["AB", "A", "C"])].enumerated() {
            try db.execute("""
                    INSERT INTO paper_item (attempt_id, item_index, question_id, content_hash, option_order, answer_key, points, section_index, type, law_id)
                    VALUES (?, ?, ?, '', '', ?, 20, 0, ?, 'law')
                    """, attempt, index, "q\(index)", key, type)
            if Bool.random(using: &random) {
                try db.execute("INSERT INTO response (attempt_id, item_index, answer, answered_at) VALUES (?, ?, ?, ?)",
                    attempt, index, choices.randomElement(using: &random)!, answered)
            }
        }
    }
}
