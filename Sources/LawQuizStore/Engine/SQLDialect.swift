/// What differs between the SQL engines that can hold results, for the few
/// statements that cannot be written once for both.
public protocol SQLDialect: Sendable {
    /// Engine name for messages and benchmarks: `sqlite` or `postgresql`.
    var name: String { get }
    /// The placeholder of the 1-based `position`-th argument (`?1` or `$1`).
    func placeholder(_ position: Int) -> String
    /// Seconds since 1970 of a timestamp column, as a floating-point expression.
    func unixSeconds(_ column: String) -> String
    /// Days since 1970 (fractional) of a timestamp argument or column expression.
    func days(_ expression: String) -> String
    /// Whether scans may be split into ranges of the engine's row ids
    /// (SQLite `rowid`); otherwise a table is scanned in one pass.
    var hasRowIDs: Bool { get }
    /// A query with one `?` (a table name) that returns a row when the table exists.
    var tableExistsQuery: String { get }
    /// A query with two `?` (table, column) that returns a row when the column exists.
    var columnExistsQuery: String { get }
    /// A statement that moves a table's id numbering past its largest id after
    /// rows were inserted with explicit ids; nil where the engine does it itself.
    func resetIdentity(table: String, column: String) -> String?
    /// A SELECT of integer columns given as arguments (`columns[c][r]`: row
    /// r of column c), with the arguments to bind: how a report hands the
    /// store thousands of ids at once (a READ ONLY transaction cannot fill a
    /// temporary table). SQLite: one JSON array of rows; PostgreSQL: one
    /// array per column, so the planner knows how many rows come.
    func integerColumns(_ columns: [[Int64]]) -> (sql: String, arguments: [SQLValue])
    /// A text expression to ORDER BY in code-point (UTF-8 byte) order, the
    /// order Swift sorts the same strings in, whatever the database's collation.
    func byteOrder(_ expression: String) -> String
}

/// SQLite: numbered `?NNN` placeholders (arguments may be bound in any
/// order); timestamps are stored as `YYYY-MM-DD HH:MM:SS.SSS` text.
public struct SQLiteDialect: SQLDialect {
    public init() {}
    public var name: String { "sqlite" }
    public func placeholder(_ position: Int) -> String { "?\(position)" }
    public func unixSeconds(_ column: String) -> String { "(julianday(\(column)) - 2440587.5) * 86400.0" }
    public func days(_ expression: String) -> String { "julianday(\(expression))" }
    public var hasRowIDs: Bool { true }
    public var tableExistsQuery: String { "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?" }
    public var columnExistsQuery: String { "SELECT 1 FROM pragma_table_info(?) WHERE name = ?" }
    /// AUTOINCREMENT records the largest id inserted, explicit or not.
    public func resetIdentity(table: String, column: String) -> String? { nil }
    public func integerColumns(_ columns: [[Int64]]) -> (sql: String, arguments: [SQLValue]) {
        let rows = columns.first?.indices.map { row in "[" + columns.map { String($0[row]) }.joined(separator: ",") + "]" } ?? []
        let sql = "SELECT " + columns.indices.map { "json_extract(value, '$[\($0)]')" }.joined(separator: ", ") + " FROM json_each(?)"
        return (sql, [.text("[" + rows.joined(separator: ",") + "]")])
    }
    /// SQLite's default BINARY collation compares UTF-8 bytes.
    public func byteOrder(_ expression: String) -> String { expression }
}

/// PostgreSQL: `$N` placeholders; timestamps are `timestamptz`.
public struct PostgresDialect: SQLDialect {
    public init() {}
    public var name: String { "postgresql" }
    public func placeholder(_ position: Int) -> String { "$\(position)" }
    public func unixSeconds(_ column: String) -> String { "EXTRACT(EPOCH FROM \(column))::float8" }
    public func days(_ expression: String) -> String { "(EXTRACT(EPOCH FROM (\(expression))::timestamptz)::float8 / 86400.0)" }
    public var hasRowIDs: Bool { false }
    public var tableExistsQuery: String {
        "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ?"
    }
    public var columnExistsQuery: String {
        "SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?"
    }
    public func resetIdentity(table: String, column: String) -> String? {
        "SELECT setval(pg_get_serial_sequence('\(table)', '\(column)'), (SELECT COALESCE(MAX(\(column)), 0) + 1 FROM \(table)), false)"
    }
    public func integerColumns(_ columns: [[Int64]]) -> (sql: String, arguments: [SQLValue]) {
        let sql = "SELECT * FROM unnest(" + columns.map { _ in "?::text::bigint[]" }.joined(separator: ", ") + ")"
        return (sql, columns.map { .text("{" + $0.map(String.init).joined(separator: ",") + "}") })
    }
    public func byteOrder(_ expression: String) -> String { "\(expression) COLLATE \"C\"" }
}
