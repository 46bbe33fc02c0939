import Foundation
import LawQuizCore

extension ReportQueries {
    /// Every roster member joined with their formal attempts at the exam and
    /// its make-ups, in the order the result rows are printed, so an export
    /// streams them without holding the roster: one row per attempt (one
    /// with NULL attempt columns for a person with none), a person's rows
    /// adjacent. Submitted attempts only, plus the open ones when some are
    /// overdue (the reader keeps those it grades as overdue). The attempts
    /// come from the `attempt_pick` covering index, one lookup per person;
    /// the counting rules are applied per person as the rows arrive, so no
    /// window sort is needed. The only sort is the output order.
    ///
    /// Order: department, then 工号 in byte order. `ranks` (department text
    /// → tree position) is given when the texts' byte order is not the tree
    /// order (`甲 / 一科` spells `甲/一科`); nil orders by the text itself.
    /// `byDepartment` false: 工号 order alone, the roster read through its
    /// primary-key index with no sort (the CSV export orders departments
    /// itself, `DepartmentLines`); `ranks` is then unused.
    ///
    /// Columns: 工号, name, department, active, attempt id, exam id, score,
    /// 合格, 优秀, start and submission (seconds since 1970), paper (1 for an
    /// attempt entered from a paper sheet; `hasSource`: the store has
    /// `attempt.source`), status.
    public mutating func resultRows(ranks: [String: Int]?, hasSource: Bool = true, byDepartment: Bool = true) -> Query {
        arguments = []
        var ctes = "", rankJoin = "", rankFilter = "", order = dialect.byteOrder("s.department") + ", "
        if !byDepartment {
            order = ""
        } else if let ranks {
            let rows = ranks.sorted { $0.value < $1.value }.map { "(" + bind(.text($0.key)) + ", " + bind(.integer(Int64($0.value))) + ")" }
            ctes = "WITH ranks (department, position) AS (VALUES " + rows.joined(separator: ", ") + ")\n"
            // The roster drives the join (the small ranks table is looked up per person).
            rankJoin = "CROSS JOIN ranks r"
            rankFilter = "WHERE r.department = s.department"
            order = "r.position, "
        }
        let sql = """
            \(ctes)SELECT s.staff_id, s.name, s.department, s.active, \(attemptColumns(hasSource: hasSource))
            FROM staff s \(rankJoin)
            LEFT JOIN attempt a ON \(attemptFilter()) AND a.staff_id = s.staff_id
            \(rankFilter)
            ORDER BY \(order)\(dialect.byteOrder("s.staff_id"))
            """
        return Query(sql: sql, arguments: arguments)
    }

    /// The roster in 工号 byte order with the first four columns of
    /// `resultRows`, for merging with `attemptRows` (the primary-key index
    /// gives the order; no sort).
    public mutating func rosterRows() -> Query {
        arguments = []
        return Query(sql: "SELECT staff_id, name, department, active FROM staff ORDER BY \(dialect.byteOrder("staff_id"))", arguments: [])
    }

    /// The attempts of `resultRows` alone, in 工号 byte order: 工号, then
    /// the attempt columns of `resultRows`, except that start and submission
    /// are the stored values (on SQLite the text `StoredTimestamp` reads). For
    /// the exam alone with no overdue attempt, one range of the
    /// `attempt_pick` index in its order.
    public mutating func attemptRows(hasSource: Bool = true) -> Query {
        arguments = []
        let sql = """
            SELECT a.staff_id, \(attemptColumns(hasSource: hasSource, storedTimes: true))
            FROM attempt a WHERE \(attemptFilter())
            ORDER BY \(dialect.byteOrder("a.staff_id"))
            """
        return Query(sql: sql, arguments: arguments)
    }

    /// Attempt id, exam id, score, 合格, 优秀, start and submission (seconds
    /// since 1970, or as stored), paper, status of attempt `a`.
    private func attemptColumns(hasSource: Bool, storedTimes: Bool = false) -> String {
        func unix(_ column: String) -> String { storedTimes ? column : dialect.unixSeconds(column) }
        let paper = hasSource ? "CASE WHEN a.source = 'paper' THEN 1 ELSE 0 END" : "0"
        return "a.id, a.exam_id, a.score, a.passed, a.excellent, \(unix("a.started_at")), \(unix("a.submitted_at")), \(paper), a.status"
    }

    /// Formal attempts at the exam and its make-ups: submitted ones, and the
    /// open ones too when some are overdue (the reader keeps those it grades).
    private mutating func attemptFilter() -> String {
        let status = scope.overdue.attempts.isEmpty ? "a.status = 'submitted'" : "a.status IN ('submitted', 'in_progress')"
        return "a.exam_id IN (\(list([scope.mainExamID] + scope.makeupExamIDs))) AND \(status) AND a.is_formal = 1"
    }
}
