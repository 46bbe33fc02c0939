import Foundation
import XCTest

/// `exam take` while another process holds the store's write lock for
/// longer than the session's busy timeout (1 s): the write waits on screen
/// with 正在保存… and goes through when the lock frees; the session does not
/// exit with status 4.
final class BusyStoreEndToEndTests: XCTestCase {
    /// SQLite's write lock, held by another process (a server store's lock is the server's).
    private var runner = DataCommandRunner(sqliteOnly: true)

    override func tearDown() {
        runner.cleanUp()
    }

    func testAWriteWaitsOutAHeldLockAndIsCommitted() throws {
        let session = try LiveSession(["exam", "take", "demo", "--staff", "BUSY1"], runner: runner)
        try session.waitFor("答案> ")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = [
            "python3", DataCommandRunner.repositoryRoot.appendingPathComponent("scripts/hold-store-lock").path, runner.results.path, "3",
        ]
        let pipe = Pipe()
        holder.standardOutput = pipe
        do {
            try holder.run()
        } catch {
            throw XCTSkip("python3 (scripts/setup installs it) is needed to hold the lock from another process: \(error)")
        }
        XCTAssertTrue(String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self).hasPrefix("locked"))
        session.send(":m")
        try session.waitFor("正在保存…")
        try session.waitFor("已标记第 1 题")
        holder.waitUntilExit()
        session.send(":q")
        XCTAssertEqual(session.exitStatus(), 3, session.transcript)
        let history = try runner.run(["history", "--staff", "BUSY1"])
        XCTAssertTrue(history.stdout.contains("作答中"), history.stdout)
    }
}
