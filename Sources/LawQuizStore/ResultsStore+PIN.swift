import Foundation

/// A person's stored PIN hash and failure state.
struct StoredPIN {
    var salt: Data
    var hash: Data
    var params: String
    var failedCount: Int
    var lockedUntil: Date?
}

extension ResultsStore {
    func savePIN(staffID: String, salt: Data, hash: Data, params: String, changedBy login: String, at now: Date) throws {
        try write { db in
            try db.execute("""
                    INSERT INTO pin (staff_id, salt, hash, params, failed_count, locked_until, updated_at) VALUES (?, ?, ?, ?, 0, NULL, ?)
                    ON CONFLICT (staff_id) DO UPDATE SET salt = excluded.salt, hash = excluded.hash, params = excluded.params,
                        failed_count = 0, locked_until = NULL, updated_at = excluded.updated_at
                    """, staffID, salt, hash, params, now)
            try auditPINChange(db, staffID: staffID, changedBy: login, at: now)
        }
    }

    func storedPIN(staffID: String) throws -> StoredPIN? {
        try read { db in
            try db.row("SELECT * FROM pin WHERE staff_id = ?", staffID).map { row in
                StoredPIN(
                    salt: try row["salt"], hash: try row["hash"], params: try row["params"], failedCount: try row["failed_count"],
                    lockedUntil: try row["locked_until"])
            }
        }
    }

    func clearPINFailures(staffID: String) throws {
        _ = try write { db in
            try db.execute("UPDATE pin SET failed_count = 0, locked_until = NULL WHERE staff_id = ?", staffID)
        }
    }

    /// Counts one failure in the same transaction that logs it (two consoles
    /// guessing at once cannot both slip under the limit); the count that
    /// reaches `maxFailures` sets the lock and starts again from zero.
    func recordPINFailure(staffID: String, login: String, at now: Date, maxFailures: Int, lockUntil: Date) throws
        -> (failedCount: Int, lockedUntil: Date?)
    {
        try write { db in
            let count = (try db.value(Int.self, "SELECT failed_count FROM pin WHERE staff_id = ?", staffID) ?? 0) + 1
            let locked = count >= maxFailures ? lockUntil : nil
            try db.execute("UPDATE pin SET failed_count = ?, locked_until = ? WHERE staff_id = ?",
                locked == nil ? count : 0, locked, staffID)
            try db.execute("INSERT INTO pin_failure (staff_id, login, failed_at, locked_until) VALUES (?, ?, ?, ?)",
                staffID, login, now, locked)
            return (count, locked)
        }
    }

    /// Failed PIN entries, newest first (for administrators and tests).
    public func pinFailures(staffID: String) throws -> [(login: String, at: Date, lockedUntil: Date?)] {
        try read { db in
            try db.rows("SELECT login, failed_at, locked_until FROM pin_failure WHERE staff_id = ? ORDER BY id DESC",
                staffID
            ).map { (login: try $0["login"], at: try $0["failed_at"], lockedUntil: try $0["locked_until"]) }
        }
    }
}
