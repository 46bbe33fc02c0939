import Foundation
import LawQuizCore

extension ReportReader {
    /// Streams every roster member's outcome in department tree order, then
    /// 工号 (the order of `ExamOutcomes.people`), from one statement
    /// (`ReportQueries.resultRows`): only one person's attempts are held at a
    /// time, so an export's memory does not grow with the roster. Each
    /// person's counted attempt is chosen by `AttemptSelector.select` as their
    /// rows arrive; overdue attempts count as `scope.overdue` grades them.
    ///
    /// `byDepartment` false: in 工号 order alone, without ordering the
    /// departments (for a caller that groups them itself). On SQLite the
    /// roster and the attempts are then read by two statements, each in
    /// 工号 order from an index (`rosterRows`, `attemptRows`), and merged
    /// here: one pass of each index instead of an index search per person.
    public func forEachOutcome(_ scope: ReportScope, byDepartment: Bool = true, _ body: (PersonOutcome) throws -> Void) throws {
        try read { db in
            var queries = ReportQueries(dialect: engine.dialect, scope: scope)
            let hasSource = try Self.hasSittingMode(db)
            var stream = OutcomeStream(scope: scope)
            if !byDepartment, engine.dialect.hasRowIDs {
                // Two statements stepped together on one connection (SQLite allows it; a PostgreSQL connection runs one at a time).
                let roster = queries.rosterRows(), attempts = queries.attemptRows(hasSource: hasSource)
                // Times come as stored; a value `StoredTimestamp` cannot read is converted by SQLite.
                let unixSeconds = "SELECT " + engine.dialect.unixSeconds("?")
                stream.storedTime = { value in try db.value(Double.self, unixSeconds, [value]) }
                try db.scan(attempts.sql, attempts.arguments) { attemptRows in
                    try db.scan(roster.sql, roster.arguments) { try stream.merge(roster: $0, attempts: attemptRows, body) }
                }
            } else {
                let query = queries.resultRows(
                    ranks: byDepartment ? try Self.departmentRanks(db) : nil, hasSource: hasSource, byDepartment: byDepartment)
                try db.scan(query.sql, query.arguments) { try stream.read(joined: $0, body) }
            }
            try stream.finish(body)
        }
    }

    /// Department text → position in tree order, for ordering the roster in
    /// SQL; nil when sorting the texts by their bytes already gives the tree
    /// order with one text per department (the usual roster), so the
    /// statement orders by the text itself.
    static func departmentRanks(_ db: any StoreConnection) throws -> [String: Int]? {
        let texts = try db.values(String.self, "SELECT DISTINCT department FROM staff").sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let paths = texts.map(DepartmentPath.init(parsing:))
        if zip(paths, paths.dropFirst()).allSatisfy({ $0 < $1 }) { return nil }
        let order = Array(Set(paths)).sorted()
        let rank = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return Dictionary(zip(texts, paths.map { rank[$0] ?? 0 }), uniquingKeysWith: { first, _ in first })
    }
}

/// The outcomes of a stream of roster and attempt rows: one person's attempts
/// gathered as their rows arrive, the outcome handed on when the next
/// person starts.
private struct OutcomeStream {
    let scope: ReportScope
    private var departments = DepartmentInterner()
    private var exams = ByteInterner()
    /// Per interned exam id: whether it is the main exam's.
    private var examIsMain: [Bool] = []
    private var person: ReportPerson?
    /// The current person's 工号, compared with the joined rows'.
    private var staffIDs = StaffIDMerge()
    private var main: [ReportAttempt] = [], makeup: [ReportAttempt] = []
    /// Set when the rows carry start and submission as stored (SQLite's
    /// text): converts a value `StoredTimestamp` does not read (another
    /// shape, or not text), as it is stored.
    var storedTime: ((SQLValue) throws -> Double?)?

    init(scope: ReportScope) { self.scope = scope }

    /// Reads the roster rows of `resultRows` joined with their attempts,
    /// a person's rows adjacent. (The loops are methods so that the stream
    /// is updated in place, not copied into the scan's closures.)
    mutating func read(joined rows: any SQLRowCursor, _ body: (PersonOutcome) throws -> Void) throws {
        while try rows.step() {
            if staffIDs.compare(rows) != 0 {
                staffIDs.begin(rows)
                try start(rows, body)
            }
            if !rows.isNull(4) { try add(rows, from: 4) }
        }
    }

    /// Merges the roster (`rosterRows`) with the attempts (`attemptRows`),
    /// both in 工号 order; attempts of 工号 not on the roster are passed over.
    mutating func merge(roster rows: any SQLRowCursor, attempts: any SQLRowCursor, _ body: (PersonOutcome) throws -> Void) throws {
        var walk = StaffIDMerge()
        try walk.run(roster: rows, attempts: attempts) { row, cursor in
            switch row {
            case .person: try start(cursor, body)
            case .attempt: try add(cursor, from: 1)
            case .stray: break
            }
        }
    }

    /// Hands on the current person's outcome and starts the person of the
    /// row: 工号, name, department, active in columns 0–3.
    mutating func start(_ rows: any SQLRowCursor, _ body: (PersonOutcome) throws -> Void) throws {
        try finish(body)
        let key = departments.key(rows, 2)
        person = ReportPerson(
            staffID: rows.string(0), name: rows.string(1), department: departments.paths[key], active: rows.int(3) != 0, departmentKey: key)
    }

    /// Adds the current person's attempt in columns `base`… of the row (id,
    /// exam id, score, 合格, 优秀, start, submission, paper, status), unless
    /// it is still open and not overdue.
    mutating func add(_ rows: any SQLRowCursor, from base: Int32) throws {
        guard let staffID = person?.staffID else { return }
        let id = rows.int(base)
        let attempt: ReportAttempt
        if rows.withBytes(base + 8, { $0.elementsEqual("submitted".utf8) }) {
            let (exam, isNew) = rows.withBytes(base + 1) { exams.index(of: $0) }
            if isNew { examIsMain.append(exams.values[exam] == scope.mainExamID) }
            attempt = ReportAttempt(
                id: id, examID: exams.values[exam], staffID: staffID, score: rows.double(base + 2), passed: rows.int(base + 3) != 0,
                excellent: rows.int(base + 4) != 0, startedAt: try seconds(rows, base + 5).map(ReportReader.date) ?? ReportReader.date(0),
                submittedAt: try seconds(rows, base + 6).map(ReportReader.date),
                source: examIsMain[exam] ? .main : .makeup, onPaper: rows.int(base + 7) != 0)
        } else if let overdue = scope.overdue.attempts[id] {
            attempt = overdue
        } else {
            return  // still open, deadline not passed
        }
        if attempt.source == .main { main.append(attempt) } else { makeup.append(attempt) }
    }

    /// Seconds since 1970 in `column`, nil when NULL (or, stored, when SQLite
    /// cannot read the value either: NULL for `julianday()` as well).
    private func seconds(_ rows: any SQLRowCursor, _ column: Int32) throws -> Double? {
        if rows.isNull(column) { return nil }
        guard let storedTime else { return rows.double(column) }
        if let milliseconds = rows.withBytes(column, StoredTimestamp.milliseconds) { return Double(milliseconds) / 1000 }
        return try storedTime(rows.value(column))
    }

    /// Hands on the current person's outcome, if any.
    mutating func finish(_ body: (PersonOutcome) throws -> Void) throws {
        guard let done = person else { return }
        person = nil
        let counted = main.isEmpty && makeup.isEmpty ? nil : scope.selector.select(main: main, makeup: makeup)
        try body(PersonOutcome(person: done, status: scope.policy.status(of: done), counted: counted))
        main.removeAll(keepingCapacity: true)
        makeup.removeAll(keepingCapacity: true)
    }
}
