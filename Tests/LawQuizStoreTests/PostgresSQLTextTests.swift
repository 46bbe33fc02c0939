@testable import LawQuizStore
import XCTest

/// `?` placeholders numbered for PostgreSQL and scripts split into statements.
final class PostgresSQLTextTests: XCTestCase {
    func testPlaceholdersAreNumbered() {
        XCTAssertEqual(PostgresSQLText.numberingPlaceholders("SELECT * FROM t WHERE a = ? AND b = ?"), "SELECT * FROM t WHERE a = $1 AND b = $2")
        XCTAssertEqual(PostgresSQLText.numberingPlaceholders("VALUES (?2, ?1, ?)"), "VALUES ($2, $1, $3)")
        XCTAssertEqual(PostgresSQLText.numberingPlaceholders("SELECT 1"), "SELECT 1")
    }

    func testQuestionMarksOutsideCodeStay() {
        let sql = """
            SELECT '?', 'it''s ?', E'\\'?', "col?", $$ ? $$, $tag$ '?' $tag$, ? -- why?
            /* a ? /* nested ? */ still ? */ FROM t WHERE x = ?
            """
        let expected = """
            SELECT '?', 'it''s ?', E'\\'?', "col?", $$ ? $$, $tag$ '?' $tag$, $1 -- why?
            /* a ? /* nested ? */ still ? */ FROM t WHERE x = $2
            """
        XCTAssertEqual(PostgresSQLText.numberingPlaceholders(sql), expected)
        // `$1` already numbered and identifiers with `$` are not dollar quotes.
        XCTAssertEqual(PostgresSQLText.numberingPlaceholders("SELECT a$b, ? FROM t"), "SELECT a$b, $1 FROM t")
        XCTAssertEqual(PostgresSQLText.numberingPlaceholders("中文 = ?"), "中文 = $1")
    }

    func testScriptsSplitAtSemicolonsInCodeOnly() {
        let script = """
            -- leading comment; not a statement
            CREATE TABLE a (x TEXT DEFAULT ';');
            /* ; */
            CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;;
            INSERT INTO "semi;colon" VALUES ('a;b')
            """
        XCTAssertEqual(PostgresSQLText.statements(script), [
            "-- leading comment; not a statement\nCREATE TABLE a (x TEXT DEFAULT ';')",
            "/* ; */\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
            "INSERT INTO \"semi;colon\" VALUES ('a;b')",
        ])
        XCTAssertEqual(PostgresSQLText.statements("  ;\n-- only a comment\n"), [])
    }
}
