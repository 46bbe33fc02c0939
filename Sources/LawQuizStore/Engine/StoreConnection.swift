/// One engine's connection inside a transaction: what the store's queries
/// need, and nothing else. Statements use `?` placeholders on every engine
/// (PostgreSQL's connection numbers them), and only SQL that both SQLite and
/// PostgreSQL run: `ON CONFLICT … DO`, `RETURNING`, CTEs, window functions.
/// What still differs is in `dialect`.
public protocol StoreConnection {
    var dialect: any SQLDialect { get }
    /// Runs one statement; returns the number of rows it changed.
    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int
    /// All rows of one statement.
    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
    /// Streams the rows of one statement through a cursor (see `SQLRowCursor`).
    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRowCursor) throws -> Void) throws
    /// Runs several `;`-separated statements without arguments (schema scripts).
    func executeScript(_ sql: String) throws
    /// Runs a statement whose result the caller does not need. A server
    /// connection sends it without waiting and waits for it with the next
    /// statement or the COMMIT (one wake-up of the caller instead of two
    /// while the write lock is held); its error is thrown there at the latest.
    func enqueue(_ sql: String, _ arguments: [SQLValue]) throws
}

extension StoreConnection {
    /// Where nothing is gained by deferring (SQLite in this process): at once.
    public func enqueue(_ sql: String, _ arguments: [SQLValue]) throws {
        try execute(sql, arguments)
    }

    public func enqueue(_ sql: String, _ arguments: any SQLValueConvertible...) throws {
        try enqueue(sql, arguments.map(\.sqlValue))
    }

    @discardableResult
    public func execute(_ sql: String, _ arguments: any SQLValueConvertible...) throws -> Int {
        try execute(sql, arguments.map(\.sqlValue))
    }

    public func rows(_ sql: String, _ arguments: any SQLValueConvertible...) throws -> [SQLRow] {
        try rows(sql, arguments.map(\.sqlValue))
    }

    /// The first row, if any.
    public func row(_ sql: String, _ arguments: [SQLValue]) throws -> SQLRow? { try rows(sql, arguments).first }

    public func row(_ sql: String, _ arguments: any SQLValueConvertible...) throws -> SQLRow? {
        try rows(sql, arguments.map(\.sqlValue)).first
    }

    /// The first column of the first row; nil when there is no row or it is NULL.
    public func value<T: SQLValueConvertible>(_ type: T.Type, _ sql: String, _ arguments: [SQLValue]) throws -> T? {
        guard let row = try rows(sql, arguments).first, !row.value(at: 0).isNull else { return nil }
        return try row[0] as T
    }

    public func value<T: SQLValueConvertible>(_ type: T.Type, _ sql: String, _ arguments: any SQLValueConvertible...) throws -> T? {
        try value(type, sql, arguments.map(\.sqlValue))
    }

    /// The first column of every row (NULLs skipped).
    public func values<T: SQLValueConvertible>(_ type: T.Type, _ sql: String, _ arguments: [SQLValue]) throws -> [T] {
        try rows(sql, arguments).compactMap { row in row.value(at: 0).isNull ? nil : try row[0] as T }
    }

    public func values<T: SQLValueConvertible>(_ type: T.Type, _ sql: String, _ arguments: any SQLValueConvertible...) throws -> [T] {
        try values(type, sql, arguments.map(\.sqlValue))
    }

    /// Whether the table exists (a store opened read-only may predate it).
    public func tableExists(_ name: String) throws -> Bool { try row(dialect.tableExistsQuery, name) != nil }

    /// Whether the table has the column (a store opened read-only may predate it).
    public func columnExists(_ table: String, _ column: String) throws -> Bool {
        try row(dialect.columnExistsQuery, table, column) != nil
    }
}
