import Foundation
import XCTest

/// Issue 8 end to end, as root: installs the built lawquiz set-group-id into
/// a temporary prefix with `scripts/install`, creates two staff logins and an
/// administrator with useradd, and tries what a hostile examinee would with
/// `runuser`. Everything created (users, groups the test made, files) is
/// removed in tearDown. Skipped, saying why, when not root.
final class InstalledSecurityTests: XCTestCase {
    private var host: InstalledHost!
    private var root: URL { host.root }
    private var prefix: URL { host.prefix }
    private var sysconf: URL { host.sysconf }
    private var state: URL { host.state }
    private var binary: String { host.binary }
    private var staff1 = "", staff2 = "", admin = "", kiosk = ""

    override func setUpWithError() throws {
        host = try InstalledHost(tools: ["/usr/bin/faketime"])
        staff1 = try host.addUser("a")
        staff2 = try host.addUser("b")
        admin = try host.addUser("m", groups: ["lawquiz-admin"])
        kiosk = try host.addUser("k")
    }

    override func tearDownWithError() throws {
        host?.remove()
    }

    func testInstalledProgramKeepsKeysResultsAndClockFromExaminees() throws {
        try checkLayout()
        try writeExams()
        let roster = root.appendingPathComponent("roster.csv")
        try "工号,姓名,部门,登录名\n9001,张伟,综合办公室,\(staff1)\n9002,李娜,综合办公室,\(staff2)\n9003,王芳,综合办公室,\n9009,王强,信息科,\(admin)\n"
            .write(to: roster, atomically: true, encoding: .utf8)
        chmod(roster.path, 0o644)

        // Administrators only: roster import by staff is refused, by the admin done.
        XCTAssertEqual(try lawquiz(as: staff1, ["roster", "import", roster.path]).status, 77)
        let imported = try lawquiz(as: admin, ["roster", "import", roster.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(try lawquiz(as: admin, ["roster", "list"]).stdout.contains(staff2))

        // Keys, results and cache cannot be read outside lawquiz.
        let bankFile = try XCTUnwrap(FileManager.default.subpaths(atPath: prefix.appendingPathComponent("share/lawquiz/banks").path)?
            .first { $0.hasSuffix(".yaml") })
        for path in [
            prefix.appendingPathComponent("share/lawquiz/banks/\(bankFile)").path, state.appendingPathComponent("lawquiz.sqlite").path,
            state.appendingPathComponent("lawquiz.sqlite.key").path,
        ] {
            XCTAssertFalse(try host.canRead(path, as: staff1), "\(path) 可被普通用户读取")
        }
        XCTAssertNotEqual(try shell("/usr/sbin/runuser", ["-u", staff1, "--", "/bin/ls", state.appendingPathComponent("cache").path]).status, 0)

        // Other banks, another store, LAWQUIZ_* and another person's 工号: refused with 77.
        let elsewhere = root.appendingPathComponent("mine.sqlite").path
        for (arguments, environment) in [
            (["exam", "list", "--banks", DataCommandRunner.repositoryRoot.appendingPathComponent("QuestionBanks").path], [String: String]()),
            (["history", "--results", elsewhere], [:]),
            (["history"], ["LAWQUIZ_RESULTS": elsewhere]),
            (["exam", "take", "open", "--staff", "9002"], [:]),
            (["stats", "open"], [:]),
            (["export", "open", "--format", "csv", "--output", elsewhere], [:]),
            (["exam", "print", "open", "--count", "1", "--output", elsewhere], [:]),
            (["exam", "enter", "open", "--import", elsewhere], [:]),
        ] {
            let refused = try lawquiz(as: staff1, arguments, environment: environment)
            XCTAssertEqual(refused.status, 77, "\(arguments) \(environment): \(refused.stdout) \(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains("管理员"), refused.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: elsewhere))

        // The window is read in the config's zone and compared as instants: TZ and libfaketime change nothing.
        XCTAssertEqual(try shell("/usr/bin/faketime", ["2020-01-01 00:00:00", "/bin/date", "+%Y"]).stdout, "2020\n", "faketime 本身应生效")
        for (label, prefixCommand) in [
            ("TZ", ["/usr/bin/env", "TZ=Etc/GMT+12"]), ("faketime", ["/usr/bin/faketime", "-f", "-2h"]),
            ("faketime absolute", ["/usr/bin/faketime", "2020-01-01 00:00:00"]),
        ] {
            let closed = try lawquiz(as: staff1, ["exam", "take", "closed"], wrapper: prefixCommand)
            XCTAssertNotEqual(closed.status, 0, "\(label): \(closed.stdout)")
            XCTAssertTrue(closed.stderr.contains("已截止") || closed.stderr.contains("截止"), "\(label): \(closed.stderr)")
        }

        // The ordinary path: both staff sit (identified by login), keys held back until closes_at.
        for user in [staff1, staff2] {
            let sat = try lawquiz(as: user, ["exam", "take", "open"], input: ":s\ny\n")
            XCTAssertEqual(sat.status, 0, sat.stdout + sat.stderr)
            XCTAssertTrue(sat.stdout.contains("答案与解析将在考试截止"), sat.stdout)
            XCTAssertFalse(sat.stdout.contains("正确答案"), sat.stdout)
        }
        // A sitting under libfaketime is stamped with the real time, not two hours ago.
        let faked = try lawquiz(as: staff1, ["exam", "take", "demo"], input: ":s\ny\n", wrapper: ["/usr/bin/faketime", "-f", "-2h"])
        XCTAssertEqual(faked.status, 0, faked.stdout + faked.stderr)
        let age = try shell(
            "/usr/bin/sqlite3",
            [state.appendingPathComponent("lawquiz.sqlite").path,
             "SELECT CAST(ABS(julianday('now') - julianday(started_at)) * 86400 AS INTEGER) FROM attempt WHERE exam_id = 'demo'"])
        XCTAssertLessThan(Int(age.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? .max, 600, "started_at 被 faketime 改动：\(age.stdout)")

        let own = try lawquiz(as: staff2, ["history"])
        XCTAssertTrue(own.stdout.contains("9002") && !own.stdout.contains("9001"), own.stdout)
        let stats = try lawquiz(as: admin, ["stats", "open"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("2/4"), stats.stdout)

        try checkSharedConsoleAndProctor()

        // Everything lawquiz created in the state folder is group-only.
        for name in try FileManager.default.contentsOfDirectory(atPath: state.path) {
            let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: state.appendingPathComponent(name).path)[.posixPermissions] as? Int)
            XCTAssertEqual(mode & 0o007, 0, "\(name) mode \(String(mode, radix: 8))")
        }
        // The log files an examinee's sitting leaves behind (persistent WAL) carry the store's mode and group.
        _ = try lawquiz(as: staff2, ["exam", "take", "demo"], input: ":q\n")
        var storeInfo = stat()
        XCTAssertEqual(stat(state.appendingPathComponent("lawquiz.sqlite").path, &storeInfo), 0)
        for suffix in ["-wal", "-shm"] {
            var info = stat()
            let path = state.appendingPathComponent("lawquiz.sqlite" + suffix).path
            XCTAssertEqual(stat(path, &info), 0, "\(path) 未保留")
            XCTAssertEqual(info.st_mode & 0o7777, storeInfo.st_mode & 0o7777, path)
            XCTAssertEqual(info.st_gid, storeInfo.st_gid, path)
        }
    }

    /// `verify` is the administrators'; it passes on the untouched store and
    /// names each edit made with sqlite3 behind the program's back: a score,
    /// an answer, a deadline, a deleted attempt.
    private func checkVerifyCatchesEdits() throws {
        XCTAssertEqual(try lawquiz(as: staff1, ["verify"]).status, 77)
        let clean = try lawquiz(as: admin, ["verify"])
        XCTAssertEqual(clean.status, 0, clean.stdout + clean.stderr)
        let store = state.appendingPathComponent("lawquiz.sqlite").path
        func attempt(_ staff: String, _ exam: String) throws -> String {
            let id = try shell("/usr/bin/sqlite3", [store, "SELECT MIN(id) FROM attempt WHERE staff_id = '\(staff)' AND exam_id = '\(exam)'"])
            return id.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let scored = try attempt("9001", "open"), answered = try attempt("9002", "open"), timed = try attempt("9003", "open")
        let deleted = try shell("/usr/bin/sqlite3", [store, "SELECT MAX(id) FROM attempt"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertEqual(Set([scored, answered, timed, deleted]).count, 4, "four different attempts to edit")
        let edit = try shell("/usr/bin/sqlite3", [store, """
            UPDATE attempt SET score = 100, passed = 1, excellent = 1 WHERE id = \(scored);
            INSERT OR REPLACE INTO response (attempt_id, item_index, answer, answered_at, marked)
                VALUES (\(answered), 0, 'A', '2026-01-01 00:00:00.000', 0);
            UPDATE attempt SET deadline = '2099-01-01 00:00:00.000' WHERE id = \(timed);
            PRAGMA foreign_keys = ON; DELETE FROM attempt WHERE id = \(deleted);
            """])
        XCTAssertEqual(edit.status, 0, edit.stderr)
        let caught = try lawquiz(as: admin, ["verify"])
        XCTAssertEqual(caught.status, 1, caught.stdout + caught.stderr)
        for expected in [
            "作答 #\(scored)（9001 张伟", "成绩被改动", "作答 #\(answered)（9002 李娜", "答案被改动", "作答 #\(timed)（9003 王芳",
            "截止时间被改动", "作答 #\(deleted)", "已从数据库中删除",
        ] {
            XCTAssertTrue(caught.stdout.contains(expected), "missing \(expected) in\n\(caught.stdout)")
        }
    }

    /// A shared-console login gives 工号 and PIN (never echoed, locked after
    /// five failures); an administrator's `--staff` records the proctor;
    /// `verify` catches edits; `make uninstall` keeps the results.
    private func checkSharedConsoleAndProctor() throws {
        let config = sysconf.appendingPathComponent("lawquiz/lawquiz.yaml")
        let text = try String(contentsOf: config, encoding: .utf8).replacingOccurrences(of: "shared_logins: []", with: "shared_logins: [\(kiosk)]")
        try text.write(to: config, atomically: true, encoding: .utf8)
        chmod(config.path, 0o644)
        XCTAssertEqual(try lawquiz(as: staff1, ["roster", "pin", "9003"], input: "7351\n").status, 77)
        let set = try lawquiz(as: admin, ["roster", "pin", "9003"], input: "7351\n")
        XCTAssertEqual(set.status, 0, set.stderr)
        XCTAssertFalse(set.stdout.contains("7351"), set.stdout)
        let wrong = try lawquiz(as: kiosk, ["exam", "take", "open"], input: "9003\n1111\n")
        XCTAssertEqual(wrong.status, 77, wrong.stdout + wrong.stderr)
        XCTAssertTrue(wrong.stderr.contains("PIN 不正确"), wrong.stderr)
        XCTAssertFalse(wrong.stdout.contains("1111"), "PIN 不应回显：\(wrong.stdout)")
        let right = try lawquiz(as: kiosk, ["exam", "take", "open"], input: "9003\n7351\n:s\ny\n")
        XCTAssertEqual(right.status, 0, right.stdout + right.stderr)
        XCTAssertFalse(right.stdout.contains("7351"), right.stdout)
        XCTAssertEqual(try lawquiz(as: kiosk, ["history"]).status, 77, "a shared login has no attempts of its own")

        let proctored = try lawquiz(as: admin, ["exam", "take", "demo", "--staff", "9001"], input: ":s\ny\n")
        XCTAssertEqual(proctored.status, 0, proctored.stdout + proctored.stderr)
        let store = state.appendingPathComponent("lawquiz.sqlite").path
        let query = try shell("/usr/bin/sqlite3", [store, "SELECT staff_id, IFNULL(proctor_login, '-') FROM attempt ORDER BY id"])
        XCTAssertEqual(query.stdout, "9001|-\n9002|-\n9001|-\n9003|-\n9001|\(admin)\n", query.stderr)
        let failures = try shell("/usr/bin/sqlite3", [store, "SELECT staff_id, login FROM pin_failure"])
        XCTAssertEqual(failures.stdout, "9003|\(kiosk)\n")
        try checkVerifyCatchesEdits()

        let removed = try host.run(script: "uninstall")
        XCTAssertEqual(removed.status, 0, removed.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: binary))
        XCTAssertTrue(FileManager.default.fileExists(atPath: store), "results are kept")
    }

    /// The layout `make install` promises.
    private func checkLayout() throws {
        var expectations: [(String, Int)] = [
            (binary, 0o2755), (prefix.appendingPathComponent("share/lawquiz").path, 0o750),
            (prefix.appendingPathComponent("share/lawquiz/exams/demo.yaml").path, 0o640), (state.path, 0o2770),
            (state.appendingPathComponent("lawquiz.sqlite").path, 0o660),
        ]
        // The banks' snapshot the installation made (bank snapshot as root): as closed as the banks,
        // since it holds every answer key.
        let shipped = prefix.appendingPathComponent("share/lawquiz/.catalog")
        let snapshots = try FileManager.default.contentsOfDirectory(atPath: shipped.path).filter { $0.hasPrefix("catalog-") }
        XCTAssertEqual(snapshots.count, 1, "\(snapshots)")
        expectations.append((shipped.path, 0o750))
        for name in snapshots {
            let file = shipped.appendingPathComponent(name).path
            expectations.append((file, 0o640))
            XCTAssertNotEqual(try shell("/usr/sbin/runuser", ["-u", staff1, "--", "/bin/cat", file]).status, 0, "\(file) 可被普通用户读取")
        }
        for (path, mode) in expectations {
            var info = stat()
            XCTAssertEqual(stat(path, &info), 0, path)
            XCTAssertEqual(Int(info.st_mode) & 0o7777, mode, path)
            XCTAssertEqual(groupName(info.st_gid), "lawquiz", path)
        }
        var config = stat()
        XCTAssertEqual(stat(sysconf.appendingPathComponent("lawquiz/lawquiz.yaml").path, &config), 0)
        XCTAssertEqual(config.st_uid, 0)
    }

    /// A formal exam open now and one that closed an hour ago, its times
    /// written without a zone (read in the config's Asia/Shanghai).
    private func writeExams() throws {
        let shanghai = try XCTUnwrap(TimeZone(identifier: "Asia/Shanghai"))
        func local(_ offset: TimeInterval) -> String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = shanghai
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
            return formatter.string(from: Date().addingTimeInterval(offset))
        }
        let sections = """
            sections:
              - { law: work-safety, type: single, count: 1, points: 50 }
              - { type: judge, count: 1, points: 50 }
            """
        for (id, opens, closes) in [("open", -3600.0, 3600.0), ("closed", -7200.0, -3600.0)] {
            try host.addExam(
                id, "id: \(id)\ntitle: 窗口测试 \(id)\ntime_limit_minutes: 10\nopens_at: \(local(opens))\ncloses_at: \(local(closes))\n\(sections)\n")
        }
    }

    // MARK: Running things

    private func lawquiz(
        as user: String, _ arguments: [String], input: String = "", environment: [String: String] = [:], wrapper: [String] = []
    ) throws -> DataCommandRunner.Output {
        try host.lawquiz(as: user, arguments, input: input, environment: environment, wrapper: wrapper)
    }

    private func groupName(_ id: gid_t) -> String? { host.groupName(id) }

    private func shell(_ program: String, _ arguments: [String], input: String = "", environment: [String: String]? = nil) throws
        -> DataCommandRunner.Output
    {
        try host.shell(program, arguments, input: input, environment: environment)
    }
}
