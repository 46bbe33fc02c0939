import Foundation
import PostgresNIO

/// The results store in a PostgreSQL server, for offices whose exam hosts
/// share one store (SQLite's locking is unsafe on a network folder).
///
/// Synchronous, like the rest of lawquiz: each call blocks the caller's
/// thread on postgres-nio's futures, which run on NIO's shared event loop.
/// One connection per engine, opened on first use and again after it was
/// lost (`StoreError.unreachable`), so a session that retries goes on once
/// the server is back.
public final class PostgresEngine: StoreEngine, @unchecked Sendable {
    /// Key of the transaction-scoped advisory lock every write takes, so
    /// writes from all hosts run one at a time (as SQLite's IMMEDIATE
    /// transactions do): "LawQuiz" and a version byte.
    static let writeLockKey: Int64 = 0x4C61_7751_7569_7A01
    /// How long a write waits for another host's write before `.locked`
    /// (SQLite's busy timeout is the same).
    static let lockTimeout = "10s"

    public let configuration: PostgresLocation
    private let password: String?
    private let logger: Logger
    private let lock = NSRecursiveLock()
    // Guarded by `lock`.
    private var connection: PostgresConnection?
    private var inTransaction = false

    /// An engine for `location`; nothing connects until the first call.
    /// `password` is one the program holds (the installed mode's root-owned
    /// config); else `PGPASSWORD`, else `~/.pgpass` (see `PostgresPassword`).
    public init(location: PostgresLocation, password: String? = nil,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        configuration = location
        self.password = PostgresPassword.resolve(for: location, given: password, environment: environment)
        var logger = Logger(label: "lawquiz.postgres")
        // postgres-nio logs to standard error otherwise; errors reach the user as StoreError.
        logger.logLevel = .critical
        self.logger = logger
    }

    /// An engine for a `postgres://` URL (see `PostgresLocation.init(url:environment:)`).
    public convenience init(url: String, password: String? = nil,
                            environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        self.init(location: try PostgresLocation(url: url, environment: environment), password: password, environment: environment)
    }

    deinit {
        if let connection { Self.closeLater(connection) }
    }

    public var location: String { configuration.description }
    public var dialect: any SQLDialect { PostgresDialect() }

    /// A `REPEATABLE READ READ ONLY` transaction: one snapshot for the whole body.
    public func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try transaction(begin: ["BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"], body)
    }

    /// A transaction that first takes the write lock, so it runs alone;
    /// committed (and, with `synchronous_commit` on, durable) when this returns.
    /// BEGIN and the lock go out with the body's first statement, and the
    /// statements the body enqueues with the COMMIT: an answer holds the
    /// lock for two waits of the caller (check; response, audit entry, COMMIT).
    public func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try transaction(begin: ["BEGIN", "SELECT pg_advisory_xact_lock(\(Self.writeLockKey))"], body)
    }

    public func appliedMigrations() throws -> [String] {
        try read { try PostgresMigrations.applied($0) }
    }

    /// Brings the schema up to date, all missing migrations in one write
    /// transaction (so hosts starting at once migrate once). `afterEach`
    /// runs inside it after each migration's DDL with its identifier: the
    /// store appends the audit chain's genesis entry after `v3-audit-chain`.
    /// Returns the identifiers applied now. An up-to-date database (every
    /// start but the first) is checked with a read, so starting a session
    /// never queues behind other hosts' writes for the write lock.
    @discardableResult
    public func migrate(afterEach: (String, any StoreConnection) throws -> Void = { _, _ in }) throws -> [String] {
        let current = try read { db -> Bool in
            guard try db.tableExists(PostgresMigrations.table) else { return false }
            return Set(try PostgresMigrations.applied(db)) == Set(PostgresMigrations.all.map(\.identifier))
        }
        if current { return [] }
        return try write { try PostgresMigrations.migrate($0, location: location, afterEach: afterEach) }
    }

    /// Statements that each commit on their own, for what cannot run in a
    /// transaction (`CREATE DATABASE`, `VACUUM`). Not for the store's data:
    /// use `write`.
    public func autocommit<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        try transaction(begin: nil, body)
    }

    /// Closes the connection (a later call opens a new one).
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        if let connection { try? connection.close().wait() }
        connection = nil
    }

    /// `begin` nil: no transaction (each statement commits on its own).
    private func transaction<T>(begin: [String]?, _ body: (any StoreConnection) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard !inTransaction else {
            throw StoreError.sqlite(path: location, message: "事务中不能再开始事务（程序错误）")
        }
        inTransaction = true
        defer { inTransaction = false }
        let store = PostgresStoreConnection(connection: try connected(), location: location, logger: logger)
        do {
            guard let begin else { return try body(store) }
            // Sent with the body's first statement: one wait instead of three.
            for statement in begin { try store.enqueue(statement, []) }
            let result = try body(store)
            try store.execute("COMMIT", [])
            return result
        } catch {
            if store.broken {
                drop()
            } else if begin != nil {
                do { try store.execute("ROLLBACK", []) } catch { drop() }
            }
            throw error
        }
    }

    /// The open connection, or a new one.
    private func connected() throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        connection = nil
        do {
            let opened = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.next(), configuration: try connectionConfiguration(),
                id: 1, logger: logger
            ).wait()
            connection = opened
            return opened
        } catch {
            throw PostgresErrorMapping.map(error, location: location).error
        }
    }

    private func drop() {
        if let connection { Self.closeLater(connection) }
        connection = nil
    }

    /// Starts closing without waiting (from `deinit`, or for a broken
    /// connection); the callback holds the connection until it is closed,
    /// which postgres-nio requires before it is released.
    private static func closeLater(_ connection: PostgresConnection) {
        let closing: EventLoopFuture<Void> = connection.close()
        closing.whenComplete { _ in withExtendedLifetime(connection) {} }
    }

    private func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var result: PostgresConnection.Configuration
        if configuration.isUnixSocket {
            result = .init(
                unixSocketPath: "\(configuration.host)/.s.PGSQL.\(configuration.port)", username: configuration.user,
                password: password, database: configuration.database)
        } else {
            result = .init(
                host: configuration.host, port: configuration.port, username: configuration.user,
                password: password, database: configuration.database, tls: try tls())
        }
        result.options.connectTimeout = .seconds(Int64(configuration.connectTimeout))
        // Timestamps are compared and truncated in UTC, as SQLite stores them;
        // the lock timeout (set once here, not per write) bounds the wait for the write lock;
        // synchronous_commit on whatever the server's default: an answer is on disk when `write` returns.
        result.options.additionalStartupParameters = [
            ("TimeZone", "UTC"), ("application_name", "lawquiz"), ("lock_timeout", Self.lockTimeout),
            ("synchronous_commit", "on"),
        ]
        return result
    }

    private func tls() throws -> PostgresConnection.Configuration.TLS {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        do {
            switch configuration.tlsMode {
            case .disable: return .disable
            case .prefer: return .prefer(try NIOSSLContext(configuration: unverified))
            case .require: return .require(try NIOSSLContext(configuration: unverified))
            case .verifyFull: return .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw StoreError.unreachable(path: location, reason: "无法准备 TLS：\(error)")
        }
    }
}
