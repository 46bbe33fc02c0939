import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#else
    import SQLite3
#endif

/// An SQLite results file opened read-only for the administration reports,
/// on SQLite's C API. GRDB's connection set-up (its SQL functions,
/// collations and statement authoriser) and its read machinery (a dispatch
/// queue, SQL built per read) were about a tenth of a report's start-up CPU,
/// mostly the Swift runtime's first protocol-conformance look-ups, and the
/// reports use none of it: their statements run as written and their rows
/// are read through `RawRows`. Opened with SQLite's read-only flag, so
/// nothing can be written whatever happens; each `read` is one transaction
/// (one snapshot of the file); errors are GRDB's `DatabaseError`s mapped as
/// `SQLiteEngine` maps them. The write connection stays `SQLiteEngine`.
public final class SQLiteReadEngine: StoreEngine, @unchecked Sendable {
    public let path: URL
    /// Used under `lock` only: one read at a time, as GRDB's queue did. So
    /// it is opened in SQLite's multi-thread mode (no mutex of its own), as
    /// GRDB opened it: the serialized mode locks a mutex at every column
    /// read, 10% more CPU for `stats` at 75,000 attempts.
    private let connection: OpaquePointer
    private let lock = NSLock()
    /// Statements of `rows` and `execute` by SQL text, reset after each use
    /// (the grading of overdue attempts runs the same queries per attempt).
    private var prepared: [String: OpaquePointer] = [:]

    public var location: String { path.path }
    public var dialect: any SQLDialect { SQLiteDialect() }

    /// Opens an existing file; `busyTimeout` is how long a read waits for a writer's lock.
    public init(path: URL, busyTimeout: TimeInterval) throws {
        self.path = path
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path.path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close(handle)
            throw StoreError.from(DatabaseError(resultCode: ResultCode(rawValue: code), message: message), path: path.path)
        }
        connection = handle
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, Int32(min(max(0, busyTimeout) * 1000, Double(Int32.max))))
        // Reading pages through a memory map (LAWQUIZ_MMAP_MB) saves a copy per
        // page in the sqlite3 shell, but measured no faster here with two scan
        // threads, and mapped pages inflate the resident size: off by default.
        let megabytes = getenv("LAWQUIZ_MMAP_MB").flatMap { Int(String(cString: $0)) } ?? 0
        do {
            // Also the first read of the file: one that is not a database fails here, as GRDB's open did.
            try run("PRAGMA mmap_size = \(max(0, megabytes) * 1_048_576)")
            try run("SELECT 1 FROM sqlite_master LIMIT 1")
        } catch let error as DatabaseError {
            sqlite3_close(handle)
            throw StoreError.from(error, path: path.path)
        }
    }

    deinit {
        for statement in prepared.values { sqlite3_finalize(statement) }
        sqlite3_close(connection)
    }

    public func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        do {
            try run("BEGIN DEFERRED TRANSACTION")
            let result: T
            do {
                result = try body(SQLiteReadConnection(engine: self))
            } catch {
                sqlite3_exec(connection, "ROLLBACK TRANSACTION", nil, nil, nil)
                throw error
            }
            try run("COMMIT TRANSACTION")
            return result
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path.path)
        }
    }

    /// Refused: the file is open read-only.
    public func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        throw StoreError.from(DatabaseError(resultCode: .SQLITE_READONLY, message: "attempt to write a readonly database"), path: path.path)
    }

    /// The store's migrations that the file records, in the program's order.
    public func appliedMigrations() throws -> [String] {
        let recorded = try read { db in
            try db.tableExists("grdb_migrations")
                ? try db.rows("SELECT identifier FROM grdb_migrations", []).compactMap { row -> String? in
                    if case .text(let identifier) = row.value(at: 0) { return identifier }
                    return nil
                } : []
        }
        return StoreMigrations.migrator().migrations.filter(recorded.contains)
    }

    /// Runs statements without arguments or rows (transaction control, pragmas, scripts).
    func run(_ sql: String) throws {
        let code = sqlite3_exec(connection, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, sql: sql) }
    }

    func error(_ code: Int32, sql: String) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }

    /// A new statement with `arguments` bound, finalized when the cursor's last copy goes (scans).
    func cursor(_ sql: String, _ arguments: [SQLValue]) throws -> RawRows {
        let statement = RawStatement(try prepare(sql))
        try bind(arguments, to: statement.handle, sql: sql)
        return RawRows(statement: statement.handle, connection: connection, sql: sql, owner: statement)
    }

    /// Steps the cached statement for `sql` through `body`, then resets it.
    func withCached<R>(_ sql: String, _ arguments: [SQLValue], _ body: (RawRows) throws -> R) throws -> R {
        let statement: OpaquePointer
        if let cached = prepared[sql] {
            statement = cached
        } else {
            statement = try prepare(sql)
            prepared[sql] = statement
        }
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        try bind(arguments, to: statement, sql: sql)
        return try body(RawRows(statement: statement, connection: connection, sql: sql, owner: self))
    }

    var changes: Int { Int(sqlite3_changes(connection)) }

    private func prepare(_ sql: String) throws -> OpaquePointer {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql: sql) }
        return statement
    }

    /// Binds as GRDB's `StatementArguments` did (dates as the store's text timestamps).
    private func bind(_ arguments: [SQLValue], to statement: OpaquePointer, sql: String) throws {
        let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
        for (offset, value) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(statement, index)
            case .integer(let number): code = sqlite3_bind_int64(statement, index, number)
            case .real(let number): code = sqlite3_bind_double(statement, index, number)
            case .text(let text): code = sqlite3_bind_text(statement, index, text, -1, transient)
            case .blob(let bytes): code = bytes.withUnsafeBytes { sqlite3_bind_blob(statement, index, $0.baseAddress, Int32($0.count), transient) }
            case .date(let date): code = sqlite3_bind_text(statement, index, SQLTimestamp.text(date), -1, transient)
            }
            guard code == SQLITE_OK else { throw error(code, sql: sql) }
        }
    }
}

/// A statement prepared for one scan, finalized with the last cursor that reads it.
final class RawStatement {
    let handle: OpaquePointer

    init(_ handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { sqlite3_finalize(handle) }
}

/// `StoreConnection` on `SQLiteReadEngine`, inside one of its reads.
struct SQLiteReadConnection: StoreConnection {
    let engine: SQLiteReadEngine

    var dialect: any SQLDialect { SQLiteDialect() }

    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try engine.withCached(sql, arguments) { rows in
            while try rows.step() {}
        }
        return engine.changes
    }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        try engine.withCached(sql, arguments) { rows in
            let columns = rows.columnNames
            var result: [SQLRow] = []
            while try rows.step() {
                result.append(SQLRow(columns: columns, values: (0..<Int32(columns.count)).map(rows.value)))
            }
            return result
        }
    }

    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRowCursor) throws -> Void) throws {
        try body(engine.cursor(sql, arguments))
    }

    func executeScript(_ sql: String) throws {
        try engine.run(sql)
    }
}
