import Foundation
@testable import LawQuizCore

/// Small hand-built rosters and attempts for the statistics tests.
enum AdminFixtures {
    static let day = Date(timeIntervalSince1970: 1_700_000_000)

    static func person(_ id: String, _ department: String, active: Bool = true) -> ReportPerson {
        ReportPerson(staffID: id, name: "姓名" + id, department: DepartmentPath(parsing: department), active: active)
    }

    /// An attempt marked with the usual cut-offs (60 and 90 of 100, inclusive).
    static func attempt(
        _ id: Int64, _ staff: String, _ score: Double, minute: Double = 0, exam: String = "main", source: AttemptSource = .main
    ) -> ReportAttempt {
        let exam = ExamDefinition(id: exam, title: exam, sections: [], timeLimitMinutes: 60, fullMarks: 100)
        let start = day.addingTimeInterval(minute * 60)
        return ReportAttempt(
            id: id, examID: exam.id, staffID: staff, score: score, passed: exam.passes(score), excellent: exam.isExcellent(score),
            startedAt: start, submittedAt: start.addingTimeInterval(1800), source: source)
    }

    static func outcomes(
        _ roster: [ReportPerson], _ attempts: [ReportAttempt], policy: RequirementPolicy = RequirementPolicy(),
        selector: AttemptSelector = AttemptSelector()
    ) -> ExamOutcomes {
        ExamOutcomes.build(roster: roster, attempts: attempts, policy: policy, selector: selector)
    }

    static func header(fullMarks: Double = 100) -> ExamReportHeader {
        ExamReportHeader(
            examID: "main", title: "测试考试", fullMarks: fullMarks, passMark: 60, excellentMark: 90, counting: .highest,
            generatedAt: day)
    }
}
