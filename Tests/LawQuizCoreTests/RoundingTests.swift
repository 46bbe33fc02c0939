import Foundation
import XCTest
@testable import LawQuizCore

/// One rounding rule (issue 9.7): exact sums, half up once, the same figure
/// in the table, CSV, JSON and the workbook.
final class RoundingTests: XCTestCase {
    typealias F = AdminFixtures

    func testHalfUpOnExactValues() {
        XCTAssertEqual(DecimalRounding.quotient(5, 2), 3)
        XCTAssertEqual(DecimalRounding.quotient(-5, 2), -2)
        XCTAssertEqual(DecimalRounding.quotient(6025, 10 * 10), 60)
        XCTAssertEqual(DecimalRounding.text(603, places: 1), "60.3")
        XCTAssertEqual(DecimalRounding.text(5, places: 2), "0.05")
        XCTAssertEqual(DecimalRounding.text(-5, places: 1), "-0.5")
        XCTAssertEqual(ScoreFormat.oneDecimal(60.25), "60.3", "printf would round the tie to even: 60.2")
        XCTAssertEqual(ScoreFormat.oneDecimal(76.35), "76.4", "76.35 is 76.349999… in binary")
        XCTAssertEqual(ScoreFormat.text(27.25), "27.25")
        XCTAssertEqual(ScoreFormat.text(27.5), "27.5")
        XCTAssertEqual(ScoreFormat.text(90), "90")
        XCTAssertEqual(ScoreFormat.text(0.125), "0.13")
    }

    func testMeansAgreeAcrossOrganisationAndDepartments() throws {
        // 60.25 = (60.5 + 60) / 2 and 76.35 = (76.2 + 76.5) / 2 ... as a population of 4: (60.5+60+76.2+76.5)/4 = 68.3
        let roster = [F.person("1", "甲"), F.person("2", "甲"), F.person("3", "乙"), F.person("4", "乙")]
        let attempts = [F.attempt(1, "1", 60.5), F.attempt(2, "2", 60), F.attempt(3, "3", 76.2), F.attempt(4, "4", 76.5)]
        let report = ExamReport(header: F.header(), outcomes: F.outcomes(roster, attempts))
        let first = try XCTUnwrap(report.departments.node(DepartmentPath(parsing: "甲")))
        let second = try XCTUnwrap(report.departments.node(DepartmentPath(parsing: "乙")))
        XCTAssertEqual(first.score.text, "60.3")
        XCTAssertEqual(first.meanScore, 60.3)
        XCTAssertEqual(second.score.text, "76.4")
        XCTAssertEqual(report.summary.scores?.mean, 68.3)
        // One population of 76.35 seen whole and by department.
        let same = ExamReport(header: F.header(), outcomes: F.outcomes(Array(roster[2...]), Array(attempts[2...])))
        XCTAssertEqual(same.summary.scores?.mean, 76.4)
        XCTAssertEqual(same.departments.node(.organisation)?.meanScore, 76.4)
        XCTAssertEqual(same.summaryLines.first { $0.label == "平均分" }?.value, "76.4")
        let text = TextReport(report: report, width: 200).departments()
        XCTAssertTrue(text.contains("60.3"), text)
        XCTAssertFalse(text.contains("60.2"), text)
    }

    func testScoreTotalIsExactInJSON() throws {
        // Eleven scores of 97.19 sum to 1069.09 exactly; binary doubles accumulate to 1069.0900000000001.
        let roster = (1...11).map { F.person(String($0), "甲") }
        let attempts = (1...11).map { F.attempt(Int64($0), String($0), 97.19) }
        let report = ExamReport(header: F.header(), outcomes: F.outcomes(roster, attempts))
        XCTAssertNotEqual((0..<11).reduce(0.0) { sum, _ in sum + 97.19 }, 1069.09, "the case needs a sum doubles get wrong")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(report.departments.nodes), as: UTF8.self)
        XCTAssertTrue(json.contains("\"scoreTotal\":1069.09"), json)
        XCTAssertTrue(json.contains("\"meanScore\":97.2"), json)
    }

    func testMembersCountOnlyPeopleOnTheRoster() throws {
        let roster = [F.person("1", "甲"), F.person("2", "甲", active: false)]
        let rollup = DepartmentRollup(outcomes: F.outcomes(roster, [F.attempt(1, "2", 80)]))
        XCTAssertEqual(rollup.node(DepartmentPath(parsing: "甲"))?.members, 1)
        XCTAssertEqual(rollup.node(.organisation)?.members, 1)
    }

    func testWorkbookCellsHoldTheShownPrecision() {
        // 1999/2000 is shown 99.9% (never 100.0% while someone is missing): the cell holds 0.999.
        XCTAssertEqual(XLSXCell.percent(Rate(1999, of: 2000)), .percent(0.999))
        XCTAssertEqual(XLSXCell.percent(Rate(1, of: 16)), .percent(0.063), "6.25% rounds half up to 6.3%")
        XCTAssertEqual(XLSXCell.percent(Rate(0, of: 0)), .empty)
        let summary = ScoreSummary(scores: [27.25, 27.25, 30])
        XCTAssertEqual(summary?.median, 27.25, "a median is a score, kept to the hundredth")
        XCTAssertEqual(summary?.mean, 28.2, "28.1666… half up")
    }
}
