import Crypto
import Foundation
import LawQuizCore

/// The results store: roster, attempts with their papers and responses,
/// practice, 错题本, memory states and the audit chain, on either engine
/// (`SQLiteEngine`, the embedded default, or `PostgresEngine`). Services,
/// session loops and reports use only this type, never an engine.
public final class ResultsStore: Sendable {
    /// How many times two right answers in a row clear a 错题本 entry.
    public static let wrongBookClearStreak = 2
    /// How long a write waits for another process before `StoreError.locked`.
    public static let busyTimeout: TimeInterval = 10
    /// The wait of an exam session's store: short, so a held lock shows
    /// 正在保存… after a second while `BusyRetry` keeps trying.
    public static let sessionBusyTimeout: TimeInterval = 1

    public let engine: any StoreEngine
    /// Signs audit entries (`AuditKeyFile`).
    let auditKey: SymmetricKey

    /// Where the store is, for messages.
    public var location: String { engine.location }

    /// Opens (creating folder and file when missing) and migrates the SQLite
    /// store at `path`; the audit key is `<path>.key`.
    /// `busyTimeout` is how long one write waits for another process's lock.
    public convenience init(path: URL, busyTimeout: TimeInterval = ResultsStore.busyTimeout) throws {
        let folder = path.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateFolder(path: folder.path, reason: error.localizedDescription)
        }
        let key = try AuditKeyFile.loadOrCreate(keyPath: AuditKeyFile.url(forStore: path), store: path.path) {
            // No file, or an empty one SQLite has not written yet: a new store.
            let size = (try? FileManager.default.attributesOfItem(atPath: path.path)[.size] as? Int) ?? 0
            return size > 0 ? try Self.chainEntries(SQLiteReadEngine(path: path, busyTimeout: busyTimeout)) : 0
        }
        try self.init(engine: SQLiteEngine(path: path, auditKey: key, busyTimeout: busyTimeout), auditKey: key)
    }

    /// A store on an engine already opened and migrated.
    public init(engine: any StoreEngine, auditKey: SymmetricKey) {
        self.engine = engine
        self.auditKey = auditKey
    }

    /// Applied migrations, for diagnostics and tests.
    public func appliedMigrations() throws -> [String] { try engine.appliedMigrations() }

    /// Appends an audit entry inside the caller's write transaction.
    func audit(_ db: any StoreConnection, _ payload: AuditPayload, attemptID: Int64?, staffID: String?, at time: Date) throws {
        try AuditChain.append(db, key: auditKey, payload: payload, attemptID: attemptID, staffID: staffID, at: time)
    }

    /// Records a PIN change in the audit chain; call it inside the write
    /// transaction that stores the new PIN hash, so neither happens alone.
    func auditPINChange(_ db: any StoreConnection, staffID: String, changedBy login: String, at time: Date) throws {
        try audit(db, AuditChain.pinChanged(staffID: staffID, changedBy: login), attemptID: nil, staffID: staffID, at: time)
    }

    /// The audit chain's head hash (校验码), printed on every report so a
    /// published figure can later be matched to the store.
    public func auditHead() throws -> String? {
        try read { db in try AuditChain.head(db) }
    }

    /// A consistent read.
    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T { try engine.read(body) }

    /// One serialised write transaction, committed (to disk) before returning.
    func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T { try engine.write(body) }
}
