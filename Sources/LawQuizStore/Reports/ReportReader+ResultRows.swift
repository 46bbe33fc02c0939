import Foundation
import LawQuizCore

extension ReportReader {
    /// Streams every roster member's outcome in department tree order, then
    /// 工号 (the order of `ExamOutcomes.people`), from one statement
    /// (`ReportQueries.resultRows`): only one person's attempts are held at a
    /// time, so an export's memory does not grow with the roster. Each
    /// person's counted attempt is chosen by `AttemptSelector.select` as their
    /// rows arrive; overdue attempts count as `scope.overdue` grades them.
    /// `byDepartment` false: in 工号 order alone, without ordering the
    /// departments (for a caller that groups them itself).
    public func forEachOutcome(_ scope: ReportScope, byDepartment: Bool = true, _ body: (PersonOutcome) throws -> Void) throws {
        try read { db in
            var queries = ReportQueries(dialect: engine.dialect, scope: scope)
            let query = queries.resultRows(
                ranks: byDepartment ? try Self.departmentRanks(db) : nil, hasSource: try Self.hasSittingMode(db), byDepartment: byDepartment)
            var departments = DepartmentInterner()
            var exams = ByteInterner()
            var person: ReportPerson?
            var main: [ReportAttempt] = [], makeup: [ReportAttempt] = []
            func finishPerson() throws {
                guard let done = person else { return }
                let counted = main.isEmpty && makeup.isEmpty ? nil : scope.selector.select(main: main, makeup: makeup)
                try body(PersonOutcome(person: done, status: scope.policy.status(of: done), counted: counted))
                main.removeAll(keepingCapacity: true)
                makeup.removeAll(keepingCapacity: true)
            }
            try db.scan(query.sql, query.arguments) { rows in
              while try rows.step() {
                let samePerson = person.map { current in rows.withBytes(0) { $0.elementsEqual(current.staffID.utf8) } } ?? false
                if !samePerson {
                    try finishPerson()
                    let key = departments.key(rows, 2)
                    person = ReportPerson(
                        staffID: rows.string(0), name: rows.string(1), department: departments.paths[key], active: rows.int(3) != 0,
                        departmentKey: key)
                }
                guard !rows.isNull(4), let staffID = person?.staffID else { continue }
                let id = rows.int(4)
                let attempt: ReportAttempt
                if rows.withBytes(12, { $0.elementsEqual("submitted".utf8) }) {
                    let (exam, _) = rows.withBytes(5) { exams.index(of: $0) }
                    let examID = exams.values[exam]
                    attempt = ReportAttempt(
                        id: id, examID: examID, staffID: staffID, score: rows.double(6), passed: rows.int(7) != 0,
                        excellent: rows.int(8) != 0, startedAt: Self.date(rows.double(9)),
                        submittedAt: rows.isNull(10) ? nil : Self.date(rows.double(10)),
                        source: examID == scope.mainExamID ? .main : .makeup, onPaper: rows.int(11) != 0)
                } else if let overdue = scope.overdue.attempts[id] {
                    attempt = overdue
                } else {
                    continue  // still open, deadline not passed
                }
                if attempt.source == .main { main.append(attempt) } else { makeup.append(attempt) }
              }
            }
            try finishPerson()
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
