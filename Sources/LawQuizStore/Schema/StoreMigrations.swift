import Crypto
import GRDB

/// The versioned schema. Never edit a shipped migration: add a new one, so
/// every existing results file upgrades in place.
enum StoreMigrations {
    /// The migrations; `auditKey` signs the audit chain's first entries and
    /// may be nil only where nothing is migrated (listing what was applied).
    static func migrator(auditKey: SymmetricKey? = nil) -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-roster-attempts-practice", migrate: createV1)
        ReportIndexes.register(in: &migrator)
        IdentityMigration.register(in: &migrator)
        MemoryMigration.register(in: &migrator)
        AuditChain.register(in: &migrator, key: auditKey)
        LiveSessionSchema.register(in: &migrator)
        PaperMigration.register(in: &migrator)
        ReportIndexes.registerPickIndex(in: &migrator)
        AnswerSheetMigration.register(in: &migrator)
        return migrator
    }

    /// Roster, attempts with their drawn paper and responses, practice answers and 错题本.
    private static func createV1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE staff (
                staff_id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                department TEXT NOT NULL DEFAULT '',
                active INTEGER NOT NULL DEFAULT 1,
                updated_at DATETIME NOT NULL
            );
            CREATE TABLE attempt (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                exam_id TEXT NOT NULL,
                exam_title TEXT NOT NULL,
                definition_hash TEXT NOT NULL,
                staff_id TEXT NOT NULL,
                seed INTEGER NOT NULL,
                started_at DATETIME NOT NULL,
                deadline DATETIME NOT NULL,
                submitted_at DATETIME,
                status TEXT NOT NULL CHECK (status IN ('in_progress', 'submitted')),
                submit_reason TEXT,
                score REAL,
                full_marks REAL NOT NULL,
                passed INTEGER,
                excellent INTEGER,
                is_formal INTEGER NOT NULL
            );
            CREATE UNIQUE INDEX attempt_one_open ON attempt (exam_id, staff_id) WHERE status = 'in_progress';
            CREATE INDEX attempt_by_staff ON attempt (staff_id, started_at);
            CREATE INDEX attempt_by_exam ON attempt (exam_id, staff_id);
            CREATE TABLE paper_item (
                attempt_id INTEGER NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
                item_index INTEGER NOT NULL,
                question_id TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                option_order TEXT NOT NULL,
                answer_key TEXT NOT NULL,
                points REAL NOT NULL,
                section_index INTEGER NOT NULL,
                type TEXT NOT NULL,
                law_id TEXT NOT NULL,
                PRIMARY KEY (attempt_id, item_index)
            );
            CREATE TABLE response (
                attempt_id INTEGER NOT NULL,
                item_index INTEGER NOT NULL,
                answer TEXT,
                answered_at DATETIME NOT NULL,
                marked INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (attempt_id, item_index),
                FOREIGN KEY (attempt_id, item_index) REFERENCES paper_item (attempt_id, item_index) ON DELETE CASCADE
            );
            CREATE TABLE practice_answer (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                staff_id TEXT NOT NULL,
                question_id TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                answer TEXT NOT NULL,
                correct INTEGER NOT NULL,
                from_wrong_book INTEGER NOT NULL,
                answered_at DATETIME NOT NULL
            );
            CREATE INDEX practice_by_staff ON practice_answer (staff_id, answered_at);
            CREATE TABLE wrong_book (
                staff_id TEXT NOT NULL,
                question_id TEXT NOT NULL,
                added_at DATETIME NOT NULL,
                last_answered_at DATETIME NOT NULL,
                wrong_count INTEGER NOT NULL DEFAULT 1,
                right_streak INTEGER NOT NULL DEFAULT 0,
                cleared_at DATETIME,
                PRIMARY KEY (staff_id, question_id)
            );
            """)
    }
}
