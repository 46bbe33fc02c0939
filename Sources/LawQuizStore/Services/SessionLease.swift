import Foundation

/// Which terminal holds an attempt open. A second terminal for the same
/// attempt sees the holder ("open elsewhere since 09:14 on pts/3") and must
/// wait or take over explicitly; every answer commit checks the token in its
/// own transaction, so a session that lost its lease learns it before it
/// writes — never two terminals silently interleaving answers.
public struct SessionLease: Sendable, Hashable {
    /// A heartbeat older than this means the holder is gone (crashed, or its
    /// machine lost power) even when its pid cannot be checked.
    public static let staleAfter: TimeInterval = 90
    /// How often an idle session renews its heartbeat.
    public static let heartbeatInterval: TimeInterval = 15

    public var token: String
    public var pid: Int32
    public var host: String
    /// `pts/3`, or empty off a terminal.
    public var tty: String
    public var since: Date
    public var heartbeatAt: Date

    public init(token: String, pid: Int32, host: String, tty: String, since: Date, heartbeatAt: Date) {
        self.token = token
        self.pid = pid
        self.host = host
        self.tty = tty
        self.since = since
        self.heartbeatAt = heartbeatAt
    }

    init(row: SQLRow) throws {
        token = try row["token"]
        pid = try row["pid"]
        host = try row["host"]
        tty = try row["tty"]
        since = try row["since"]
        heartbeatAt = try row["heartbeat_at"]
    }

    /// A new lease for this process: pid, host name and controlling terminal.
    public static func forThisProcess(at time: Date) -> SessionLease {
        SessionLease(
            token: UUID().uuidString, pid: getpid(), host: thisHost, tty: currentTerminal(), since: time,
            heartbeatAt: time)
    }

    /// Held by a live session: heartbeat recent and, on this host, the process still running.
    public func isLive(now: Date) -> Bool {
        guard now.timeIntervalSince(heartbeatAt) < Self.staleAfter else { return false }
        guard host == Self.thisHost else { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// This machine's name (gethostname: no name-service lookup).
    public static let thisHost: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }()

    /// The terminal of standard input (`pts/3`), or empty.
    static func currentTerminal() -> String {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO] {
            if let name = ttyname(descriptor) {
                let path = String(cString: name)
                return path.hasPrefix("/dev/") ? String(path.dropFirst(5)) : path
            }
        }
        return ""
    }
}

/// What `ResultsStore.acquireLease` found.
public enum LeaseAcquisition: Sendable, Hashable {
    case acquired
    /// Another live session holds the attempt.
    case heldElsewhere(SessionLease)
}

extension ResultsStore {
    /// Takes the attempt for `lease` unless another live session holds it
    /// (then returns that holder), or unconditionally with `takeOver`.
    public func acquireLease(attemptID: Int64, _ lease: SessionLease, takeOver: Bool, now: Date) throws -> LeaseAcquisition {
        try write { db in
            if let row = try db.row("SELECT * FROM attempt_lease WHERE attempt_id = ?", attemptID) {
                let holder = try SessionLease(row: row)
                if holder.token != lease.token, holder.isLive(now: now), !takeOver { return .heldElsewhere(holder) }
            }
            try Self.insertLease(db, attemptID: attemptID, lease, now: now)
            return .acquired
        }
    }

    /// Writes `lease` as the attempt's holder, inside the caller's transaction.
    static func insertLease(_ db: any StoreConnection, attemptID: Int64, _ lease: SessionLease, now: Date) throws {
        try db.enqueue("""
                INSERT INTO attempt_lease (attempt_id, token, pid, host, tty, since, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (attempt_id) DO UPDATE SET token = excluded.token, pid = excluded.pid, host = excluded.host,
                    tty = excluded.tty, since = excluded.since, heartbeat_at = excluded.heartbeat_at
                """, attemptID, lease.token, lease.pid, lease.host, lease.tty, lease.since, now)
    }

    /// Renews the heartbeat; false when the lease has been taken over.
    public func renewLease(attemptID: Int64, token: String, now: Date) throws -> Bool {
        try write { db in
            try db.execute("UPDATE attempt_lease SET heartbeat_at = ? WHERE attempt_id = ? AND token = ?", now, attemptID, token) > 0
        }
    }

    /// Gives the attempt up (leaving or submitting); a lease taken over by another session stays.
    public func releaseLease(attemptID: Int64, token: String) throws {
        _ = try write { db in
            try db.execute("DELETE FROM attempt_lease WHERE attempt_id = ? AND token = ?", attemptID, token)
        }
    }

    /// The current holder of an attempt, if any.
    public func lease(attemptID: Int64) throws -> SessionLease? {
        try read { db in
            try db.row("SELECT * FROM attempt_lease WHERE attempt_id = ?", attemptID).map(SessionLease.init(row:))
        }
    }

    /// True when `token` (if given) still holds the attempt; checked inside
    /// each answer's transaction. A nil token (no lease taken, as in tests of
    /// the rules alone) always passes.
    static func holdsLease(_ db: any StoreConnection, attemptID: Int64, token: String?) throws -> Bool {
        guard let token else { return true }
        return try db.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM attempt_lease WHERE attempt_id = ? AND token = ?)", attemptID, token) ?? false
    }
}
