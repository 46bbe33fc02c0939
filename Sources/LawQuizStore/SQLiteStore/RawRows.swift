import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#else
    import SQLite3
#endif

/// Steps a prepared statement with SQLite's C API and reads columns as raw
/// bytes: the item scans visit millions of rows, and building a Swift String
/// per column per row would cost more than SQLite's own work.
struct RawRows: SQLRowCursor {
    private let handle: OpaquePointer
    private let connection: OpaquePointer?
    private let sql: String
    /// What keeps the statement alive: GRDB's `Statement`, or what `SQLiteReadEngine` prepared.
    private let owner: AnyObject

    init(_ db: Database, sql: String, arguments: StatementArguments = []) throws {
        let statement = try db.makeStatement(sql: sql)
        statement.arguments = arguments
        self.init(statement: statement.sqliteStatement, connection: db.sqliteConnection, sql: sql, owner: statement)
    }

    /// A statement prepared and bound on `connection` with SQLite's C API.
    init(statement: OpaquePointer, connection: OpaquePointer?, sql: String, owner: AnyObject) {
        handle = statement
        self.connection = connection
        self.sql = sql
        self.owner = owner
    }

    /// Advances to the next row; false at the end.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        let message = String(cString: sqlite3_errmsg(connection))
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
    }

    /// The result's column names.
    var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { sqlite3_column_name(handle, $0).map { String(cString: $0) } ?? "" }
    }

    @inline(__always) func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    @inline(__always) func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    @inline(__always) func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// The column's text as bytes, valid until the next step.
    @inline(__always) func bytes(_ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let pointer = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(handle, column)))
    }

    func value(_ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(int(column))
        case SQLITE_FLOAT: return .real(double(column))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, column))
            guard count > 0, let pointer = sqlite3_column_blob(handle, column) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: pointer, count: count)))
        default: return .text(string(column))
        }
    }

    func withBytes<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R { try body(bytes(column)) }

    func string(_ column: Int32) -> String { String(decoding: bytes(column), as: UTF8.self) }
}
