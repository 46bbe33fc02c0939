import Crypto
import Foundation
import GRDB

#if canImport(GRDBSQLite)
    import GRDBSQLite
#else
    import SQLite3
#endif

#if canImport(Glibc)
    import Glibc
    private let openFile: @Sendable (UnsafePointer<CChar>, Int32, mode_t) -> Int32 = Glibc.open
#else
    import Darwin
    private let openFile: @Sendable (UnsafePointer<CChar>, Int32, mode_t) -> Int32 = Darwin.open
#endif

/// The SQLite results file (WAL, versioned migrations), the embedded default.
/// Safe to share between threads and between processes: every write is one
/// short IMMEDIATE transaction that waits up to the busy timeout for another
/// process's write to finish.
public final class SQLiteEngine: StoreEngine {
    public let path: URL
    let writer: any DatabaseWriter & DatabaseReader

    public var location: String { path.path }
    public var dialect: any SQLDialect { SQLiteDialect() }

    /// Opens (creating the file when missing, in an existing folder) and migrates the store.
    public init(path: URL, auditKey: SymmetricKey, busyTimeout: TimeInterval) throws {
        self.path = path
        try Self.createGroupShared(path: path)
        writer = try Self.openQueue(path: path, auditKey: auditKey, busyTimeout: busyTimeout)
    }

    public func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        do {
            return try writer.read { db in try body(GRDBConnection(db: db)) }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path.path)
        }
    }

    /// One IMMEDIATE write transaction (takes the write lock up front, so a
    /// read-then-write cannot fail half way when another process writes);
    /// committed to disk before returning.
    public func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(GRDBConnection(db: db))
                    return .commit
                }
                guard let result else { throw StoreError.sqlite(path: path.path, message: "事务未返回结果") }
                return result
            }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path.path)
        }
    }

    public func appliedMigrations() throws -> [String] {
        do {
            return try writer.read { db in try StoreMigrations.migrator().appliedMigrations(db) }
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path.path)
        }
    }

    /// Runs `body` on the raw GRDB connection of a read: the report scans
    /// that step SQLite statements themselves (`RawRows`) and split tables
    /// by rowid across threads.
    func readDatabase<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch let error as DatabaseError {
            throw StoreError.from(error, path: path.path)
        }
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
    /// it would switch it to WAL and add our tables. Run first on the
    /// connection (GRDB calls `prepareDatabase` before anything else), so the
    /// check needs no connection of its own: a file with tables but no
    /// migration record is refused untouched.
    private static func refuseForeignDatabase(_ db: Database, path: URL) throws {
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        if !tables.isEmpty, !tables.contains("grdb_migrations") {
            throw StoreError.foreignDatabase(path: path.path, tables: tables)
        }
    }

    /// Whether the store holds exactly the migrations this program knows,
    /// read by one statement outside any transaction (a single statement is
    /// consistent by itself): every launch but the first opens that way,
    /// without GRDB's read transaction and its two reads of the migrations
    /// table (five statements, each compiled through GRDB's authoriser;
    /// README, "Launch"). Anything else — no migrations table yet, one
    /// missing, an unknown one, a busy file — says no, and the store is
    /// checked and migrated exactly as before.
    private static func isUpToDate(_ queue: DatabaseQueue, migrator: DatabaseMigrator) -> Bool {
        // Rows, not `String.fetchSet`: its generic cursor costs two runtime conformance checks.
        guard let rows = try? queue.inDatabase({ db in try Row.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") })
        else { return false }
        let applied = rows.compactMap { row -> String? in
            if case .string(let identifier) = (row[0] as DatabaseValue).storage { return identifier }
            return nil
        }
        return applied.count == rows.count && Set(applied) == Set(migrator.migrations)
    }

    /// Leaves the -wal and -shm files in place when the last connection
    /// closes (SQLite's persistent WAL) instead of deleting them: otherwise
    /// every start made both again, and syncing a new file costs the kernel
    /// more (README, "Launch"). What is committed and synced is the same;
    /// SQLite still checkpoints at that close. A size limit makes that close
    /// truncate the log to nothing (without one the next start would read
    /// the old log back and append to it); 4 MB is about the log at SQLite's
    /// automatic checkpoint, so a long run keeps its log as before. The files
    /// keep the mode and group SQLite gave them from the store's own.
    private static func keepWALFile(_ db: Database) throws {
        var persist: Int32 = 1
        _ = sqlite3_file_control(db.sqliteConnection, "main", SQLITE_FCNTL_PERSIST_WAL, &persist)
        try db.execute(sql: "PRAGMA journal_size_limit = 4194304")
    }

    /// Opens the one connection of the store and migrates. One connection, not
    /// a pool: a process of lawquiz does one thing at a time, and a pool opened
    /// a second connection for reads and, at every start whose WAL file was
    /// empty (the last process to close removes it), wrote a table and dropped
    /// it again to make one (GRDB's `setUpWALMode`): 2.3 of the 6.4 ms of CPU
    /// that GRDB and SQLite took in a warm start (README, "Launch"). Processes
    /// still share the file through WAL.
    ///
    /// Several processes may open a new (or older) file at the same moment.
    /// GRDB reads the applied migrations before each migration's own
    /// transaction, so two migrators would both run the same migration; the
    /// one that needs to migrate therefore holds `MigrationLock` (an exclusive
    /// `flock` of the store's folder) and looks again under it, finding the
    /// work done when another process did it first. An up-to-date store (every
    /// start but the first) never takes the lock. What is left to retry is
    /// SQLite's own "busy"/"locked" while two connections switch a new file to
    /// WAL at once.
    private static func openQueue(path: URL, auditKey: SymmetricKey, busyTimeout: TimeInterval) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.foreignKeysEnabled = true
        configuration.label = "lawquiz-results"
        // FULL: a committed answer survives a power cut, not only a killed
        // process (NORMAL, GRDB's choice for WAL, may lose the last commits).
        configuration.prepareDatabase { db in
            try refuseForeignDatabase(db, path: path)
            if try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw DatabaseError(message: "could not activate WAL mode at path: \(path.path)")
                }
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try keepWALFile(db)
        }
        let migrator = StoreMigrations.migrator(auditKey: auditKey)
        var tries = 0
        while true {
            do {
                let queue = try DatabaseQueue(path: path.path, configuration: configuration)
                if isUpToDate(queue, migrator: migrator) { return queue }
                // Otherwise one read, under the lock, answers both questions,
                // and only a store behind this program's migrations is migrated.
                let lock = MigrationLock(folder: path.deletingLastPathComponent())
                defer { lock.release() }
                let (superseded, complete) = try queue.read { db in
                    (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
                }
                if superseded { throw StoreError.newerSchema(path: path.path) }
                if !complete { try migrator.migrate(queue) }
                return queue
            } catch let error as DatabaseError {
                tries += 1
                let racing = [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode)
                guard racing, tries < 50 else { throw StoreError.from(error, path: path.path) }
                usleep(useconds_t(20_000 + tries * 2_000))
            }
        }
    }
}
