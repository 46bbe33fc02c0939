import GRDB

/// Identity on a shared host (issue 8): the roster's 登录名, the proctor who
/// started an attempt for someone else, PINs for shared consoles and every
/// failed PIN. Registered after the report indexes.
enum IdentityMigration {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-identity") { db in
            try db.execute(sql: """
                ALTER TABLE staff ADD COLUMN login_name TEXT;
                CREATE UNIQUE INDEX staff_by_login ON staff (login_name) WHERE login_name IS NOT NULL;
                ALTER TABLE attempt ADD COLUMN proctor_login TEXT;
                CREATE TABLE pin (
                    staff_id TEXT PRIMARY KEY NOT NULL REFERENCES staff (staff_id),
                    salt BLOB NOT NULL,
                    hash BLOB NOT NULL,
                    params TEXT NOT NULL,
                    failed_count INTEGER NOT NULL DEFAULT 0,
                    locked_until DATETIME,
                    updated_at DATETIME NOT NULL
                );
                CREATE TABLE pin_failure (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    staff_id TEXT NOT NULL,
                    login TEXT NOT NULL,
                    failed_at DATETIME NOT NULL,
                    locked_until DATETIME
                );
                CREATE INDEX pin_failure_by_staff ON pin_failure (staff_id, failed_at);
                """)
        }
    }
}
