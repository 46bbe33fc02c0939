import Foundation
import XCTest

/// A PostgreSQL server restarted under a live `exam take`: the answer typed
/// while it is down stays on screen with 正在保存…, is committed when the
/// server is back, and the session goes on — no answer lost, no exit. A
/// session started while the server is down waits for it (up to 30 s).
final class ServerRestartTests: XCTestCase {
    private var runner: DataCommandRunner?

    override func tearDown() {
        runner?.cleanUp()
    }

    /// `scripts/pg-cluster`, when the test server is the one it runs.
    private func clusterScript() throws -> URL {
        let script = DataCommandRunner.repositoryRoot.appendingPathComponent("scripts/pg-cluster")
        let url = try DataCommandRunner.launch(URL(fileURLWithPath: "/bin/bash"), [script.path, "url"])
        guard url.status == 0, url.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == ProcessInfo.processInfo.environment["LAWQUIZ_TEST_POSTGRES"]
        else {
            throw XCTSkip("PostgreSQL: the server of LAWQUIZ_TEST_POSTGRES was not started by scripts/pg-cluster, so this test cannot restart it")
        }
        return script
    }

    /// Starts `scripts/pg-cluster restart SECONDS` without waiting for it
    /// (waitpid later: the server it starts outlives it, and Foundation's
    /// wait for such a child can hang).
    private func spawnRestart(_ script: URL, seconds: Int) -> pid_t {
        var pid: pid_t = 0
        let arguments = ["/bin/bash", script.path, "restart", String(seconds)]
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        XCTAssertEqual(posix_spawn(&pid, "/bin/bash", nil, nil, &argv, environ), 0)
        return pid
    }

    private func waitForRestart(_ pid: pid_t) {
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        XCTAssertEqual(status, 0, "pg-cluster restart")
    }

    /// Whether the test server accepts TCP connections (bash's /dev/tcp).
    private func serverListens() throws -> Bool {
        let url = try XCTUnwrap(URLComponents(string: ProcessInfo.processInfo.environment["LAWQUIZ_TEST_POSTGRES"] ?? ""))
        let probe = "exec 3<>/dev/tcp/\(url.host ?? "127.0.0.1")/\(url.port ?? 5432)"
        return try DataCommandRunner.launch(URL(fileURLWithPath: "/bin/bash"), ["-c", probe]).status == 0
    }

    func testASessionStartedWhileTheServerIsDownWaitsAndStartsWhenItIsBack() throws {
        guard let runner = DataCommandRunner(serverOnly: ()) else {
            throw XCTSkip("PostgreSQL: LAWQUIZ_TEST_POSTGRES not set (scripts/test starts a throw-away server)")
        }
        self.runner = runner
        let script = try clusterScript()
        _ = try runner.storeEnvironment()  // the database exists before the server goes away
        let restart = spawnRestart(script, seconds: 4)
        var polls = 0
        while try serverListens(), polls < 100 {
            Thread.sleep(forTimeInterval: 0.1)
            polls += 1
        }
        XCTAssertFalse(try serverListens(), "the server stopped within 10 s")
        let session = try LiveSession(["exam", "take", "demo", "--staff", "PG2"], runner: runner)
        try session.waitFor("暂时连不上数据库服务器，正在重试")
        try session.waitFor("答案> ")
        waitForRestart(restart)
        session.send(":q")
        XCTAssertEqual(session.exitStatus(), 3, session.transcript)
        XCTAssertEqual(try runner.openStore().attempts(staffID: "PG2").count, 1, session.transcript)
    }

    func testAnAnswerTypedWhileTheServerRestartsIsCommittedAndTheSessionGoesOn() throws {
        guard let runner = DataCommandRunner(serverOnly: ()) else {
            throw XCTSkip("PostgreSQL: LAWQUIZ_TEST_POSTGRES not set (scripts/test starts a throw-away server)")
        }
        self.runner = runner
        let script = try clusterScript()
        let session = try LiveSession(["exam", "take", "demo", "--staff", "PG1"], runner: runner)
        try session.waitFor("答案> ")
        // Down for 3 s: the answer below is typed while nothing listens.
        let restart = spawnRestart(script, seconds: 3)
        Thread.sleep(forTimeInterval: 1)
        session.send(":m")
        try session.waitFor("暂时连不上数据库服务器")
        try session.waitFor("已标记第 1 题")
        waitForRestart(restart)
        // Any valid answer: a letter when the card lists options, else 对 (判断题).
        let card = session.transcript.components(separatedBy: "第 1/").last ?? ""
        session.send(card.contains("  A. ") ? "A" : "对")
        try session.waitFor("第 2/")
        session.send(":q")
        XCTAssertEqual(session.exitStatus(), 3, session.transcript)
        let store = try runner.openStore()
        let attempt = try XCTUnwrap(try store.attempts(staffID: "PG1").first)
        let responses = try store.responses(attemptID: attempt.id)
        XCTAssertEqual(responses[0]?.marked, true, session.transcript)
        XCTAssertNotNil(responses[0]?.answer, session.transcript)
    }
}
