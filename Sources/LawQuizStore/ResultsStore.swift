import Crypto
import Foundation
import GRDB
import LawQuizCore

#if canImport(Glibc)
    import Glibc
    private let openFile: @Sendable (UnsafePointer<CChar>, Int32, mode_t) -> Int32 = Glibc.open
#else
    import Darwin
    private let openFile: @Sendable (UnsafePointer<CChar>, Int32, mode_t) -> Int32 = Darwin.open
#endif

/// The SQLite results file (WAL, versioned migrations). Safe to share between
/// threads, and between processes: every write is one short IMMEDIATE
/// transaction and waits up to 10 s for another process's write to finish.
public final class ResultsStore: Sendable {
    /// How many times two right answers in a row clear a 错题本 entry.
    public static let wrongBookClearStreak = 2
    /// How long a write waits for another process before `StoreError.locked`.
    public static let busyTimeout: TimeInterval = 10
    /// The wait of an exam session's store: short, so a held lock shows
    /// 正在保存… after a second while `BusyRetry` keeps trying.
    public static let sessionBusyTimeout: TimeInterval = 1

    public let path: URL
    let pool: DatabasePool
    /// Signs audit entries (`AuditKeyFile`, beside the store).
    let auditKey: SymmetricKey

    /// Opens (creating folder and file when missing) and migrates the store.
    /// `busyTimeout` is how long one write waits for another process's lock.
    public init(path: URL, busyTimeout: TimeInterval = ResultsStore.busyTimeout) throws {
        self.path = path
        let folder = path.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreateFolder(path: folder.path, reason: error.localizedDescription)
        }
        try Self.createGroupShared(path: path)
        auditKey = try AuditKeyFile.loadOrCreate(storePath: path)
        pool = try Self.openPool(path: path, auditKey: auditKey, busyTimeout: busyTimeout)
    }

    /// Creates a missing store file 0660 (less the umask) before SQLite does
    /// (SQLite would make it 0644): on an installed host every examinee's
    /// process writes it through the lawquiz group, and SQLite gives the WAL
    /// and SHM files the same mode.
    private static func createGroupShared(path: URL) throws {
        let descriptor = openFile(path.path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o660)
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw StoreError.cannotCreateFolder(path: path.path, reason: String(cString: strerror(errno)))
        }
    }

    /// A mistyped `--results` may name another program's SQLite file; opening
    /// it as a pool would switch it to WAL and add our tables. Run on the
    /// writer connection before the pool switches it to WAL (GRDB calls
    /// `prepareDatabase` first), so the check needs no connection of its own:
    /// a file with tables but no migration record is refused untouched.
    private static func refuseForeignDatabase(_ db: Database, path: URL) throws {
        guard !db.configuration.readonly else { return }
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if !tables.isEmpty, !tables.contains("grdb_migrations") {
            throw StoreError.foreignDatabase(path: path.path, tables: tables)
        }
    }

    /// Opens the pool and migrates. Several processes opening a new file at
    /// the same moment race to switch it to WAL and to create the tables; the
    /// loser sees "locked", "table already exists" or "duplicate column name"
    /// (an ALTER TABLE of v3-identity) and simply tries again,
    /// finding the work done.
    private static func openPool(path: URL, auditKey: SymmetricKey, busyTimeout: TimeInterval) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "lawquiz-results"
        // FULL on every connection; the writer gets it again below, because the
        // pool switches it to WAL after prepareDatabase and sets NORMAL there.
        configuration.prepareDatabase { db in
            try refuseForeignDatabase(db, path: path)
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        let migrator = StoreMigrations.migrator(auditKey: auditKey)
        var tries = 0
        while true {
            do {
                let pool = try DatabasePool(path: path.path, configuration: configuration)
                if try pool.read({ try migrator.hasBeenSuperseded($0) }) { throw StoreError.newerSchema(path: path.path) }
                try migrator.migrate(pool)
                // FULL on the writer: a committed answer survives a power cut,
                // not only a killed process (NORMAL may lose the last commits).
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
                return pool
            } catch let error as DatabaseError {
                tries += 1
                let racing = [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode)
                    || (error.message ?? "").contains("already exists") || (error.message ?? "").contains("duplicate column name")
                guard racing, tries < 50 else { throw StoreError.from(error, path: path.path) }
                usleep(useconds_t(20_000 + tries * 2_000))
            }
        }
    }

    /// Opens the store at the resolved project path (`Results/lawquiz.sqlite`,
    /// `--results` or `LAWQUIZ_RESULTS`).
    public static func open(_ paths: ProjectPaths) throws -> ResultsStore {
        try ResultsStore(path: paths.resultsDatabase)
    }

    /// Applied migrations, for diagnostics and tests.
    public func appliedMigrations() throws -> [String] {
        try read { db in try StoreMigrations.migrator().appliedMigrations(db) }
    }

    /// Appends an audit entry inside the caller's write transaction.
    func audit(_ db: Database, _ payload: AuditPayload, attemptID: Int64?, staffID: String?, at time: Date) throws {
        try AuditChain.append(db, key: auditKey, payload: payload, attemptID: attemptID, staffID: staffID, at: time)
    }

    /// Records a PIN change in the audit chain; call it inside the write
    /// transaction that stores the new PIN hash, so neither happens alone.
    func auditPINChange(_ db: Database, staffID: String, changedBy login: String, at time: Date) throws {
        try audit(db, AuditChain.pinChanged(staffID: staffID, changedBy: login), attemptID: nil, staffID: staffID, at: time)
    }

    /// The audit chain's head hash (校验码), printed on every report so a
    /// published figure can later be matched to the store.
    public func auditHead() throws -> String? {
        try read { db in try AuditChain.head(db) }
    }

    /// A read; SQLite errors become `StoreError`, others pass through.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path.path)
        }
    }

    /// One IMMEDIATE write transaction (takes the write lock up front, so a
    /// read-then-write cannot fail half way when another process writes);
    /// committed to disk before returning.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError.sqlite(path: path.path, message: "事务未返回结果") }
                return result
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path.path)
        }
    }
}
