import Foundation
import XCTest

/// The installed (set-group-id) program with its results in PostgreSQL, end
/// to end as root: `scripts/install` into a temporary prefix, then a
/// root-owned configuration naming a `postgres://` store on the test cluster
/// (`LAWQUIZ_TEST_POSTGRES`), its `store_password_file` and `audit_key`, and a
/// role that must log in with that password (scripts/pg-cluster checks
/// passwords of `lawquiz_password_users` members). An examinee sits an exam
/// through pipes; the administrator's `stats` shows it and `verify` is
/// clean; the examinee can read neither the password nor the key, and the
/// store can be moved by nothing in the examinee's environment. Skipped,
/// saying why, when not root or when no test cluster is configured.
final class InstalledPostgresTests: XCTestCase {
    private var host: InstalledHost!
    private var server: ServerDatabase!
    private var role = ""
    private var examinee = "", admin = ""
    private var passwordFile: URL { host.sysconf.appendingPathComponent("lawquiz/store.password") }
    private var keyFile: URL { host.sysconf.appendingPathComponent("lawquiz/audit.key") }

    override func setUpWithError() throws {
        guard let server = ServerDatabase(always: true) else {
            throw XCTSkip("PostgreSQL: LAWQUIZ_TEST_POSTGRES 未设置（scripts/pg-cluster start 启动测试集群），安装模式 + PostgreSQL 测试已跳过")
        }
        host = try InstalledHost()
        self.server = server
        examinee = try host.addUser("e")
        admin = try host.addUser("m", groups: ["lawquiz-admin"])
        role = "lawquiz_inst_\(host.tag)"
    }

    override func tearDownWithError() throws {
        if let server {
            if !role.isEmpty {
                try? server.execute("REASSIGN OWNED BY \(role) TO CURRENT_USER; DROP OWNED BY \(role); DROP ROLE IF EXISTS \(role)")
            }
            server.drop()
        }
        host?.remove()
    }

    func testExamineeSitsOnAServerStoreThatOnlyTheConfigurationNames() throws {
        let password = "pw-" + UUID().uuidString
        // A role of its own that owns the database, as `createdb -O lawquiz` would give.
        try server.execute("""
            DO $$ BEGIN CREATE ROLE lawquiz_password_users NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
            CREATE ROLE \(role) LOGIN PASSWORD '\(password)' IN ROLE lawquiz_password_users;
            ALTER DATABASE \(server.name) OWNER TO \(role);
            """)
        let cluster = try XCTUnwrap(URLComponents(string: server.url))
        let store = "postgres://\(role)@127.0.0.1:\(cluster.port ?? 5432)/\(server.name)"
        try host.writeFile(password + "\n", to: passwordFile, owner: "root:lawquiz", mode: 0o640)
        try host.writeFile(
            """
            banks: \(host.prefix.path)/share/lawquiz
            store: \(store)
            store_password_file: \(passwordFile.path)
            audit_key: \(keyFile.path)
            cache: \(host.state.path)/cache
            time_zone: Asia/Shanghai
            review: immediately
            """, to: host.config, owner: "root:root", mode: 0o644)
        try host.addExam("pgweek", """
            id: pgweek
            title: 服务器存储测试
            time_limit_minutes: 10
            sections:
              - { type: judge, count: 2, points: 50 }
            """)
        let roster = host.root.appendingPathComponent("roster.csv")
        try host.writeFile("工号,姓名,部门,登录名\n9101,张伟,综合办公室,\(examinee)\n9102,李娜,综合办公室,\n", to: roster, owner: "root:root", mode: 0o644)

        // No key yet: an examinee's run does not make one (it would own it).
        let early = try host.lawquiz(as: examinee, ["history"])
        XCTAssertEqual(early.status, 4, early.stdout + early.stderr)
        XCTAssertTrue(early.stderr.contains(keyFile.path) && early.stderr.contains("root"), early.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: keyFile.path))

        // Root's first run creates it root:lawquiz 0640 (and the tables, logging in with the file's password).
        let imported = try host.lawquiz(as: "root", ["roster", "import", roster.path])
        XCTAssertEqual(imported.status, 0, imported.stdout + imported.stderr)
        var key = stat()
        XCTAssertEqual(stat(keyFile.path, &key), 0)
        XCTAssertEqual(key.st_uid, 0)
        XCTAssertEqual(host.groupName(key.st_gid), "lawquiz")
        XCTAssertEqual(Int(key.st_mode) & 0o7777, 0o640)
        for secret in [passwordFile.path, keyFile.path] {
            XCTAssertFalse(try host.canRead(secret, as: examinee), "\(secret) 可被考生读取")
        }

        // The store, key and login come from the configuration only.
        let elsewhere = "postgres://postgres@127.0.0.1:\(cluster.port ?? 5432)/postgres"
        for (arguments, environment) in [
            (["history", "--results", elsewhere], [String: String]()),
            (["history"], ["LAWQUIZ_RESULTS": elsewhere]),
            (["history"], ["LAWQUIZ_AUDIT_KEY": host.root.appendingPathComponent("mine.key").path]),
        ] {
            let refused = try host.lawquiz(as: examinee, arguments, environment: environment)
            XCTAssertEqual(refused.status, 77, "\(arguments) \(environment): \(refused.stdout) \(refused.stderr)")
        }
        // libpq's variables are dropped: the sitting goes to the configured store as the configured role.
        let libpq = [
            "PGPASSWORD": "wrong", "PGUSER": "postgres", "PGHOST": "192.0.2.1", "PGDATABASE": "postgres",
            "PGPASSFILE": host.root.appendingPathComponent("mine.pgpass").path, "HOME": host.root.path,
        ]
        let sat = try host.lawquiz(as: examinee, ["exam", "take", "pgweek"], input: "对\n对\ny\n", environment: libpq)
        XCTAssertEqual(sat.status, 0, sat.stdout + sat.stderr)
        XCTAssertTrue(sat.stdout.contains("/ 100 分"), sat.stdout)
        let own = try host.lawquiz(as: examinee, ["history"], environment: libpq)
        XCTAssertEqual(own.status, 0, own.stderr)
        XCTAssertTrue(own.stdout.contains("9101"), own.stdout)
        XCTAssertEqual(try host.lawquiz(as: examinee, ["stats", "pgweek"]).status, 77)

        let stats = try host.lawquiz(as: admin, ["stats", "pgweek"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("1/2"), stats.stdout)
        let verified = try host.lawquiz(as: admin, ["verify"])
        XCTAssertEqual(verified.status, 0, verified.stdout + verified.stderr)
        XCTAssertTrue(verified.stdout.contains("未发现不一致"), verified.stdout)

        // The password in the file is what the server checks.
        try host.writeFile("wrong\n", to: passwordFile, owner: "root:lawquiz", mode: 0o640)
        let refusedLogin = try host.lawquiz(as: admin, ["stats", "pgweek"])
        XCTAssertEqual(refusedLogin.status, 4, refusedLogin.stdout + refusedLogin.stderr)
        XCTAssertTrue(refusedLogin.stderr.contains("拒绝登录"), refusedLogin.stderr)
        try host.writeFile(password + "\n", to: passwordFile, owner: "root:lawquiz", mode: 0o640)

        // A lost key is not replaced: every later run refuses, naming the file, until it is restored.
        let aside = host.root.appendingPathComponent("audit.key.backup")
        try FileManager.default.moveItem(at: keyFile, to: aside)
        for (user, arguments, input) in [(examinee, ["exam", "take", "pgweek"], "对\n"), (admin, ["verify"], ""), ("root", ["verify"], "")] {
            let lost = try host.lawquiz(as: user, arguments, input: input)
            XCTAssertEqual(lost.status, 4, "\(user) \(arguments): \(lost.stdout) \(lost.stderr)")
            XCTAssertTrue(lost.stderr.contains(keyFile.path) && lost.stderr.contains("恢复"), lost.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: keyFile.path), "\(user) made a new key")
        }
        try FileManager.default.moveItem(at: aside, to: keyFile)
        let restored = try host.lawquiz(as: admin, ["verify"])
        XCTAssertEqual(restored.status, 0, restored.stdout + restored.stderr)
    }
}
