import Foundation
import LawQuizCore

/// Overdue attempts as every report reads them. An attempt still in progress
/// after its deadline will be recorded — by its owner's next `exam take` —
/// as submitted at the deadline and graded on its saved answers, so reports
/// compute exactly that at read time instead of waiting for someone to write
/// it: the figures do not change when the submission is finally stored.
public struct OverdueAttempts: Sendable {
    /// Attempt id → the attempt as it will be recorded (`submittedAt` = deadline).
    public var attempts: [Int64: ReportAttempt]

    public init(_ attempts: [ReportAttempt] = []) {
        self.attempts = Dictionary(attempts.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var list: [ReportAttempt] { attempts.values.sorted { $0.id < $1.id } }

    /// The submit reason stored when such an attempt is finally submitted.
    public static let submitReason = "expired"
}

extension ReportReader {
    /// Unfinished formal attempts at `main` or its make-ups whose deadline has
    /// passed at `now`, each graded with `ResultsStore.grade` (the grading of
    /// submission) against the current definition. Reads only.
    public func overdueAttempts(main: ExamDefinition, makeups: [ExamDefinition], now: Date) throws -> OverdueAttempts {
        let exams = [main] + makeups
        let definitions = Dictionary(exams.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let marks = exams.map { _ in "?" }.joined(separator: ", ")
        return try read { db in
            let rows = try db.rows(
                """
                    SELECT id, exam_id, staff_id, started_at, deadline FROM attempt
                    WHERE exam_id IN (\(marks)) AND status = 'in_progress' AND is_formal = 1 ORDER BY id
                    """, exams.map(\.id.sqlValue))
            var overdue: [ReportAttempt] = []
            for row in rows {
                // Dates to the millisecond, as the report queries return them.
                let deadline = Self.date((try row["deadline"] as Date).timeIntervalSince1970)
                let examID: String = try row["exam_id"]
                guard ExamTiming.hasExpired(deadline, now: now), let exam = definitions[examID] else { continue }
                let id: Int64 = try row["id"]
                let grade = try ResultsStore.grade(db, attemptID: id, exam: exam)
                overdue.append(ReportAttempt(
                    id: id, examID: examID, staffID: try row["staff_id"], score: grade.score, passed: grade.passed, excellent: grade.excellent,
                    startedAt: Self.date((try row["started_at"] as Date).timeIntervalSince1970), submittedAt: deadline, source: examID == main.id ? .main : .makeup))
            }
            return OverdueAttempts(overdue)
        }
    }
}
