import XCTest
@testable import LawQuizCore

/// Retakes under each counting rule, and make-up merges.
final class CountedAttemptTests: XCTestCase {
    typealias F = AdminFixtures
    /// Three sittings: 70 first, 85 second, 65 last.
    let retakes = [F.attempt(12, "1", 85, minute: 60), F.attempt(11, "1", 70, minute: 0), F.attempt(13, "1", 65, minute: 120)]

    func testHighestCountsByDefault() throws {
        let counted = try XCTUnwrap(AttemptSelector().select(main: retakes, makeup: []))
        XCTAssertEqual(counted.attempt.id, 12)
        XCTAssertEqual(counted.ordinal, 2)
        XCTAssertEqual(counted.totalAttempts, 3)
        XCTAssertEqual(counted.explanation, "最高分：第2次（共3次）")
    }

    func testFirstAndLast() throws {
        let first = try XCTUnwrap(AttemptSelector(counting: .first).select(main: retakes, makeup: []))
        XCTAssertEqual(first.attempt.score, 70)
        XCTAssertEqual(first.explanation, "首次：第1次（共3次）")
        let last = try XCTUnwrap(AttemptSelector(counting: .last).select(main: retakes, makeup: []))
        XCTAssertEqual(last.attempt.score, 65)
        XCTAssertEqual(last.explanation, "末次：第3次（共3次）")
    }

    func testHighestTieGoesToTheEarlierAttempt() throws {
        let tied = [F.attempt(2, "1", 80, minute: 30), F.attempt(1, "1", 80, minute: 0)]
        XCTAssertEqual(AttemptSelector().select(main: tied, makeup: [])?.attempt.id, 1)
    }

    func testRulesChangeTheRates() {
        let roster = [F.person("1", "办公室"), F.person("2", "办公室")]
        let attempts = retakes + [F.attempt(21, "2", 55, minute: 0), F.attempt(22, "2", 95, minute: 30)]
        let highest = ParticipationSummary(outcomes: F.outcomes(roster, attempts), fullMarks: 100)
        XCTAssertEqual(highest.passRateOfSat.text, "2/2 = 100.0%")
        XCTAssertEqual(highest.excellenceRateOfSat.text, "1/2 = 50.0%")
        let first = ParticipationSummary(outcomes: F.outcomes(roster, attempts, selector: AttemptSelector(counting: .first)), fullMarks: 100)
        XCTAssertEqual(first.passRateOfSat.text, "1/2 = 50.0%")
        XCTAssertEqual(first.excellenceRateOfSat.text, "0/2 = 0.0%")
        let last = ParticipationSummary(outcomes: F.outcomes(roster, attempts, selector: AttemptSelector(counting: .last)), fullMarks: 100)
        XCTAssertEqual(last.passed, 2)
        XCTAssertEqual(last.excellent, 1)
    }

    func testMakeupMergeTakesTheHigherScore() throws {
        let main = [F.attempt(1, "1", 50)]
        let makeup = [F.attempt(2, "1", 75, minute: 600, exam: "main-makeup", source: .makeup)]
        let counted = try XCTUnwrap(AttemptSelector().select(main: main, makeup: makeup))
        XCTAssertEqual(counted.attempt.id, 2)
        XCTAssertTrue(counted.isMakeup)
        XCTAssertEqual(counted.explanation, "补考第1次（共1次）（取较高分，正考 50 分）")
        // A make-up lower than the main result does not lower it.
        let lower = try XCTUnwrap(AttemptSelector().select(main: [F.attempt(1, "1", 80)], makeup: [F.attempt(2, "1", 70, exam: "m", source: .makeup)]))
        XCTAssertEqual(lower.attempt.id, 1)
        XCTAssertEqual(lower.explanation, "正考第1次（共1次）（取较高分，补考 70 分）")
    }

    func testMakeupReplaceRuleAndMakeupOnly() throws {
        let replace = AttemptSelector(makeupRule: .replace)
        let replaced = try XCTUnwrap(replace.select(main: [F.attempt(1, "1", 80)], makeup: [F.attempt(2, "1", 70, exam: "m", source: .makeup)]))
        XCTAssertEqual(replaced.attempt.score, 70)
        let only = try XCTUnwrap(AttemptSelector().select(main: [], makeup: [F.attempt(3, "1", 66, exam: "m", source: .makeup)]))
        XCTAssertEqual(only.explanation, "补考第1次（共1次）（未参加正考）")
        XCTAssertNil(AttemptSelector().select(main: [], makeup: []))
    }

    func testMakeupMergeInTheSummary() {
        let roster = [F.person("1", "办公室"), F.person("2", "办公室"), F.person("3", "办公室")]
        let attempts = [
            F.attempt(1, "1", 50), F.attempt(2, "2", 92),
            F.attempt(3, "1", 75, minute: 900, exam: "m", source: .makeup), F.attempt(4, "3", 61, minute: 900, exam: "m", source: .makeup),
        ]
        let s = ParticipationSummary(outcomes: F.outcomes(roster, attempts), fullMarks: 100)
        XCTAssertEqual(s.sat, 3, "sitting only the make-up counts as having sat")
        XCTAssertEqual(s.passed, 3)
        XCTAssertEqual(s.countedFromMakeup, 2)
        XCTAssertEqual(s.passRateOfRequired.text, "3/3 = 100.0%")
    }
}
