import Foundation
import LawQuizCore

/// Each department's own counts, the distribution of counted scores and the
/// counted attempts by 工号 not on the roster, as the store aggregated them.
public struct AggregatedCounts: Sendable {
    public var counts: [DepartmentPath: DepartmentCounts] = [:]
    public var distribution = ScoreDistribution()
    public var unknownSitters = 0

    public func summary(fullMarks: Double) -> ParticipationSummary {
        ParticipationSummary(counts: counts, distribution: distribution, unknownSitters: unknownSitters, fullMarks: fullMarks)
    }

    public var rollup: DepartmentRollup { DepartmentRollup(counts: counts) }
}

extension ReportReader {
    /// Counts, sums and the counted attempt per person computed by the
    /// store (`ReportQueries.departmentCounts`); a few hundred grouped rows
    /// come back, whatever the number of people and attempts.
    public func aggregate(_ scope: ReportScope) throws -> AggregatedCounts {
        try read { db in
            var queries = ReportQueries(dialect: engine.dialect, scope: scope)
            let query = queries.departmentCounts(hasSource: try Self.hasSittingMode(db))
            var result = AggregatedCounts()
            var departments = DepartmentInterner()
            try db.scan(query.sql, query.arguments) { rows in
            while try rows.step() {
                  let people = Int(rows.int(7))
                  guard !rows.isNull(0) else {
                      result.unknownSitters += people
                      continue
                  }
                  let key = departments.key(rows, 0)
                  let department = departments.paths[key]
                  let status = Self.status(active: rows.int(1) != 0, exempt: rows.int(2) != 0, department, scope.policy)
                  let hundredths = rows.isNull(4) ? nil : Int(rows.int(4))
                  result.counts[department, default: DepartmentCounts()].add(
                      status: status, count: people, score: hundredths.map { DecimalRounding.value($0, places: 2) },
                      passed: rows.int(5) != 0, excellent: rows.int(6) != 0, makeup: rows.int(3) == 1, paper: rows.int(8) != 0)
                  if status == .required, let hundredths { result.distribution.add(hundredths: hundredths, count: people) }
              }
            }
            return result
        }
    }

    /// 应考 people per department from the roster alone (no attempt read),
    /// with `absent` taken out as not having sat: what `absent` prints
    /// (应考 and 未参考 counts; scores and 合格/优秀 are not filled in).
    public func absentCounts(_ scope: ReportScope, absent: ExamOutcomes) throws -> AggregatedCounts {
        var queries = ReportQueries(dialect: engine.dialect, scope: scope)
        let query = queries.rosterCounts()
        var missing: [DepartmentPath: Int] = [:]
        for outcome in absent.people { missing[outcome.person.department, default: 0] += 1 }
        return try read { db in
            var result = AggregatedCounts()
            try db.scan(query.sql, query.arguments) { rows in
            while try rows.step() {
                  let department = DepartmentPath(parsing: rows.string(0))
                  let status: RequirementPolicy.Status = Self.status(active: rows.int(1) != 0, exempt: rows.int(2) != 0, department, scope.policy)
                  result.counts[department, default: DepartmentCounts()].add(
                      status: status, count: Int(rows.int(3)), score: nil, passed: false, excellent: false, makeup: false)
              }
            }
            for (department, count) in result.counts where count.required > 0 {
                result.counts[department]?.sat = count.required - (missing[department] ?? 0)
            }
            return result
        }
    }

    /// A person's standing from what the queries return.
    static func status(active: Bool, exempt: Bool, _ department: DepartmentPath, _ policy: RequirementPolicy) -> RequirementPolicy.Status {
        !active ? .inactive : !policy.covers(department) ? .outsideScope : exempt ? .exempt("") : .required
    }

    /// Required people with no submitted or overdue attempt (未参考), by
    /// department tree then 工号: only they are read.
    public func absentPeople(_ scope: ReportScope) throws -> ExamOutcomes {
        var queries = ReportQueries(dialect: engine.dialect, scope: scope)
        let query = queries.absentCandidates()
        let people = try read { db in
            var people: [ReportPerson] = []
            var departments = DepartmentInterner()
            var covered: [Bool] = []
            try db.scan(query.sql, query.arguments) { rows in
            while try rows.step() {
                  let key = departments.key(rows, 2)
                  if key == covered.count { covered.append(scope.policy.covers(departments.paths[key])) }
                  guard covered[key] else { continue }
                  people.append(ReportPerson(staffID: rows.string(0), name: rows.string(1), department: departments.paths[key], departmentKey: key))
              }
            }
            return people
        }
        return ExamOutcomes.build(roster: people, counted: [:], policy: scope.policy)
    }

    /// Each 工号's counted attempt, chosen by the store's window query and
    /// merged across make-ups by `AttemptSelector.merge`.
    public func countedAttempts(_ scope: ReportScope) throws -> [String: CountedAttempt] {
        let sides = try read { db in
            var queries = ReportQueries(dialect: engine.dialect, scope: scope)
            let query = queries.picks(hasSource: try Self.hasSittingMode(db))
            var sides: [String: (main: AttemptSelector.SidePick?, makeup: AttemptSelector.SidePick?)] = [:]
            var exams = ByteInterner()
            try db.scan(query.sql, query.arguments) { rows in
            while try rows.step() {
                  let (exam, _) = rows.withBytes(3) { exams.index(of: $0) }
                  let staffID = rows.string(0)
                  let makeup = rows.int(1) == 1
                  let attempt = ReportAttempt(
                      id: rows.int(2), examID: exams.values[exam], staffID: staffID, score: rows.double(4), passed: rows.int(5) != 0,
                      excellent: rows.int(6) != 0, startedAt: Self.date(rows.double(7)),
                      submittedAt: rows.isNull(8) ? nil : Self.date(rows.double(8)), source: makeup ? .makeup : .main,
                      onPaper: rows.int(11) != 0)
                  let pick = AttemptSelector.SidePick(attempt: attempt, ordinal: Int(rows.int(9)), count: Int(rows.int(10)))
                  if makeup { sides[staffID, default: (nil, nil)].makeup = pick } else { sides[staffID, default: (nil, nil)].main = pick }
              }
            }
            return sides
        }
        return sides.compactMapValues { scope.selector.merge(main: $0.main, makeup: $0.makeup) }
    }

    /// Whether the store has `attempt.source` (v5-paper): report readers
    /// never migrate, and an older store's attempts were all online.
    static func hasSittingMode(_ db: any StoreConnection) throws -> Bool {
        try db.columnExists("attempt", "source")
    }
}
