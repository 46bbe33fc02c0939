import Foundation
import LawQuizCore

/// Read-only access to the results store for the administration commands.
/// Opened with SQLite's read-only flag, so `stats`, `absent`, `items` and
/// `export` cannot change stored results whatever happens, and never create
/// a store that does not exist.
public final class ReportReader: Sendable {
    /// Where the store is, for messages.
    public var location: String { engine.location }
    let engine: any StoreEngine
    /// Whether the store has answer sheets (v7; a store not yet opened for
    /// writing by this version has not).
    let hasSheets: Bool

    /// Opens an SQLite store read-only.
    public convenience init(path: URL) throws {
        guard FileManager.default.fileExists(atPath: path.path) else { throw ReportStoreError.missing(path: path.path) }
        try self.init(engine: SQLiteReadEngine(path: path, busyTimeout: ResultsStore.busyTimeout))
    }

    /// Reports on an engine already open (PostgreSQL: every read is a
    /// READ ONLY transaction). Refuses a database without the results tables.
    public init(engine: any StoreEngine) throws {
        self.engine = engine
        let (tables, sheets) = try engine.read { db in
            (try ["staff", "attempt", "paper_item", "response"].filter { try !db.tableExists($0) }, try db.tableExists("answer_sheet"))
        }
        guard tables.isEmpty else { throw ReportStoreError.notResultsStore(path: engine.location) }
        hasSheets = sheets
    }

    /// A read.
    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T { try engine.read(body) }

    /// Everyone ever on the roster, active or not (results refer to people
    /// who left), with departments interned so reports group by integer.
    public func roster() throws -> [ReportPerson] {
        try read { db in
            var people: [ReportPerson] = []
            var departments = DepartmentInterner()
            try db.scan("SELECT staff_id, name, department, active FROM staff", []) { rows in
              while try rows.step() {
                let key = departments.key(rows, 2)
                people.append(ReportPerson(
                    staffID: rows.string(0), name: rows.string(1), department: departments.paths[key], active: rows.int(3) != 0,
                    departmentKey: key))
              }
            }
            return people
        }
    }

    /// Submitted formal attempts at the given exams, tagged main or make-up,
    /// one row each: the input of the counting rules applied in Swift, kept
    /// as the independent check of the store's own aggregation (tests).
    public func submittedAttempts(main examID: String, makeups: [String]) throws -> [ReportAttempt] {
        let exams = [examID] + makeups
        let marks = exams.map { _ in "?" }.joined(separator: ", ")
        return try read { db in
            var attempts: [ReportAttempt] = []
            let sql = """
                SELECT id, exam_id, staff_id, score, passed, excellent,
                    \(db.dialect.unixSeconds("started_at")), \(db.dialect.unixSeconds("submitted_at")),
                    \(try Self.hasSittingMode(db) ? "CASE WHEN source = 'paper' THEN 1 ELSE 0 END" : "0")
                FROM attempt
                WHERE exam_id IN (\(marks)) AND status = 'submitted' AND is_formal = 1
                """
            var examNames = ByteInterner()
            try db.scan(sql, exams.map(\.sqlValue)) { rows in
              while try rows.step() {
                let (exam, _) = rows.withBytes(1) { examNames.index(of: $0) }
                let name = examNames.values[exam]
                attempts.append(ReportAttempt(
                    id: rows.int(0), examID: name, staffID: rows.string(2), score: rows.double(3), passed: rows.int(4) != 0,
                    excellent: rows.int(5) != 0, startedAt: Self.date(rows.double(6)),
                    submittedAt: rows.isNull(7) ? nil : Self.date(rows.double(7)), source: name == examID ? .main : .makeup,
                    onPaper: rows.int(8) != 0))
              }
            }
            return attempts
        }
    }

    /// Exam ids with any attempt in the store, for "unknown exam" messages.
    public func examIDs() throws -> [String] {
        try read { db in try db.values(String.self, "SELECT DISTINCT exam_id FROM attempt ORDER BY exam_id") }
    }

    /// Unix seconds from julianday arithmetic, rounded to the millisecond GRDB stores.
    static func date(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000)
    }
}
