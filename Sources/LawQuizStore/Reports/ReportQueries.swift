import Foundation
import LawQuizCore

/// Report queries are plain SQL (CTEs, window functions, GROUP BY) that
/// SQLite and PostgreSQL both run; only `SQLDialect` differs.
public typealias ReportDialect = SQLDialect

/// An argument of a report query, engine-neutral.
public typealias ReportValue = SQLValue

/// Which attempts and people one exam's report covers, and by which rules.
public struct ReportScope: Sendable {
    public var mainExamID: String
    public var makeupExamIDs: [String]
    public var selector: AttemptSelector
    public var policy: RequirementPolicy
    public var overdue: OverdueAttempts

    public init(mainExamID: String, makeupExamIDs: [String], selector: AttemptSelector, policy: RequirementPolicy, overdue: OverdueAttempts) {
        self.mainExamID = mainExamID
        self.makeupExamIDs = makeupExamIDs
        self.selector = selector
        self.policy = policy
        self.overdue = overdue
    }
}

/// The report queries of one exam. Their common part is a chain of CTEs:
/// `sat` — submitted formal attempts at the exam (side 0) and its make-ups
/// (side 1), plus overdue attempts as they will be recorded; `picks` — per
/// person and side, the attempt the counting rule chooses (window
/// functions), with its place by start and the side's number of attempts;
/// `counted` — per person, the pick the make-up rule chooses.
public struct ReportQueries: Sendable {
    public var dialect: any ReportDialect
    public var scope: ReportScope
    var arguments: [ReportValue] = []

    public init(dialect: any ReportDialect = SQLiteDialect(), scope: ReportScope) {
        self.dialect = dialect
        self.scope = scope
    }

    /// A built statement: SQL text and its arguments in order.
    public struct Query: Sendable {
        public var sql: String
        public var arguments: [ReportValue]
    }

    mutating func bind(_ value: ReportValue) -> String {
        arguments.append(value)
        return dialect.placeholder(arguments.count)
    }

    mutating func list(_ values: [String]) -> String {
        values.map { bind(.text($0)) }.joined(separator: ", ")
    }

    /// Window ordering that puts the attempt a rule counts first. Ties go
    /// as `AttemptCounting.select` sends them: to the earlier start, then the lower id.
    static func order(_ rule: AttemptCounting) -> String {
        switch rule {
        case .highest: return "score DESC, started_at, id"
        case .first: return "started_at, id"
        case .last: return "started_at DESC, id"
        }
    }

    /// The CTEs `sat`, `picks` and `counted` (without the leading WITH).
    /// `paper`: whether `sat` carries the column `paper` (1 for an attempt
    /// entered from a paper sheet); nil leaves it out, false sets it to 0
    /// (a store read before its v5-paper upgrade has no `source`).
    private mutating func countingCTEs(detail: Bool, paper: Bool? = nil) -> String {
        var ctes = ""
        let overdue = scope.overdue.list
        if !overdue.isEmpty {
            let rows = overdue.map { attempt in
                "(" + [
                    bind(.integer(attempt.id)), bind(.text(attempt.examID)), bind(.text(attempt.staffID)),
                    bind(.integer(attempt.source == .main ? 0 : 1)), bind(.real(attempt.score)), bind(.integer(attempt.passed ? 1 : 0)),
                    bind(.integer(attempt.excellent ? 1 : 0)), bind(.date(attempt.startedAt)), bind(.date(attempt.submittedAt ?? attempt.startedAt)),
                ].joined(separator: ", ") + ")"
            }
            ctes += "overdue (id, exam_id, staff_id, side, score, passed, excellent, started_at, submitted_at) AS (VALUES "
                + rows.joined(separator: ", ") + "),\n"
        }
        let paperColumn = paper.map { ", " + ($0 ? "CASE WHEN source = 'paper' THEN 1 ELSE 0 END" : "0") + " AS paper" } ?? ""
        ctes += """
            sat AS (
                SELECT id, exam_id, staff_id, CASE WHEN exam_id = \(bind(.text(scope.mainExamID))) THEN 0 ELSE 1 END AS side,
                    score, passed, excellent, started_at, submitted_at\(paperColumn)
                FROM attempt
                WHERE exam_id IN (\(list([scope.mainExamID] + scope.makeupExamIDs))) AND status = 'submitted' AND is_formal = 1
            """
        if !overdue.isEmpty {
            ctes += "\n    UNION ALL SELECT id, exam_id, staff_id, side, score, passed, excellent, started_at, submitted_at"
                + (paper == nil ? "" : ", 0") + " FROM overdue"
        }
        ctes += "\n),\n"
        let main = Self.order(scope.selector.counting), makeup = Self.order(scope.selector.makeupCounting)
        // With one side only (no make-up, no overdue make-up attempt) the partition is the person
        // alone, which the `attempt_pick` index (v6) delivers in the order of the highest rule: no sort.
        let oneSide = scope.makeupExamIDs.isEmpty && overdue.allSatisfy { $0.source == .main }
        let partition = oneSide ? "PARTITION BY staff_id" : "PARTITION BY staff_id, side"
        let pick = main == makeup || scope.makeupExamIDs.isEmpty
            ? "ROW_NUMBER() OVER (\(partition) ORDER BY \(main))"
            : "CASE WHEN side = 0 THEN ROW_NUMBER() OVER (\(partition) ORDER BY \(main)) "
                + "ELSE ROW_NUMBER() OVER (\(partition) ORDER BY \(makeup)) END"
        // The place by start and the number of attempts only where they are shown (each is one more sort).
        let places = detail
            ? ",\n            ROW_NUMBER() OVER (\(partition) ORDER BY started_at, id) AS ordinal,\n"
                + "            COUNT(*) OVER (\(partition)) AS attempts"
            : ""
        ctes += """
            picks AS (
                SELECT * FROM (
                    SELECT sat.*, \(pick) AS pick\(places)
                    FROM sat) AS ranked
                WHERE pick = 1
            ),
            counted AS (
            """
        if oneSide {
            ctes += "\n    SELECT * FROM picks\n)"
        } else {
            let merge = scope.selector.makeupRule == .replace ? "side DESC" : "score DESC, side"
            ctes += """

                    SELECT * FROM (
                        SELECT picks.*, ROW_NUMBER() OVER (PARTITION BY staff_id ORDER BY \(merge)) AS merged
                        FROM picks) AS chosen
                    WHERE merged = 1
                )
                """
        }
        return ctes
    }

    /// Per department text, standing (active, exempt) and counted result
    /// (side, score in hundredths, 合格, 优秀): how many people, and whether
    /// the counted attempt was a paper one (线下). Rows with a NULL department
    /// count counted attempts by 工号 not on the roster. `hasSource`: the
    /// store has the v5-paper column `attempt.source`.
    public mutating func departmentCounts(hasSource: Bool = true) -> Query {
        arguments = []
        let ctes = countingCTEs(detail: false, paper: hasSource)
        // People with a counted attempt (their roster row looked up by primary key; none for
        // 工号 not on the roster, which come out with a NULL department), then people without
        // any (an anti-join on the attempt index). A LEFT JOIN of the roster with `counted`
        // would scan the materialised CTE once per person; `counted` is read once only, so
        // SQLite streams it instead of materialising it.
        let sitters = exemptFlag()
        let others = exemptFlag()
        let exams = list([scope.mainExamID] + scope.makeupExamIDs)
        let overdue = Array(Set(scope.overdue.list.map(\.staffID))).sorted()
        let overdueStaff = overdue.isEmpty ? "" : "AND s.staff_id NOT IN (\(list(overdue)))"
        let sql = """
            WITH \(ctes)
            SELECT s.department, s.active, \(sitters) AS exempt, c.side, CAST(ROUND(c.score * 100) AS INTEGER) AS hundredths,
                c.passed, c.excellent, COUNT(*) AS people, c.paper
            FROM counted c LEFT JOIN staff s ON s.staff_id = c.staff_id
            GROUP BY 1, 2, 3, 4, 5, 6, 7, 9
            UNION ALL
            SELECT s.department, s.active, \(others) AS exempt, NULL, NULL, NULL, NULL, COUNT(*), 0
            FROM staff s
            WHERE NOT EXISTS (
                SELECT 1 FROM attempt a WHERE a.exam_id IN (\(exams)) AND a.status = 'submitted' AND a.is_formal = 1 AND a.staff_id = s.staff_id)
                \(overdueStaff)
            GROUP BY 1, 2, 3
            """
        return Query(sql: sql, arguments: arguments)
    }

    /// `1` for an exempt person of `staff s`, else `0`.
    private mutating func exemptFlag() -> String {
        let exemptions = scope.policy.exemptions.keys.sorted()
        return exemptions.isEmpty ? "0" : "CASE WHEN s.staff_id IN (\(list(exemptions))) THEN 1 ELSE 0 END"
    }

    /// Whether `counted` can be read per person straight from the attempt
    /// index: one side (no make-up exam) and no overdue attempt to merge in.
    public var picksPerPerson: Bool { scope.makeupExamIDs.isEmpty && scope.overdue.list.isEmpty }

    /// One row per roster person (only when `picksPerPerson`): department
    /// text, active, exempt and the counted attempt packed in one integer —
    /// score in hundredths × 8 + 合格 × 4 + 优秀 × 2 + 线下 — or NULL for
    /// nobody. The pick is one index seek per person (`ORDER BY` the counting
    /// rule, `LIMIT 1`), where the window query numbers every attempt and the
    /// GROUP BY sorts every counted one; the caller counts in one pass.
    public mutating func personPicks(hasSource: Bool = true) -> Query {
        arguments = []
        let exam = bind(.text(scope.mainExamID))
        let sql = """
            SELECT s.department, s.active, \(exemptFlag()) AS exempt, (
                SELECT \(Self.packedPick(hasSource: hasSource))
                FROM attempt
                WHERE exam_id = \(exam) AND status = 'submitted' AND is_formal = 1 AND staff_id = s.staff_id
                ORDER BY \(Self.order(scope.selector.counting)) LIMIT 1) AS counted
            FROM staff s
            """
        return Query(sql: sql, arguments: arguments)
    }

    /// The roster in 工号 byte order (its primary-key index, no sort): 工号,
    /// department text, active, exempt — merged with `attemptPicks` by
    /// `StaffIDMerge`.
    public mutating func rosterStandings() -> Query {
        arguments = []
        let sql = "SELECT s.staff_id, s.department, s.active, \(exemptFlag()) AS exempt FROM staff s ORDER BY \(dialect.byteOrder("s.staff_id"))"
        return Query(sql: sql, arguments: arguments)
    }

    /// An attempt's score in hundredths × 8 + 合格 × 4 + 优秀 × 2 + 线下, one
    /// integer per person for the caller to unpack.
    static func packedPick(hasSource: Bool) -> String {
        let paper = hasSource ? "CASE WHEN source = 'paper' THEN 1 ELSE 0 END" : "0"
        return "CAST(ROUND(score * 100) AS INTEGER) * 8 + passed * 4 + excellent * 2 + \(paper)"
    }

    /// Every submitted formal attempt at the exam (only when
    /// `picksPerPerson`) in 工号 byte order, each person's counted attempt
    /// first (the counting rule's order): 工号 and the attempt packed as
    /// `personPicks` packs it. For the highest rule, one range of the
    /// `attempt_pick` index in its order, with no sort and no seek per person.
    public mutating func attemptPicks(hasSource: Bool = true) -> Query {
        arguments = []
        let sql = """
            SELECT staff_id, \(Self.packedPick(hasSource: hasSource))
            FROM attempt
            WHERE exam_id = \(bind(.text(scope.mainExamID))) AND status = 'submitted' AND is_formal = 1
            ORDER BY \(dialect.byteOrder("staff_id")), \(Self.order(scope.selector.counting))
            """
        return Query(sql: sql, arguments: arguments)
    }

    /// Every submitted formal attempt at the exam (only when
    /// `picksPerPerson`), a person's attempts adjacent: 工号, attempt id,
    /// exam id, score, 合格, 优秀, start and submission (seconds since 1970),
    /// paper. One pass of the `attempt_pick` index, already in 工号 order,
    /// where `picks` numbers every attempt in two more window sorts; the
    /// caller applies the counting rule per person as the rows arrive.
    /// `from` and `below` limit it to a range of 工号 (the index seeks there).
    public mutating func sittings(hasSource: Bool = true, from low: String? = nil, below high: String? = nil) -> Query {
        arguments = []
        let paper = hasSource ? "CASE WHEN source = 'paper' THEN 1 ELSE 0 END" : "0"
        let exam = bind(.text(scope.mainExamID))
        let range = (low.map { " AND staff_id >= \(bind(.text($0)))" } ?? "") + (high.map { " AND staff_id < \(bind(.text($0)))" } ?? "")
        let sql = """
            SELECT staff_id, id, exam_id, score, passed, excellent, \(dialect.unixSeconds("started_at")),
                \(dialect.unixSeconds("submitted_at")), \(paper)
            FROM attempt
            WHERE exam_id = \(exam) AND status = 'submitted' AND is_formal = 1\(range)
            ORDER BY staff_id
            """
        return Query(sql: sql, arguments: arguments)
    }

    /// How many 工号 not on the roster have a submitted formal attempt at
    /// the exam (with `personPicks`, which reads roster people only).
    public mutating func unknownSitters() -> Query {
        arguments = []
        let sql = """
            SELECT COUNT(DISTINCT a.staff_id) FROM attempt a
            WHERE a.exam_id = \(bind(.text(scope.mainExamID))) AND a.status = 'submitted' AND a.is_formal = 1
                AND NOT EXISTS (SELECT 1 FROM staff s WHERE s.staff_id = a.staff_id)
            """
        return Query(sql: sql, arguments: arguments)
    }

    /// One row per roster person: department text, active, exempt, 工号 and
    /// name — the 应考 counts and the 未参考 list of `absent` in one pass of
    /// the roster in its stored order, each 工号 looked up in the ordered
    /// `sitters` (`SortedBytes`).
    public mutating func attendance() -> Query {
        arguments = []
        return Query(sql: "SELECT s.department, s.active, \(exemptFlag()) AS exempt, s.staff_id, s.name FROM staff s", arguments: arguments)
    }

    /// Each 工号 with a submitted or overdue formal attempt at the exam or a
    /// make-up, in byte order, once per attempt (`SortedBytes` keeps each
    /// once): one pass of the `attempt_pick` index range, already in that
    /// order for one exam, where an `EXISTS` per roster person was one index
    /// seek each (most of `absent`'s time at 150,000 attempts, as in the
    /// sqlite3 shell's anti-join). Without `DISTINCT`, which compared each
    /// entry with the last in SQLite: at 150,000 attempts the range took
    /// 37 ms with it, 23 ms without.
    public mutating func sitters() -> Query {
        arguments = []
        let exams = list([scope.mainExamID] + scope.makeupExamIDs)
        let overdue = scope.overdue.list.map(\.id)
        let open = overdue.isEmpty
            ? "a.status = 'submitted'" : "(a.status = 'submitted' OR a.id IN (\(overdue.map { bind(.integer($0)) }.joined(separator: ", "))))"
        // The column is selected in byte order (PostgreSQL: COLLATE "C") and ordered by that.
        let sql = "SELECT \(dialect.byteOrder("a.staff_id")) AS staff_id FROM attempt a "
            + "WHERE a.exam_id IN (\(exams)) AND \(open) AND a.is_formal = 1 ORDER BY 1"
        return Query(sql: sql, arguments: arguments)
    }

    /// Every person's pick per side: 工号, side, attempt id, exam id, score,
    /// 合格, 优秀, start and submission (seconds since 1970), place by start, attempts on the side,
    /// whether it was entered from a paper (`hasSource`: the store has `attempt.source`).
    public mutating func picks(hasSource: Bool = true) -> Query {
        arguments = []
        let ctes = countingCTEs(detail: true, paper: hasSource)
        let sql = """
            WITH \(ctes)
            SELECT staff_id, side, id, exam_id, score, passed, excellent, \(dialect.unixSeconds("started_at")),
                \(dialect.unixSeconds("submitted_at")), ordinal, attempts, paper
            FROM picks
            """
        return Query(sql: sql, arguments: arguments)
    }
}
