import GRDB

/// `v3-live-session`: at most one terminal writes into an attempt. The row
/// is the lease of the session that has the attempt open; see `SessionLease`.
enum LiveSessionSchema {
    static func register(in migrator: inout DatabaseMigrator) {
        // Immediate checks: a new table cannot break existing rows (see v3-audit-chain).
        migrator.registerMigration("v3-live-session", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE attempt_lease (
                    attempt_id INTEGER PRIMARY KEY NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
                    token TEXT NOT NULL,
                    pid INTEGER NOT NULL,
                    host TEXT NOT NULL,
                    tty TEXT NOT NULL,
                    since DATETIME NOT NULL,
                    heartbeat_at DATETIME NOT NULL
                )
                """)
        }
    }
}
