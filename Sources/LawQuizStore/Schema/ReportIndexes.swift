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

    /// `v6-report-pick-index` (issue 14), the same SQL in both engines: the
    /// report index again, in the order of the default counting rule (per
    /// person, highest score first, then earliest start, then lowest id) and
    /// with `source` (v5-paper), so the counted attempt comes straight from
    /// the index, without a sort or a visit to the table row. It replaces
    /// `attempt_report`, whose columns it holds.
    static let pickIndexSQL = """
        DROP INDEX attempt_report;
        CREATE INDEX attempt_pick ON attempt (
            exam_id, status, is_formal, staff_id, score DESC, started_at, id, passed, excellent, submitted_at, source)
        """

    static func registerPickIndex(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v6-report-pick-index") { db in try db.execute(sql: pickIndexSQL) }
    }
}
