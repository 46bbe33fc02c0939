import GRDB
@testable import LawQuizStore
import XCTest

/// The PostgreSQL migrations give the same tables, columns (in order, with
/// the same NOT NULLs) and named indexes as the SQLite ones, so a migration
/// added on one side only fails here.
final class PostgresSchemaParityTests: StoreTestCase {
    struct Shape: Equatable {
        var columns: [String: [String]] = [:]
        var indexes: Set<String> = []
    }

    func testSameTablesColumnsAndIndexesAsSQLite() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let engine = database.engine()
        try engine.migrate()

        var sqlite = Shape()
        try XCTUnwrap(try openSQLiteStore().engine as? SQLiteEngine).readDatabase { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'grdb_migrations'
                """)
            for table in tables {
                let primaryKey = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").filter { ($0["pk"] as Int) > 0 }.count
                sqlite.columns[table] = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { row in
                    let name: String = row["name"]
                    // SQLite lets a one-column INTEGER PRIMARY KEY be declared without NOT NULL.
                    let notNull = (row["notnull"] as Int) == 1 || ((row["pk"] as Int) > 0 && primaryKey == 1)
                    return notNull ? "\(name) NOT NULL" : name
                }
            }
            sqlite.indexes = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
        }

        var postgres = Shape()
        try engine.read { db in
            for row in try db.rows("""
                SELECT table_name::text AS t, column_name::text AS c, is_nullable::text AS n FROM information_schema.columns
                WHERE table_schema = current_schema() AND table_name != 'lawquiz_migrations' ORDER BY table_name, ordinal_position
                """, []) {
                let column: String = try row["c"]
                let table: String = try row["t"]
                let nullable: String = try row["n"]
                postgres.columns[table, default: []].append(nullable == "NO" ? "\(column) NOT NULL" : column)
            }
            postgres.indexes = Set(try db.values(String.self, """
                SELECT indexname::text FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT LIKE '%_pkey'
                """))
        }
        XCTAssertEqual(postgres.columns.keys.sorted(), sqlite.columns.keys.sorted())
        for (table, columns) in sqlite.columns { XCTAssertEqual(postgres.columns[table], columns, table) }
        XCTAssertEqual(postgres.indexes, sqlite.indexes)
    }
}
