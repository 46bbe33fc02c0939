import GRDB

/// `v7-answer-sheet` (issue 14): the `answer_sheet` table (see `AnswerSheet`)
/// and the sheets of every attempt already submitted, written by the same
/// statement as at submission, so an upgraded store reads fast at once.
enum AnswerSheetMigration {
    static let identifier = "v7-answer-sheet"

    /// The migration in either engine's SQL.
    static func sql(_ dialect: any SQLDialect, integer: String) -> String {
        AnswerSheet.createSQL(integer: integer) + ";\n" + AnswerSheet.insertSQL(dialect, oneAttempt: false)
    }

    static func register(in migrator: inout DatabaseMigrator) {
        // Immediate checks: each inserted sheet's attempt is checked as it is
        // written, not by a foreign-key check of the whole store afterwards.
        migrator.registerMigration(identifier, foreignKeyChecks: .immediate) { db in
            try db.execute(sql: sql(SQLiteDialect(), integer: "INTEGER"))
        }
    }
}
