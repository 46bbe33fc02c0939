import XCTest
@testable import LawQuizCore

/// Rates against hand-computed fixtures.
final class ParticipationTests: XCTestCase {
    typealias F = AdminFixtures

    func testNoOneSat() {
        let roster = [F.person("1", "办公室"), F.person("2", "办公室"), F.person("3", "财务科")]
        let s = ParticipationSummary(outcomes: F.outcomes(roster, []), fullMarks: 100)
        XCTAssertEqual(s.required, 3)
        XCTAssertEqual(s.sat, 0)
        XCTAssertEqual(s.participationRate.text, "0/3 = 0.0%")
        XCTAssertEqual(s.passRateOfSat.text, "0/0 = —")
        XCTAssertEqual(s.passRateOfRequired.text, "0/3 = 0.0%")
        XCTAssertEqual(s.excellenceRateOfRequired.text, "0/3 = 0.0%")
        XCTAssertNil(s.scores)
        XCTAssertEqual(s.histogram.total, 0)
        XCTAssertEqual(s.unitsRequired, 2)
        XCTAssertEqual(s.unitsSat, 0)
    }

    /// Everyone sat, with scores exactly on the cut-offs: 60 passes, 90 is excellent.
    func testEveryoneSatWithScoresOnTheCutOffs() {
        let roster = (1...4).map { F.person(String($0), "办公室") }
        let attempts = [F.attempt(1, "1", 59.5), F.attempt(2, "2", 60), F.attempt(3, "3", 89.5), F.attempt(4, "4", 90)]
        let s = ParticipationSummary(outcomes: F.outcomes(roster, attempts), fullMarks: 100)
        XCTAssertEqual(s.participationRate.text, "4/4 = 100.0%")
        XCTAssertEqual(s.passed, 3)
        XCTAssertEqual(s.excellent, 1)
        XCTAssertEqual(s.passRateOfSat.text, "3/4 = 75.0%")
        XCTAssertEqual(s.excellenceRateOfSat.text, "1/4 = 25.0%")
        XCTAssertEqual(s.scores?.mean, 74.8, "74.75 rounded half up once")
        XCTAssertEqual(s.scores?.median, 74.75)
        XCTAssertEqual(s.scores?.minimum, 59.5)
        XCTAssertEqual(s.scores?.maximum, 90)
        // Bands include their lower bound: 59.5 → 50–60, 60 → 60–70, 89.5 → 80–90, 90 → 90–100.
        XCTAssertEqual(s.histogram.bands.map(\.count), [0, 0, 0, 0, 0, 1, 1, 0, 1, 1])
    }

    /// 118 of 120 sat: the rates over 参考 and over 应考 differ and both are kept.
    func testRatesOverBothDenominators() {
        let roster = (1...120).map { F.person(String($0), "部门") }
        let attempts = (1...118).map { F.attempt(Int64($0), String($0), $0 <= 100 ? 75 : 40) }
        let s = ParticipationSummary(outcomes: F.outcomes(roster, attempts), fullMarks: 100)
        XCTAssertEqual(s.participationRate.text, "118/120 = 98.3%")
        XCTAssertEqual(s.passRateOfSat.text, "100/118 = 84.7%")
        XCTAssertEqual(s.passRateOfRequired.text, "100/120 = 83.3%")
    }

    /// People who left the roster are not required; their attempts are shown as not counted.
    func testPeopleWhoLeftTheRoster() {
        let roster = [F.person("1", "办公室"), F.person("2", "办公室", active: false), F.person("3", "办公室")]
        let attempts = [F.attempt(1, "1", 80), F.attempt(2, "2", 95), F.attempt(3, "9", 70)]
        let outcomes = F.outcomes(roster, attempts)
        let s = ParticipationSummary(outcomes: outcomes, fullMarks: 100)
        XCTAssertEqual(s.required, 2)
        XCTAssertEqual(s.sat, 1)
        XCTAssertEqual(s.excellent, 0, "the excellent score belongs to someone who left")
        XCTAssertEqual(s.participationRate.text, "1/2 = 50.0%")
        XCTAssertEqual(s.uncountedSitters, 2, "one who left, one never on the roster")
        XCTAssertEqual(outcomes.absent.map(\.person.staffID), ["3"])
    }

    func testExemptionsAndDepartmentScope() {
        let roster = [F.person("1", "综合办公室/秘书科"), F.person("2", "综合办公室"), F.person("3", "综合办公室二部"), F.person("4", "综合办公室/秘书科")]
        let policy = RequirementPolicy(departments: [DepartmentPath(parsing: "综合办公室")], exemptions: ["4": "长期病假"])
        let outcomes = F.outcomes(roster, [F.attempt(1, "4", 90)], policy: policy)
        XCTAssertEqual(outcomes.people.map(\.status), [.required, .required, .outsideScope, .exempt("长期病假")].sortedLike(outcomes, roster))
        let s = ParticipationSummary(outcomes: outcomes, fullMarks: 100)
        XCTAssertEqual(s.required, 2)
        XCTAssertEqual(s.exempt, 1)
        XCTAssertEqual(s.sat, 0)
        XCTAssertEqual(s.uncountedSitters, 1)
    }

    func testNoRosterAndNoOneRequiredAreErrors() {
        XCTAssertThrowsError(try ReportError.checkRequired(F.outcomes([], []), examID: "x")) { error in
            XCTAssertEqual(error as? ReportError, .noRoster)
        }
        let policy = RequirementPolicy(departments: [DepartmentPath(parsing: "不存在的部门")])
        let outcomes = F.outcomes([F.person("1", "办公室"), F.person("2", "办公室", active: false)], [], policy: policy)
        XCTAssertThrowsError(try ReportError.checkRequired(outcomes, examID: "x")) { error in
            XCTAssertEqual(error as? ReportError, .noOneRequired(examID: "x", active: 1, exempt: 0, outsideScope: 1))
            XCTAssertTrue(error.localizedDescription.contains("没有应考人员"))
        }
    }

    func testPopulationStandardDeviation() throws {
        let summary = try XCTUnwrap(ScoreSummary(scores: [60, 70, 80, 90]))
        XCTAssertEqual(summary.mean, 75)
        XCTAssertEqual(summary.median, 75)
        XCTAssertEqual(summary.standardDeviation, 11.2, "√125 = 11.18… to one decimal")
        XCTAssertEqual(ScoreSummary(scores: [70, 50, 90])?.median, 70)
    }

    func testHistogramForOtherFullMarks() {
        let histogram = ScoreHistogram(scores: [0, 9.5, 10, 45, 50], fullMarks: 50)
        XCTAssertEqual(histogram.bands.map(\.label), ["0–10", "10–20", "20–30", "30–40", "40–50"])
        XCTAssertEqual(histogram.bands.map(\.count), [2, 1, 0, 0, 2])
    }
}

extension Array where Element == RequirementPolicy.Status {
    /// Reorders statuses given in roster order into the outcomes' department order.
    func sortedLike(_ outcomes: ExamOutcomes, _ roster: [ReportPerson]) -> [RequirementPolicy.Status] {
        outcomes.people.map { outcome in self[roster.firstIndex { $0.staffID == outcome.person.staffID } ?? 0] }
    }
}
