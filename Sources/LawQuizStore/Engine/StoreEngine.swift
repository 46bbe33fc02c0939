/// A results database: SQLite (`SQLiteEngine`, the embedded default) or
/// PostgreSQL (`PostgresEngine`, one store for several exam hosts). The
/// store, its services and the reports see only this protocol.
///
/// Both engines give a write the same guarantee: it runs alone (SQLite's
/// IMMEDIATE transaction; PostgreSQL's transaction-scoped advisory lock), so
/// a read-then-write such as appending to the audit chain cannot interleave
/// with another host's, and it is durable when `write` returns.
public protocol StoreEngine: Sendable {
    /// Where the store is, for messages: a path, or a URL without its password.
    var location: String { get }
    var dialect: any SQLDialect { get }
    /// A consistent read (one snapshot).
    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T
    /// One serialised write transaction, committed before returning.
    func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T
    /// Migration identifiers applied, in order (both engines use the same names).
    func appliedMigrations() throws -> [String]
}
