import Foundation
@testable import LawQuizStore
import XCTest

/// `PostgresEngine` against a live server (see `PostgresTestDatabase`).
final class PostgresEngineTests: XCTestCase {
    var database: PostgresTestDatabase!

    override func setUpWithError() throws {
        database = try PostgresTestDatabase()
    }

    override func tearDown() {
        database?.drop()
    }

    func testEveryValueKindRoundTrips() throws {
        let engine = database.engine()
        let when = Date(timeIntervalSince1970: 1_700_000_000.123_456)
        try engine.write { db in
            try db.executeScript("CREATE TABLE kinds (i BIGINT, r DOUBLE PRECISION, t TEXT, b BYTEA, d TIMESTAMPTZ); CREATE TABLE other (x TEXT)")
            XCTAssertEqual(try db.execute("INSERT INTO kinds VALUES (?, ?, ?, ?, ?)",
                [.integer(-9_000_000_000), .real(2.5), .text("中文 'quoted' ?"), .blob([0, 1, 255]), .date(when)]), 1)
            XCTAssertEqual(try db.execute("INSERT INTO kinds VALUES (?, ?, ?, ?, ?)", [.null, .null, .null, .null, .null]), 1)
        }
        let rows = try engine.read { try $0.rows("SELECT i, r, t, b, d FROM kinds ORDER BY i NULLS LAST", []) }
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0].columns, ["i", "r", "t", "b", "d"])
        XCTAssertEqual(rows[0].values, [.integer(-9_000_000_000), .real(2.5), .text("中文 'quoted' ?"), .blob([0, 1, 255]),
            .date(Date(timeIntervalSince1970: 1_700_000_000.123))])
        XCTAssertEqual(rows[1].values, [.null, .null, .null, .null, .null])
        // The same through a cursor.
        var seen: [String] = []
        try engine.read { db in
            try db.scan("SELECT i, r, t, d FROM kinds ORDER BY i NULLS LAST", []) { cursor in
                while try cursor.step() {
                    seen.append("\(cursor.isNull(0)) \(cursor.int(0)) \(cursor.double(1)) \(cursor.string(2)) \(cursor.string(3))")
                }
            }
        }
        XCTAssertEqual(seen, ["false -9000000000 2.5 中文 'quoted' ? 2023-11-14 22:13:20.123", "true 0 0.0  "])
        // Updates report the rows they changed.
        XCTAssertEqual(try engine.write { try $0.execute("UPDATE kinds SET t = ? WHERE i IS NULL", [.text("x")]) }, 1)
        XCTAssertEqual(try engine.write { try $0.execute("DELETE FROM other", []) }, 0)
    }

    func testScansStreamAndTheConnectionGoesOnAfterThem() throws {
        let engine = database.engine()
        // Every row, in order.
        var count: Int64 = 0
        var sum: Int64 = 0
        let start = Date()
        try engine.read { db in
            try db.scan("SELECT n, repeat('x', 100) FROM generate_series(1, ?) AS n", [.integer(20_000)]) { cursor in
                while try cursor.step() {
                    count += 1
                    let value = cursor.int(0)
                    sum += value
                    if value != count { XCTFail("row \(count) is \(value)") }
                }
            }
        }
        let scanned = Date().timeIntervalSince(start)
        let fetched = try engine.read { try $0.rows("SELECT n, repeat('x', 100) FROM generate_series(1, ?) AS n", [.integer(20_000)]) }
        print("PostgreSQL: 20,000 rows scanned in \(String(format: "%.2f", scanned)) s; fetched whole in \(String(format: "%.2f", Date().timeIntervalSince(start) - scanned)) s")
        XCTAssertEqual(fetched.count, 20_000)
        XCTAssertEqual(count, 20_000)
        XCTAssertEqual(sum, 20_000 * 20_001 / 2)
        // Stopping early (here by throwing) drops the rest; the next statement runs on the same connection.
        struct Enough: Error {}
        XCTAssertThrowsError(try engine.read { db in
            try db.scan("SELECT n FROM generate_series(1, 20000) AS n", []) { cursor in
                _ = try cursor.step()
                throw Enough()
            }
        }) { XCTAssertTrue($0 is Enough) }
        let pid = try database.backendPID(engine)
        XCTAssertEqual(try engine.read { try $0.value(Int64.self, "SELECT COUNT(*) FROM generate_series(1, 10)") }, 10)
        XCTAssertEqual(try database.backendPID(engine), pid)
        // An error partway through the rows reaches the reader as the store's error.
        var seen = 0
        XCTAssertThrowsError(try engine.read { db in
            try db.scan("SELECT 10 / (5000 - n) FROM generate_series(1, 10000) AS n", []) { cursor in
                while try cursor.step() { seen += 1 }
            }
        }) { error in
            guard case StoreError.sqlite(_, let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("22012"), message)
        }
        XCTAssertLessThan(seen, 5000)
        XCTAssertEqual(try engine.read { try $0.value(Int64.self, "SELECT 1") }, 1)
    }

    func testPlaceholdersAndNumericResults() throws {
        let engine = database.engine()
        try engine.write { db in
            try db.execute("CREATE TABLE n (v BIGINT, w DOUBLE PRECISION)", [])
            for value in [1, 2, 3, 4] { try db.execute("INSERT INTO n (v, w) VALUES (?, ?)", [.integer(Int64(value)), .null]) }
        }
        let row = try engine.read { db in
            try db.row("""
                SELECT 'a?b' AS literal, ?2 AS second, ? AS third, -- comment?
                    SUM(v) AS total, AVG(v) AS mean, AVG(v) FILTER (WHERE v < 4) AS whole, COUNT(*) AS count,
                    EXTRACT(EPOCH FROM TIMESTAMPTZ '2024-01-01 00:00:00.5+00') AS epoch, SUM(w) AS nothing, 0.1::numeric AS tenth
                FROM n WHERE v > ?1
                """, [.integer(0), .text("two"), .real(3.5)])
        }
        XCTAssertEqual(row?.value(named: "literal"), .text("a?b"))
        XCTAssertEqual(row?.value(named: "second"), .text("two"))
        XCTAssertEqual(row?.value(named: "third"), .real(3.5))
        XCTAssertEqual(row?.value(named: "total"), .integer(10))
        XCTAssertEqual(row?.value(named: "mean"), .real(2.5))
        XCTAssertEqual(row?.value(named: "whole"), .integer(2))
        XCTAssertEqual(row?.value(named: "count"), .integer(4))
        XCTAssertEqual(row?.value(named: "epoch"), .real(1_704_067_200.5))
        XCTAssertEqual(row?.value(named: "nothing"), .null)
        XCTAssertEqual(row?.value(named: "tenth"), .real(0.1))
        let big = try engine.read { try $0.row("SELECT SUM(x) AS s, -12345678901234::numeric AS n FROM (VALUES (9000000000000000000::numeric), (9000000000000000000)) AS t (x)", []) }
        XCTAssertEqual(big?.value(named: "s"), .real(1.8e19))
        XCTAssertEqual(big?.value(named: "n"), .integer(-12_345_678_901_234))
    }

    func testMigrationsRunOnceAndListTheSameIdentifiersAsSQLite() throws {
        let engine = database.engine()
        var hooked: [String] = []
        let applied = try engine.migrate { identifier, db in
            hooked.append(identifier)
            if identifier == "v3-audit-chain" {
                try db.execute("INSERT INTO audit_entry (seq, kind, payload, prev_hash, entry_hash, mac, recorded_at) VALUES (1, 'genesis', '', '', '', '', ?)", [.date(Date())])
            }
        }
        let expected = ["v1-roster-attempts-practice", "v2-report-indexes", "v3-identity", "v4-memory", "v3-audit-chain", "v3-live-session", "v5-paper", "v6-report-pick-index", "v7-answer-sheet"]
        XCTAssertEqual(applied, expected)
        XCTAssertEqual(hooked, expected)
        XCTAssertEqual(try engine.appliedMigrations(), expected)
        XCTAssertEqual(try database.engine().migrate(), [])
        XCTAssertEqual(try engine.read { try $0.value(Int64.self, "SELECT COUNT(*) FROM audit_entry") }, 1)
        XCTAssertEqual(StoreMigrations.migrator().migrations, expected)

        // A database with a migration this build does not know: refused.
        _ = try engine.write { try $0.execute("INSERT INTO lawquiz_migrations VALUES ('v9-future', now())", []) }
        XCTAssertThrowsError(try database.engine().migrate()) { error in
            guard case StoreError.newerSchema = error else { return XCTFail("\(error)") }
        }
    }

    func testHookFailureLeavesNothingBehind() throws {
        let engine = database.engine()
        struct Refused: Error {}
        XCTAssertThrowsError(try engine.migrate { identifier, _ in if identifier == "v4-memory" { throw Refused() } })
        XCTAssertEqual(try engine.appliedMigrations(), [])
        XCTAssertEqual(try engine.migrate().count, PostgresMigrations.all.count)
    }

    func testAnotherProgramsDatabaseIsLeftAlone() throws {
        let engine = database.engine()
        XCTAssertEqual(try engine.appliedMigrations(), [])
        _ = try engine.write { try $0.execute("CREATE TABLE invoices (id BIGINT)", []) }
        XCTAssertThrowsError(try engine.migrate()) { error in
            XCTAssertEqual(error as? StoreError, .foreignDatabase(path: engine.location, tables: ["invoices"]))
        }
        XCTAssertEqual(try engine.read { try $0.values(String.self, "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'") }, ["invoices"])
    }

    func testUniqueViolationIsATypedErrorAndRollsBack() throws {
        let engine = database.engine()
        try engine.migrate()
        func start(_ staff: String) throws {
            _ = try engine.write { db in
                try db.execute("""
                    INSERT INTO attempt (exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, status, full_marks, is_formal)
                    VALUES (?, '考试', 'h', ?, ?, ?, ?, 'in_progress', 100, 1)
                    """, [.text("e"), .text(staff), .integer(Int64(bitPattern: UInt64.max)), .date(Date()), .date(Date())])
            }
        }
        try start("s1")
        XCTAssertThrowsError(try start("s1")) { error in
            XCTAssertEqual(error as? StoreConstraintError, .unique(constraint: "attempt_one_open"))
        }
        try start("s2")
        XCTAssertEqual(try engine.read { try $0.values(Int64.self, "SELECT seed FROM attempt ORDER BY id") }, [-1, -1])
        XCTAssertThrowsError(try engine.write { db in
            try db.execute("INSERT INTO staff (staff_id, name, updated_at) VALUES ('p', '张三', now())", [])
            try db.execute("INSERT INTO staff (staff_id, name, updated_at) VALUES ('p', '李四', now())", [])
        }) { error in XCTAssertEqual(error as? StoreConstraintError, .unique(constraint: "staff_pkey")) }
        XCTAssertEqual(try engine.read { try $0.value(Int64.self, "SELECT COUNT(*) FROM staff") }, 0)
        // Other errors carry the server's message.
        XCTAssertThrowsError(try engine.read { try $0.rows("SELECT nonsense FROM attempt", []) }) { error in
            guard case StoreError.sqlite(_, let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("nonsense"), message)
        }
        // The engine goes on after errors.
        XCTAssertEqual(try engine.read { try $0.value(Int64.self, "SELECT COUNT(*) FROM attempt") }, 2)
    }

    func testWritesFromSeveralEnginesRunOneAtATime() throws {
        let setup = database.engine()
        try setup.write { try $0.executeScript("CREATE TABLE counter (n BIGINT NOT NULL); INSERT INTO counter VALUES (0)") }
        let engines = (0..<4).map { _ in database.engine() }
        let rounds = 25
        let failures = ErrorBox()
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: engines.count) { index in
            for _ in 0..<rounds {
                do {
                    // Read, then write what was read plus one: lost updates unless writes are serialised.
                    try engines[index].write { db in
                        let value = try db.value(Int64.self, "SELECT n FROM counter") ?? 0
                        try db.execute("UPDATE counter SET n = ?", [.integer(value + 1)])
                    }
                } catch {
                    failures.add(error)
                }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        print("PostgreSQL: \(engines.count * rounds) serialised read-then-write transactions from \(engines.count) engines in \(String(format: "%.2f", seconds)) s")
        XCTAssertEqual(failures.all.map { "\($0)" }, [])
        XCTAssertEqual(try setup.read { try $0.value(Int64.self, "SELECT n FROM counter") }, Int64(engines.count * rounds))
        // A write waits at most this long for another host's write (then `.locked`), as SQLite's busy timeout.
        XCTAssertEqual(try setup.read { try $0.value(String.self, "SHOW lock_timeout") }, "10s")
        XCTAssertEqual(try setup.read { try $0.value(String.self, "SHOW synchronous_commit") }, "on")
    }

    func testLostConnectionIsUnreachableThenReconnects() throws {
        let engine = database.engine()
        _ = try engine.write { try $0.execute("CREATE TABLE t (x BIGINT)", []) }
        let first = try database.backendPID(engine)
        _ = try database.admin.read { try $0.rows("SELECT pg_terminate_backend(?::integer)", [.integer(first)]) }
        var unreachable = 0
        var written = false
        for _ in 0..<3 where !written {
            do {
                _ = try engine.write { try $0.execute("INSERT INTO t VALUES (1)", []) }
                written = true
            } catch StoreError.unreachable {
                unreachable += 1
            }
        }
        XCTAssertTrue(written)
        XCTAssertLessThanOrEqual(unreachable, 1)
        XCTAssertNotEqual(try database.backendPID(engine), first)
        XCTAssertEqual(try engine.read { try $0.value(Int64.self, "SELECT COUNT(*) FROM t") }, 1)
    }

    func testServerThatIsNotThereIsUnreachable() throws {
        var location = database.location
        location.host = "127.0.0.1"
        location.port = 1
        location.connectTimeout = 2
        let engine = PostgresEngine(location: location, environment: [:])
        XCTAssertThrowsError(try engine.read { try $0.rows("SELECT 1", []) }) { error in
            guard case StoreError.unreachable(let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, location.description)
        }
    }

    func testUnknownDatabaseIsAnAuthenticationError() throws {
        var location = database.location
        location.database = "lawquiz_no_such_database"
        XCTAssertThrowsError(try PostgresEngine(location: location, environment: [:]).read { try $0.rows("SELECT 1", []) }) { error in
            guard case StoreError.authentication(_, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("3D000"), reason)
        }
    }
}

/// Logging in with a password, and a server restart under writes: these
/// need what a plain superuser URL does not give.
final class PostgresLoginAndRestartTests: XCTestCase {
    var database: PostgresTestDatabase!

    override func setUpWithError() throws {
        database = try PostgresTestDatabase()
    }

    override func tearDown() {
        database?.drop()
    }

    /// A role with a password logs in with `PGPASSWORD` or a 0600 password
    /// file, and a wrong password is an authentication error.
    func testPasswordFromTheEnvironmentAndThePasswordFile() throws {
        let role = "lawquiz_pw_" + database.name.suffix(8)
        let password = "pw-" + UUID().uuidString
        // scripts/pg-cluster checks passwords of this group's members (trust for everyone else).
        _ = try database.admin.autocommit { db in
            try db.execute(
                "DO $$ BEGIN CREATE ROLE lawquiz_password_users NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$", [])
            try db.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password)' IN ROLE lawquiz_password_users", [])
        }
        defer { _ = try? database.admin.autocommit { try $0.execute("DROP ROLE IF EXISTS \(role)", []) } }
        var location = database.location
        location.user = role
        if location.isUnixSocket { location.host = "127.0.0.1" }
        do {
            _ = try PostgresEngine(location: location, environment: ["PGPASSWORD": "wrong"]).read { try $0.rows("SELECT 1", []) }
            throw XCTSkip("PostgreSQL: the test server lets \(role) in without checking its password (trust); needs an md5 or scram-sha-256 line in pg_hba.conf")
        } catch StoreError.authentication(let path, let reason) {
            XCTAssertFalse(path.contains("wrong") || reason.contains("wrong"))
        }
        XCTAssertEqual(try PostgresEngine(location: location, environment: ["PGPASSWORD": password])
            .read { try $0.value(String.self, "SELECT current_user::text") }, role)
        XCTAssertEqual(try PostgresEngine(location: location, password: password, environment: [:])
            .read { try $0.value(String.self, "SELECT current_user::text") }, role)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let passFile = folder.appendingPathComponent(".pgpass")
        try "\(location.host):\(location.port):*:\(role):\(password)\n".write(to: passFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passFile.path)
        XCTAssertEqual(try PostgresEngine(location: location, environment: ["HOME": folder.path])
            .read { try $0.value(String.self, "SELECT current_user::text") }, role)
        // Readable by others: ignored, so no password, so refused.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: passFile.path)
        XCTAssertThrowsError(try PostgresEngine(location: location, environment: ["HOME": folder.path]).read { try $0.rows("SELECT 1", []) }) { error in
            guard case StoreError.authentication = error else { return XCTFail("\(error)") }
        }
    }

    /// Writes go on through a server restart (`LAWQUIZ_TEST_POSTGRES_RESTART`,
    /// a shell command that restarts the test server): every failed write
    /// is `.unreachable`, every write that returned is in the table.
    func testWritesGoOnThroughAServerRestart() throws {
        guard let restart = ProcessInfo.processInfo.environment["LAWQUIZ_TEST_POSTGRES_RESTART"], !restart.isEmpty else {
            throw XCTSkip("PostgreSQL: LAWQUIZ_TEST_POSTGRES_RESTART not set (a shell command that restarts the test server)")
        }
        let engine = database.engine()
        _ = try engine.write { try $0.execute("CREATE TABLE answer (n BIGINT PRIMARY KEY)", []) }
        // posix_spawn and waitpid: Foundation's Process did not see this shell end.
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(restart), nil]
        defer { argv.forEach { free($0) } }
        XCTAssertEqual(posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ), 0)
        var status: Int32 = 0
        var restarting = true
        var committed: [Int64] = []
        var unreachable = 0
        var next: Int64 = 0
        // Until the restart is over, and then until one more write went through.
        while true {
            if restarting, waitpid(pid, &status, WNOHANG) == pid { restarting = false }
            let finished = !restarting
            do {
                _ = try engine.write { try $0.execute("INSERT INTO answer VALUES (?)", [.integer(next)]) }
            } catch StoreError.unreachable {
                unreachable += 1
                Thread.sleep(forTimeInterval: 0.05)
                continue
            } catch StoreConstraintError.unique {
                // The connection was lost after the COMMIT reached the server: it was written.
            }
            committed.append(next)
            next += 1
            if finished { break }
            Thread.sleep(forTimeInterval: 0.01)
        }
        XCTAssertEqual(status, 0, "restart command failed")
        print("PostgreSQL restart: \(committed.count) writes committed, \(unreachable) unreachable")
        XCTAssertEqual(try engine.read { try $0.values(Int64.self, "SELECT n FROM answer ORDER BY n") }, committed)
    }
}
