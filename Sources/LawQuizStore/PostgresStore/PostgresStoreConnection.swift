import Foundation
import PostgresNIO

/// `StoreConnection` over one open postgres-nio connection, inside a
/// transaction the engine began. Calls block the caller's thread on the
/// result (never an event-loop thread: the engine runs on the caller's).
final class PostgresStoreConnection: StoreConnection {
    let connection: PostgresConnection
    let location: String
    let logger: Logger
    /// Set when an error left the connection unusable; the engine then drops it.
    private(set) var broken = false
    /// Statements sent by `enqueue` and not yet waited for, oldest first.
    private var pending: [EventLoopFuture<PostgresQueryResult>] = []

    init(connection: PostgresConnection, location: String, logger: Logger) {
        self.connection = connection
        self.location = location
        self.logger = logger
    }

    var dialect: any SQLDialect { PostgresDialect() }

    /// Whether the server or the network has closed the connection.
    var isClosed: Bool { connection.isClosed }

    @discardableResult
    func execute(_ sql: String, _ arguments: [SQLValue]) throws -> Int {
        try run(sql, arguments).metadata.rows ?? 0
    }

    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        let result = try run(sql, arguments)
        guard let first = result.rows.first else { return [] }
        let columns = first.map(\.columnName)
        return try result.rows.map { row in SQLRow(columns: columns, values: try row.map(PostgresValueCoding.value)) }
    }

    /// Rows fetched per round trip by `scan`.
    static let scanBatch = 5_000
    /// Numbers the server-side cursors of this connection.
    private var cursors = 0

    /// Streams through a server-side cursor (`DECLARE … CURSOR`, then
    /// `FETCH` in batches), so an item scan of millions of rows holds one
    /// batch in memory, not the whole result. Needs the transaction every
    /// read and write runs in.
    func scan(_ sql: String, _ arguments: [SQLValue], _ body: (any SQLRowCursor) throws -> Void) throws {
        cursors += 1
        let name = "lawquiz_scan_\(cursors)"
        _ = try run("DECLARE \(name) NO SCROLL CURSOR FOR " + sql, arguments)
        let cursor = PostgresRowCursor { [self] in
            try run("FETCH FORWARD \(Self.scanBatch) FROM \(name)", [], numbering: false).rows
        }
        try body(cursor)
        _ = try run("CLOSE \(name)", [], numbering: false)
    }

    func executeScript(_ sql: String) throws {
        for statement in PostgresSQLText.statements(sql) {
            _ = try run(statement, [], numbering: false)
        }
    }

    /// Sends the statement now and waits for it with the next `run`: the
    /// connection sends each queued statement as soon as the server answers
    /// the one before, without waking the caller in between.
    func enqueue(_ sql: String, _ arguments: [SQLValue]) throws {
        pending.append(send(sql, arguments, numbering: true))
    }

    /// Waits for every statement `enqueue` sent; throws the first one's error
    /// (those after it then failed in an aborted transaction).
    func waitForPending() throws {
        let waiting = pending
        pending = []
        var failure: (any Error)?
        for future in waiting {
            do {
                _ = try Self.waitUnlessClosed(future, connection: connection)
            } catch {
                if failure == nil { failure = mapped(error) }
            }
        }
        if let failure { throw failure }
    }

    /// Runs one statement and waits for all of its rows (and for the
    /// statements enqueued before it).
    private func run(_ sql: String, _ arguments: [SQLValue], numbering: Bool = true) throws -> PostgresQueryResult {
        let future = send(sql, arguments, numbering: numbering)
        try waitForPending()
        do {
            return try Self.waitUnlessClosed(future, connection: connection)
        } catch {
            throw mapped(error)
        }
    }

    private func send(_ sql: String, _ arguments: [SQLValue], numbering: Bool) -> EventLoopFuture<PostgresQueryResult> {
        let text = numbering ? PostgresSQLText.numberingPlaceholders(sql) : sql
        return connection.query(PostgresQuery(unsafeSQL: text, binds: PostgresValueCoding.bindings(arguments)), logger: logger)
    }

    /// The store's error for a postgres-nio one; notes when the connection is lost.
    private func mapped(_ error: any Error) -> any Error {
        let mapped = PostgresErrorMapping.map(error, location: location)
        if mapped.dropConnection { broken = true }
        return mapped.error
    }

    /// The result of `query`, or `ChannelError.ioOnClosedChannel` once the
    /// connection has closed. postgres-nio writes a query to its channel
    /// without a promise: when the server cut the connection between two
    /// statements (a restart during an exam), the write is dropped and the
    /// query's future never completes, which would block the session for
    /// ever instead of letting `BusyRetry` reconnect. Whichever comes first
    /// completes the wait; the close callback then holds only an empty box,
    /// not the rows (a scan runs thousands of queries on one connection).
    private static func waitUnlessClosed(
        _ query: EventLoopFuture<PostgresQueryResult>, connection: PostgresConnection
    ) throws -> PostgresQueryResult {
        let result = query.eventLoop.makePromise(of: PostgresQueryResult.self)
        let pending = PendingQuery(result)
        query.whenComplete { pending.complete($0) }
        connection.closeFuture.whenComplete { _ in pending.complete(.failure(ChannelError.ioOnClosedChannel)) }
        return try result.futureResult.wait()
    }
}

/// The promise of one query until the query or the connection's close
/// completes it. Both callbacks run on the connection's event loop, which
/// is the only place `promise` is touched.
private final class PendingQuery: @unchecked Sendable {
    private var promise: EventLoopPromise<PostgresQueryResult>?

    init(_ promise: EventLoopPromise<PostgresQueryResult>) { self.promise = promise }

    func complete(_ outcome: Result<PostgresQueryResult, any Error>) {
        promise?.completeWith(outcome)
        promise = nil
    }
}

/// Steps through rows fetched a batch at a time, decoding each when it
/// becomes current; an empty batch ends the scan.
final class PostgresRowCursor: SQLRowCursor {
    private let fetch: () throws -> [PostgresRow]
    private var rows: [PostgresRow] = []
    private var position = 0
    private var finished = false
    private var current: [SQLValue] = []

    init(fetch: @escaping () throws -> [PostgresRow]) { self.fetch = fetch }

    func step() throws -> Bool {
        position += 1
        if position >= rows.count {
            guard !finished else { return false }
            rows = try fetch()
            position = 0
            guard !rows.isEmpty else {
                finished = true
                current = []
                return false
            }
        }
        current = try rows[position].map(PostgresValueCoding.value)
        return true
    }

    func value(_ column: Int32) -> SQLValue {
        Int(column) < current.count && column >= 0 ? current[Int(column)] : .null
    }

    /// As SQLite's cursors: reals truncated, timestamps in seconds since 1970, 0 for NULL.
    func int(_ column: Int32) -> Int64 {
        switch value(column) {
        case .real(let number): return number.isFinite && abs(number) < 9.2e18 ? Int64(number) : 0
        case .date(let date): return Int64(date.timeIntervalSince1970)
        case let other: return Int64.fromSQL(other) ?? 0
        }
    }

    func double(_ column: Int32) -> Double {
        if case .date(let date) = value(column) { return date.timeIntervalSince1970 }
        return Double.fromSQL(value(column)) ?? 0
    }

    func isNull(_ column: Int32) -> Bool { value(column).isNull }

    func withBytes<R>(_ column: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch value(column) {
        case .blob(let bytes): return try bytes.withUnsafeBufferPointer(body)
        case .null: return try body(UnsafeBufferPointer(start: nil, count: 0))
        case let other:
            var text = String.fromSQL(other) ?? ""
            return try text.withUTF8(body)
        }
    }
}
