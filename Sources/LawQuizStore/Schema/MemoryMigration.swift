import GRDB

/// `v4-memory`: the FSRS memory state of each person and question, written
/// by every practice answer and every submitted exam answer.
enum MemoryMigration {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-memory") { db in
            try db.execute(sql: """
                CREATE TABLE memory_state (
                    staff_id TEXT NOT NULL,
                    question_id TEXT NOT NULL,
                    stability REAL NOT NULL,
                    difficulty REAL NOT NULL,
                    due_at DATETIME NOT NULL,
                    last_review_at DATETIME NOT NULL,
                    reps INTEGER NOT NULL,
                    lapses INTEGER NOT NULL,
                    PRIMARY KEY (staff_id, question_id)
                );
                CREATE INDEX memory_due ON memory_state (staff_id, due_at);
                """)
        }
    }
}
