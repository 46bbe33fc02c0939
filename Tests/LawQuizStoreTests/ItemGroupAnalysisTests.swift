import Foundation
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// The item analysis from the store's GROUP BY (`ReportReader.itemGroups`,
/// what PostgreSQL runs) against the same analysis from every item read one
/// by one (`scanItems`), on random stores: partial and all-or-nothing
/// scoring (a make-up may differ from its exam), questions drawn at random
/// positions, unanswered items, retakes, and overdue attempts whose totals
/// exist only at read time. Both paths run on both engines, and the scan
/// from the answer sheets (v7; some missing or garbled) equals the row scan.
final class ItemGroupAnalysisTests: StoreTestCase {
    let now = Date(timeIntervalSince1970: 1_700_000_000 + 5 * 86_400)
    /// Question pools per type: key choices and points of the section.
    static let pools: [(type: QuestionType, prefix: String, keys: [String], points: Double)] = [
        (.single, "s", ["A", "B", "C", "D"], 2), (.multiple, "m", ["AB", "ACD", "BD", "ABCDE"], 3), (.judge, "j", ["T", "F"], 1.5),
    ]

    func testGroupedItemAnalysisEqualsTheItemScan() throws {
        for seed in UInt64(1)...3 {
            resetStore()
            var random = SeededGenerator(seed: seed)
            try populate(&random)
            let reader = try openReports()
            for (mainScoring, makeupScoring) in [(MultipleScoring.partial, MultipleScoring.allOrNothing), (.allOrNothing, .partial)] {
                for counting in [AttemptCounting.highest, .last] {
                    for rule in MakeupRule.allCases {
                        let context = "seed \(seed) \(mainScoring)/\(makeupScoring) \(counting) \(rule)"
                        let sections = Self.pools.map { ExamSection(lawID: nil, type: $0.type, count: 2, points: $0.points) }
                        let main = ExamDefinition(
                            id: "main", title: "正考", sections: sections, timeLimitMinutes: 30, attemptsAllowed: 5, counting: counting,
                            multipleScoring: mainScoring, requiredDepartments: seed % 2 == 0 ? ["甲"] : [])
                        let makeup = ExamDefinition(
                            id: "mk1", title: "补考", sections: sections, timeLimitMinutes: 30, multipleScoring: makeupScoring, makeupOf: "main")
                        let loader = try ExamReportLoader(
                            reader: reader, exam: main, catalog: ExamCatalog(definitions: [main, makeup]), makeupRule: rule)
                        let overdue = try loader.overdue(now: now)
                        XCTAssertFalse(overdue.attempts.isEmpty, context)
                        let outcomes = try loader.outcomes(overdue: overdue)
                        let scanned = try loader.analyse(outcomes, partitions: 2, grouped: false, sheets: false)
                        let grouped = try loader.analyse(outcomes, grouped: true)
                        let sheets = try loader.analyse(outcomes, partitions: 2, grouped: false)
                        XCTAssertGreaterThan(scanned.items.test.attempts, 10, context)
                        // `items` gathers the counted papers in roster order, without the outcome table.
                        let papers = try loader.countedPapers(overdue: overdue)
                        var expected = loader.countedPapers()
                        for outcome in outcomes.people { expected.add(outcome) }
                        XCTAssertEqual(Self.rows(papers), Self.rows(expected), context)
                        assertSame(try loader.analyse(papers, partitions: 2, grouped: false).items, sheets.items, "\(context) roster order")
                        XCTAssertGreaterThanOrEqual(scanned.items.items.count, 8, context)
                        XCTAssertTrue(scanned.items.items.contains { $0.unanswered > 0 }, context)
                        assertSame(grouped.items, scanned.items, context)
                        assertSame(sheets.items, scanned.items, "\(context) sheets")
                        for (got, expected) in [(grouped.accuracy.types(), scanned.accuracy.types()),
                                                (grouped.accuracy.laws(order: [], title: { $0 }), scanned.accuracy.laws(order: [], title: { $0 })),
                                                (sheets.accuracy.types(), scanned.accuracy.types()),
                                                (sheets.accuracy.laws(order: [], title: { $0 }), scanned.accuracy.laws(order: [], title: { $0 }))] {
                            XCTAssertEqual(got.rows.map(\.key), expected.rows.map(\.key), context)
                            for (a, b) in zip(got.rows, expected.rows) {
                                XCTAssertEqual([a.responses, a.right, a.partial, a.unanswered], [b.responses, b.right, b.partial, b.unanswered], context)
                                XCTAssertEqual(a.earned, b.earned, accuracy: 1e-9, context)
                                XCTAssertEqual(a.possible, b.possible, accuracy: 1e-9, context)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Counted papers as sorted lines (id, total, partial scoring).
    static func rows(_ papers: CountedPapers) -> [String] {
        papers.ids.indices.map { "\(papers.ids[$0]) \(papers.scores[$0]) \(papers.partialScoring[$0])" }.sorted()
    }

    /// Equal analyses, doubles within 1e-9 (sums are added in another order).
    private func assertSame(_ got: ItemAnalysis, _ expected: ItemAnalysis, _ context: String, line: UInt = #line) {
        func close(_ a: Double?, _ b: Double?, _ what: String) {
            guard let a, let b else { return XCTAssertEqual(a == nil, b == nil, what, line: line) }
            XCTAssertEqual(a, b, accuracy: 1e-9 * max(1, abs(b)), what, line: line)
        }
        XCTAssertEqual([got.test.attempts, got.test.positions], [expected.test.attempts, expected.test.positions], context, line: line)
        close(got.test.meanScore, expected.test.meanScore, "\(context) mean")
        close(got.test.standardDeviation, expected.test.standardDeviation, "\(context) sd")
        close(got.test.internalConsistency, expected.test.internalConsistency, "\(context) alpha")
        close(got.test.standardError, expected.test.standardError, "\(context) sem")
        XCTAssertEqual(got.items.map(\.questionID), expected.items.map(\.questionID), context, line: line)
        for (a, b) in zip(got.items, expected.items) {
            let what = "\(context) \(b.questionID)"
            XCTAssertEqual([a.drawn, a.right, a.unanswered], [b.drawn, b.right, b.unanswered], what, line: line)
            XCTAssertEqual(a.optionCounts, b.optionCounts, what, line: line)
            XCTAssertEqual([a.lawID, a.answer, a.type.rawValue], [b.lawID, b.answer, b.type.rawValue], what, line: line)
            XCTAssertEqual(a.flags, b.flags, what, line: line)
            close(a.facility, b.facility, "\(what) facility")
            close(a.standardDeviation, b.standardDeviation, "\(what) sd")
            close(a.discrimination, b.discrimination, "\(what) discrimination")
            close(a.discriminativeEfficiency, b.discriminativeEfficiency, "\(what) efficiency")
        }
    }

    /// 36 people (two departments) with 0–3 attempts at the exam and 0–1 at
    /// its make-up, plus attempts at another exam that no report covers.
    /// Each paper draws two questions of each type from small pools at random
    /// positions; about a fifth of the items are unanswered (no row, or a
    /// NULL answer). Submitted totals are random (some off the half-point
    /// grid); about one open attempt in two is past its deadline at `now`.
    private func populate(_ random: inout SeededGenerator) throws {
        let store = try openStore()
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let staff = (1...36).map { String(format: "P%03d", $0) }
        try store.write { db in
            for (number, id) in staff.enumerated() {
                try db.execute(
                    "INSERT INTO staff (staff_id, name, department, active, updated_at) VALUES (?, ?, ?, 1, ?)",
                    id, "人" + id, number % 3 == 0 ? "乙" : "甲/一科", start)
            }
            var nextID: Int64 = 1
            for person in staff {
                let exams = Array(repeating: "main", count: Int.random(in: 0...3, using: &random))
                    + (Bool.random(using: &random) ? ["mk1"] : []) + (Bool.random(using: &random) ? ["other"] : [])
                for exam in exams {
                    let started = start.addingTimeInterval(Double(Int.random(in: 0..<6, using: &random)) * 600)
                    let hasOpen = try db.value(
                        Bool.self, "SELECT COUNT(*) > 0 FROM attempt WHERE exam_id = ? AND staff_id = ? AND status = 'in_progress'",
                        exam, person) ?? false
                    let open = !hasOpen && Int.random(in: 0..<100, using: &random) < 25
                    let deadline = open && Bool.random(using: &random) ? now.addingTimeInterval(600) : started.addingTimeInterval(1800)
                    let score = Int.random(in: 0..<5, using: &random) == 0
                        ? Double(Int.random(in: 0...130, using: &random)) / 10 : Double(Int.random(in: 0...26, using: &random)) * 0.5
                    try db.execute("""
                            INSERT INTO attempt (id, exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, submitted_at,
                                status, submit_reason, score, full_marks, passed, excellent, is_formal)
                            VALUES (?, ?, ?, '', ?, 0, ?, ?, ?, ?, ?, ?, 13, ?, ?, 1)
                            """,
                        nextID, exam, exam, person, started, deadline, open ? nil : started.addingTimeInterval(900),
                        open ? "in_progress" : "submitted", open ? nil : "submitted", open ? nil : score,
                        open ? nil : score >= 8, open ? nil : score >= 11.5)
                    try addPaper(db, attempt: nextID, answered: started, &random)
                    nextID += 1
                }
            }
            // The submitted attempts' answer sheets, as the v7 migration writes
            // them; some then lost or garbled, so reports read those attempts' rows.
            _ = try db.execute(AnswerSheet.insertSQL(db.dialect, oneAttempt: false), [])
            _ = try db.execute("DELETE FROM answer_sheet WHERE attempt_id % 11 = 0", [])
            _ = try db.execute("UPDATE answer_sheet SET sheet = '1' || sheet WHERE attempt_id % 13 = 0", [])
        }
    }

    /// Six items: two questions of each pool in random order, each answered
    /// with its key, a random choice, a NULL answer, or not at all.
    private func addPaper(_ db: any StoreConnection, attempt: Int64, answered: Date, _ random: inout SeededGenerator) throws {
        var drawn: [(pool: Int, number: Int)] = []
        for pool in Self.pools.indices {
            let numbers = Array(0..<Self.pools[pool].keys.count).shuffled(using: &random).prefix(2)
            drawn += numbers.map { (pool, $0) }
        }
        drawn.shuffle(using: &random)
        for (index, item) in drawn.enumerated() {
            let pool = Self.pools[item.pool]
            let key = pool.keys[item.number]
            try db.execute("""
                    INSERT INTO paper_item (attempt_id, item_index, question_id, content_hash, option_order, answer_key, points, section_index, type, law_id)
                    VALUES (?, ?, ?, '', '', ?, ?, ?, ?, ?)
                    """, attempt, index, "\(pool.prefix)\(item.number)", key, pool.points, item.pool, pool.type.rawValue,
                item.pool == 2 ? "law-b" : "law-a")
            let choice = Int.random(in: 0..<10, using: &random)
            guard choice >= 2 else {
                if choice == 1 {
                    try db.execute(
                        "INSERT INTO response (attempt_id, item_index, answer, answered_at) VALUES (?, ?, NULL, ?)", attempt, index, answered)
                }
                continue
            }
            let answer = choice < 5 ? key : pool.keys.randomElement(using: &random)! + (choice == 9 && pool.type == .multiple ? "E" : "")
            let given = pool.type == .multiple && choice == 8 ? String(key.prefix(1)) : answer
            try db.execute(
                "INSERT INTO response (attempt_id, item_index, answer, answered_at) VALUES (?, ?, ?, ?)", attempt, index, given, answered)
        }
    }
}
