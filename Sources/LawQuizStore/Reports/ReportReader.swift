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

    /// Everyone ever on the roster, active or not (results refer to people who left).
    public func roster() throws -> [ReportPerson] {
        try read { db in
            var people: [ReportPerson] = []
            var departments: [String: DepartmentPath] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT staff_id, name, department, active FROM staff")
            while let row = try rows.next() {
                let text: String = row[2]
                let department = departments[text] ?? DepartmentPath(parsing: text)
                departments[text] = department
                people.append(ReportPerson(staffID: row[0], name: row[1], department: department, active: row[3]))
            }
            return people
        }
    }

    /// Submitted formal attempts at the given exams, tagged main or make-up.
    public func submittedAttempts(main examID: String, makeups: [String]) throws -> [ReportAttempt] {
        let exams = [examID] + makeups
        let marks = exams.map { _ in "?" }.joined(separator: ", ")
        return try read { db in
            var attempts: [ReportAttempt] = []
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT id, exam_id, staff_id, score, passed, excellent,
                        (julianday(started_at) - 2440587.5) * 86400.0, (julianday(submitted_at) - 2440587.5) * 86400.0
                    FROM attempt
                    WHERE exam_id IN (\(marks)) AND status = 'submitted' AND is_formal = 1
                    """, arguments: StatementArguments(exams))
            while let row = try rows.next() {
                let exam: String = row[1]
                let submitted: Double? = row[7]
                attempts.append(ReportAttempt(
                    id: row[0], examID: exam, staffID: row[2], score: row[3] ?? 0, passed: row[4] ?? false,
                    excellent: row[5] ?? false, startedAt: Self.date(row[6]), submittedAt: submitted.map(Self.date),
                    source: exam == examID ? .main : .makeup))
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
