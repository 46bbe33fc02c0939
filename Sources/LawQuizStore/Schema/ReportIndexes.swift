import GRDB

/// Indexes for the administration reports (issue 5), appended after the
/// exam-session schema. A covering index on the attempt columns the reports
/// read lets `stats` answer from the index alone instead of visiting 150,000
/// table rows one by one.
enum ReportIndexes {
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-report-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX attempt_report ON attempt (
                    exam_id, status, is_formal, staff_id, score, passed, excellent, started_at, submitted_at)
                """)
        }
    }
}
