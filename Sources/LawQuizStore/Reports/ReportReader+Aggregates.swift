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
    /// Counts, sums and the counted attempt per person. With one side and no
    /// overdue attempt (`ReportQueries.picksPerPerson`) the roster and each
    /// person's counted attempt come in 工号 order and are counted here in
    /// one pass (`countPicks`); otherwise the store's window query and GROUP
    /// BY (`ReportQueries.departmentCounts`) return a few hundred grouped rows.
    public func aggregate(_ scope: ReportScope) throws -> AggregatedCounts {
        try read { db in
            var queries = ReportQueries(dialect: engine.dialect, scope: scope)
            let hasSource = try Self.hasSittingMode(db)
            if queries.picksPerPerson { return try Self.countPicks(db, &queries, hasSource: hasSource) }
            let query = queries.departmentCounts(hasSource: hasSource)
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

    /// `aggregate` with one side and no overdue attempt. On SQLite the
    /// roster (`rosterStandings`) and the attempts (`attemptPicks`), each in
    /// 工号 order from an index, are merged (`StaffIDMerge`): a person's first
    /// attempt is the counted one, and 工号 not on the roster are counted in
    /// the same pass. A server store reads `personPicks` (a row per roster
    /// person) and then counts the 工号 not on the roster (`unknownSitters`).
    private static func countPicks(_ db: any StoreConnection, _ queries: inout ReportQueries, hasSource: Bool) throws -> AggregatedCounts {
        var tallies = DepartmentTallies(policy: queries.scope.policy)
        var result = AggregatedCounts()
        func add(_ person: (key: Int, status: RequirementPolicy.Status), _ packed: Int64?) {
            guard let packed else {
                tallies.counts[person.key].add(status: person.status, score: nil, passed: false, excellent: false, makeup: false)
                return
            }
            let hundredths = Int(packed >> 3)
            tallies.counts[person.key].add(
                status: person.status, score: DecimalRounding.value(hundredths, places: 2), passed: packed & 4 != 0,
                excellent: packed & 2 != 0, makeup: false, paper: packed & 1 != 0)
            if person.status == .required { result.distribution.add(hundredths: hundredths) }
        }
        if db.dialect.hasRowIDs {
            // Two statements stepped together on one connection (SQLite allows it).
            let roster = queries.rosterStandings(), attempts = queries.attemptPicks(hasSource: hasSource)
            var person: (key: Int, status: RequirementPolicy.Status)?
            var pick: Int64?
            var stray: [UInt8]?
            var walk = StaffIDMerge()
            try db.scan(attempts.sql, attempts.arguments) { attemptRows in
                try db.scan(roster.sql, roster.arguments) { rosterRows in
                    try walk.run(roster: rosterRows, attempts: attemptRows) { row, rows in
                        switch row {
                        case .person:
                            if let person { add(person, pick) }
                            person = tallies.standing(rows, from: 1)
                            pick = nil
                        case .attempt:
                            if pick == nil { pick = rows.int(1) }
                        case .stray:
                            // Attempts arrive in 工号 order: a new 工号 differs from the previous stray's.
                            let same = rows.withBytes(0) { bytes in stray.map { bytes.elementsEqual($0) } ?? false }
                            if !same {
                                result.unknownSitters += 1
                                stray = rows.withBytes(0) { Array($0) }
                            }
                        }
                    }
                }
            }
            if let person { add(person, pick) }
        } else {
            let query = queries.personPicks(hasSource: hasSource)
            try db.scan(query.sql, query.arguments) { rows in
                while try rows.step() { add(tallies.standing(rows), rows.isNull(3) ? nil : rows.int(3)) }
            }
            let unknown = queries.unknownSitters()
            result.unknownSitters = Int(try db.values(Int64.self, unknown.sql, unknown.arguments).first ?? 0)
        }
        result.counts = tallies.byDepartment
        return result
    }

    /// A person's standing from what the queries return.
    static func status(active: Bool, exempt: Bool, _ department: DepartmentPath, _ policy: RequirementPolicy) -> RequirementPolicy.Status {
        !active ? .inactive : !policy.covers(department) ? .outsideScope : exempt ? .exempt("") : .required
    }

    /// `absent` from one pass of the roster (`ReportQueries.attendance`)
    /// after one of the sitters' 工号 in byte order (`ReportQueries.sitters`),
    /// each required 工号 looked up there: required people with no submitted or overdue
    /// attempt (未参考), by department tree then 工号, and the 应考 and 未参考
    /// counts per department (scores and 合格/优秀 are not filled in).
    public func absentees(_ scope: ReportScope) throws -> (people: ExamOutcomes, counts: AggregatedCounts) {
        var queries = ReportQueries(dialect: engine.dialect, scope: scope)
        let sitters = queries.sitters()
        let query = queries.attendance()
        let (people, tallies) = try read { db -> ([ReportPerson], DepartmentTallies) in
            var pass = AttendancePass(policy: scope.policy)
            try db.scan(sitters.sql, sitters.arguments) { rows in
                try AttendancePass.read(rows, { try pass.readSitters($0) }, { try pass.readSitters($0) })
            }
            try db.scan(query.sql, query.arguments) { rows in
                try AttendancePass.read(rows, { try pass.readRoster($0) }, { try pass.readRoster($0) })
            }
            return (pass.absent, pass.tallies)
        }
        var counts = AggregatedCounts()
        counts.counts = tallies.byDepartment
        return (ExamOutcomes.build(roster: people, counted: [:], policy: scope.policy), counts)
    }

    /// Each 工号's counted attempt, chosen by the store's window query and
    /// merged across make-ups by `AttemptSelector.merge`; with one side and
    /// no overdue attempt (`ReportQueries.picksPerPerson`), chosen per person
    /// by `AttemptSelector.select` from one ordered pass of the attempts
    /// (`countedSittings`), which costs no window sort.
    public func countedAttempts(_ scope: ReportScope) throws -> [String: CountedAttempt] {
        if ReportQueries(dialect: engine.dialect, scope: scope).picksPerPerson { return try countedSittings(scope) }
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

    /// `countedAttempts`, with the ordered pass (`picksPerPerson`) cut at
    /// `splits` (工号, ascending in byte order) into ranges read in parallel
    /// on SQLite, each on a read-only connection of its own; a person's
    /// attempts never span two ranges, wherever the cuts fall. One table on a
    /// server store, or when the window query is needed.
    public func countedAttempts(_ scope: ReportScope, splits: [String]) throws -> CountedAttemptRanges {
        guard let sqlite = engine as? SQLiteReadEngine, !splits.isEmpty, ReportQueries(dialect: engine.dialect, scope: scope).picksPerPerson else {
            return CountedAttemptRanges(splits: [], parts: [try countedAttempts(scope)])
        }
        let bounds: [String?] = [nil] + splits.map { Optional($0) } + [nil]
        let engines: [any StoreEngine] = try [engine] + splits.map { _ in
            try SQLiteReadEngine(path: sqlite.path, busyTimeout: ResultsStore.busyTimeout)
        }
        var parts = [[String: CountedAttempt]](repeating: [:], count: engines.count)
        try parts.withUnsafeMutableBufferPointer { buffer in
            // Each thread writes only its own slot.
            let slots = UncheckedBox(buffer)
            try Self.parallel(engines.count) { part in
                slots.value[part] = try countedSittings(scope, engine: engines[part], from: bounds[part], below: bounds[part + 1])
            }
        }
        return CountedAttemptRanges(splits: splits, parts: parts)
    }

    /// `countedAttempts` from `ReportQueries.sittings`: a person's attempts
    /// arrive adjacent and are handed to the counting rule once the next
    /// person's begin.
    private func countedSittings(
        _ scope: ReportScope, engine part: (any StoreEngine)? = nil, from low: String? = nil, below high: String? = nil
    ) throws -> [String: CountedAttempt] {
        try (part ?? engine).read { db in
            var queries = ReportQueries(dialect: engine.dialect, scope: scope)
            let query = queries.sittings(hasSource: try Self.hasSittingMode(db), from: low, below: high)
            var counted: [String: CountedAttempt] = [:]
            var exams = ByteInterner()
            var attempts: [ReportAttempt] = []
            func finishPerson() {
                guard let staffID = attempts.first?.staffID else { return }
                counted[staffID] = scope.selector.select(main: attempts, makeup: [])
                attempts.removeAll(keepingCapacity: true)
            }
            try db.scan(query.sql, query.arguments) { rows in
                while try rows.step() {
                    let same = attempts.first.map { current in rows.withBytes(0) { $0.elementsEqual(current.staffID.utf8) } } ?? false
                    if !same { finishPerson() }
                    let (exam, _) = rows.withBytes(2) { exams.index(of: $0) }
                    attempts.append(ReportAttempt(
                        id: rows.int(1), examID: exams.values[exam], staffID: same ? attempts[0].staffID : rows.string(0), score: rows.double(3),
                        passed: rows.int(4) != 0, excellent: rows.int(5) != 0, startedAt: Self.date(rows.double(6)),
                        submittedAt: rows.isNull(7) ? nil : Self.date(rows.double(7)), source: .main, onPaper: rows.int(8) != 0))
                }
            }
            finishPerson()
            return counted
        }
    }

    /// Whether the store has `attempt.source` (v5-paper): report readers
    /// never migrate, and an older store's attempts were all online.
    static func hasSittingMode(_ db: any StoreConnection) throws -> Bool {
        try db.columnExists("attempt", "source")
    }
}
