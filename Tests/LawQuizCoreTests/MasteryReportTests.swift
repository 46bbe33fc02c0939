import Foundation
import LawQuizCore
import XCTest

final class MasteryReportTests: XCTestCase {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    private func reviewed(_ id: String, stability: Double, daysAgo: Double) -> ReviewedQuestion {
        ReviewedQuestion(
            questionID: id, memory: MemoryState(stability: stability, difficulty: 5, reps: 1, lapses: 0),
            lastReviewAt: now.addingTimeInterval(-daysAgo * 86_400), dueAt: now)
    }

    /// Mastered means R ≥ 0.9, i.e. no longer ago than the stability.
    func testMasteryThreshold() {
        XCTAssertTrue(reviewed("a", stability: 4, daysAgo: 3.9).isMastered(at: now))
        XCTAssertTrue(reviewed("a", stability: 4, daysAgo: 4).isMastered(at: now.addingTimeInterval(-1e-3)))
        XCTAssertFalse(reviewed("a", stability: 4, daysAgo: 4.1).isMastered(at: now))
    }

    /// Per law and chapter over the shipped banks: a law's row counts all its
    /// questions, its chapters split them, and mastered ones are counted where they belong.
    func testPerLawAndChapter() throws {
        let catalog = try BankCatalog.load(root: URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("QuestionBanks"))
        let questions = catalog.questions.filter { $0.lawID == catalog.questions[0].lawID }
        let masteredIDs = questions.prefix(3).map(\.id)
        var states = Dictionary(uniqueKeysWithValues: masteredIDs.map { ($0, reviewed($0, stability: 10, daysAgo: 1)) })
        let forgotten = questions[3].id
        states[forgotten] = reviewed(forgotten, stability: 1, daysAgo: 5)
        let report = MasteryReport(catalog: catalog, reviewed: states, now: now)
        XCTAssertEqual(report.totalQuestions, catalog.questions.count)
        XCTAssertEqual(report.masteredQuestions, 3)
        XCTAssertEqual(report.unseenQuestions, catalog.questions.count - 4)
        let lawRows = report.rows.filter(\.isLaw)
        XCTAssertEqual(lawRows.map(\.total).reduce(0, +), catalog.questions.count)
        XCTAssertEqual(lawRows.map(\.mastered).reduce(0, +), 3)
        let law = catalog.library.law(named: questions[0].lawID)
        XCTAssertEqual(lawRows.first { $0.label == law?.shortName }?.mastered, 3)
        XCTAssertEqual(report.rows.filter { !$0.isLaw }.map(\.mastered).reduce(0, +), 3)
        // 20 due + 5 new a day: unseen questions need ⌈unseen / 5⌉ days.
        XCTAssertEqual(report.daysToCover(duePerDay: 20, newPerDay: 5), (report.unseenQuestions + 4) / 5)
        XCTAssertEqual(report.daysToCover(duePerDay: 20, newPerDay: 0), Int.max)
        // Only the law an exam draws from: its unseen questions at 5 a day.
        XCTAssertEqual(report.daysToCover(duePerDay: 20, newPerDay: 5, lawIDs: [questions[0].lawID]), (questions.count - 4 + 4) / 5)
        XCTAssertEqual(report.daysToCover(duePerDay: 20, newPerDay: 5, lawIDs: []), 0)
    }

    func testDepartments() {
        let mastery = DepartmentMastery(departments: ["1": "办公室", "2": "办公室", "3": "法规科"], mastered: ["1": 2, "9": 1], totalQuestions: 10)
        XCTAssertEqual(mastery.rows.map(\.department), ["", "办公室", "法规科"])
        let office = mastery.rows[1]
        XCTAssertEqual(office.people, 2)
        XCTAssertEqual(office.studying, 1)
        XCTAssertEqual(office.averageShare, 0.1, accuracy: 1e-12)  // (0.2 + 0) / 2
        XCTAssertEqual(mastery.rows[0].people, 1, "not on the roster")
        XCTAssertEqual(mastery.rows[2].averageShare, 0)
    }

    func testBarChartFullScale() {
        let lines = BarChart(bars: [.init(label: "甲", value: 500, annotation: "50%")], fullScale: 1000).render(width: 30)
        // Label 2 cells, annotation 3: bar width 30 − 2 − 3 − 4 = 21 cells; half of it is 10.5 cells.
        XCTAssertEqual(lines, ["甲 │██████████▌ 50%"])
    }
}
