import Foundation
import GRDB
import LawQuizCore

/// Read-only access to the results store for the administration commands.
/// Opened with SQLite's read-only flag, so `stats`, `absent`, `items` and
/// `export` cannot change stored results whatever happens, and never create
/// a store that does not exist.
public final class ReportReader: Sendable {
    public let path: URL
    let queue: DatabaseQueue

    public init(path: URL) throws {
        self.path = path
        guard FileManager.default.fileExists(atPath: path.path) else { throw ReportStoreError.missing(path: path.path) }
        do {
            queue = try Self.openQueue(path)
            let tables = try queue.read { db in
                try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            guard tables.isSuperset(of: ["staff", "attempt", "paper_item", "response"]) else {
                throw ReportStoreError.notResultsStore(path: path.path)
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path.path)
        }
    }

    /// A read-only connection (SQLite's read-only flag: nothing can be written).
    static func openQueue(_ path: URL) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(ResultsStore.busyTimeout)
        configuration.label = "lawquiz-reports"
        // Reading pages through a memory map (LAWQUIZ_MMAP_MB) saves a copy per
        // page in the sqlite3 shell, but measured no faster here with two scan
        // threads, and mapped pages inflate the resident size: off by default.
        let megabytes = ProcessInfo.processInfo.environment["LAWQUIZ_MMAP_MB"].flatMap(Int.init) ?? 0
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(max(0, megabytes) * 1_048_576)") }
        do {
            return try DatabaseQueue(path: path.path, configuration: configuration)
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path.path)
        }
    }

    /// A read; SQLite errors become `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.read(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path.path)
        }
    }

    /// Everyone ever on the roster, active or not (results refer to people
    /// who left), with departments interned so reports group by integer.
    public func roster() throws -> [ReportPerson] {
        try read { db in
            var people: [ReportPerson] = []
            var interner = ByteInterner()
            var departments: [DepartmentPath] = []
            let rows = try RawRows(db, sql: "SELECT staff_id, name, department, active FROM staff")
            while try rows.step() {
                let (key, isNew) = interner.index(of: rows.bytes(2))
                if isNew { departments.append(DepartmentPath(parsing: interner.values[key])) }
                people.append(ReportPerson(
                    staffID: rows.string(0), name: rows.string(1), department: departments[key], active: rows.int(3) != 0, departmentKey: key))
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
            let rows = try RawRows(
                db,
                sql: """
                    SELECT id, exam_id, staff_id, score, passed, excellent,
                        \(Self.unix("started_at")), \(Self.unix("submitted_at")),
                        \(try Self.hasSittingMode(db) ? "source = 'paper'" : "0")
                    FROM attempt
                    WHERE exam_id IN (\(marks)) AND status = 'submitted' AND is_formal = 1
                    """, arguments: StatementArguments(exams))
            var examNames = ByteInterner()
            while try rows.step() {
                let (exam, _) = examNames.index(of: rows.bytes(1))
                let name = examNames.values[exam]
                attempts.append(ReportAttempt(
                    id: rows.int(0), examID: name, staffID: rows.string(2), score: rows.double(3), passed: rows.int(4) != 0,
                    excellent: rows.int(5) != 0, startedAt: Self.date(rows.double(6)),
                    submittedAt: rows.isNull(7) ? nil : Self.date(rows.double(7)), source: name == examID ? .main : .makeup,
                    onPaper: rows.int(8) != 0))
            }
            return attempts
        }
    }

    /// Exam ids with any attempt in the store, for "unknown exam" messages.
    public func examIDs() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "SELECT DISTINCT exam_id FROM attempt ORDER BY exam_id") }
    }

    /// Unix seconds from julianday arithmetic, rounded to the millisecond GRDB stores.
    static func date(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: (seconds * 1000).rounded() / 1000)
    }
}
