import GRDB

/// `v5-paper`: paper exams. `issued_paper` records every printed paper with
/// the seed that draws it again (so a sheet can only be entered for a paper
/// that was printed); `attempt.source` tells paper attempts from online ones
/// and `attempt.paper_no` ties an entered sheet to its paper, once.
enum PaperMigration {
    static func register(in migrator: inout DatabaseMigrator) {
        // Immediate checks: new table and columns cannot break existing rows (see v3-audit-chain).
        migrator.registerMigration("v5-paper", foreignKeyChecks: .immediate) { db in
            try db.execute(sql: """
                CREATE TABLE issued_paper (
                    exam_id TEXT NOT NULL,
                    paper_no INTEGER NOT NULL,
                    seed INTEGER NOT NULL,
                    staff_id TEXT,
                    issued_at DATETIME NOT NULL,
                    issued_by TEXT NOT NULL,
                    PRIMARY KEY (exam_id, paper_no)
                );
                ALTER TABLE attempt ADD COLUMN source TEXT NOT NULL DEFAULT 'online' CHECK (source IN ('online', 'paper'));
                ALTER TABLE attempt ADD COLUMN paper_no INTEGER;
                CREATE UNIQUE INDEX attempt_paper_once ON attempt (exam_id, paper_no) WHERE paper_no IS NOT NULL;
                """)
        }
    }
}
