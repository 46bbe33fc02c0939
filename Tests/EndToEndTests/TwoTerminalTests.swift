import Foundation
import XCTest

/// One attempt, two `lawquiz exam take` processes: the second is refused
/// while the first is alive, `--take-over` takes it, and the first learns it
/// lost the attempt before it writes again (exit 3, its answers kept).
final class TwoTerminalTests: XCTestCase {
    private var runner = DataCommandRunner()

    override func tearDown() {
        runner.cleanUp()
    }

    func testASecondTerminalIsRefusedThenTakesOverAndTheFirstStops() throws {
        let first = try LiveSession(["exam", "take", "demo", "--staff", "E2E9"], runner: runner)
        try first.waitFor("答案> ")
        first.send(":m")
        try first.waitFor("已标记第 1 题")

        let refused = try runner.run(["exam", "take", "demo", "--staff", "E2E9"])
        XCTAssertEqual(refused.status, 2, refused.stdout + refused.stderr)
        XCTAssertTrue(refused.stderr.contains("错误：该考试已在另一终端打开（自 "), refused.stdout + refused.stderr)

        let second = try LiveSession(["exam", "take", "demo", "--staff", "E2E9", "--take-over"], runner: runner)
        try second.waitFor("继续作答")
        try second.waitFor("答案> ")
        second.send(":m")
        try second.waitFor("已取消第 1 题的标记")

        first.send(":m")
        try first.waitFor("本场考试已在另一终端接管")
        XCTAssertEqual(first.exitStatus(), 3)
        XCTAssertFalse(first.transcript.contains("已取消第 1 题的标记"), "the first terminal wrote nothing after losing the attempt")

        second.send(":q")
        XCTAssertEqual(second.exitStatus(), 3)
        // Once both have left, the attempt is free again without --take-over.
        let again = try runner.run(["exam", "take", "demo", "--staff", "E2E9"], input: ":q\n")
        XCTAssertEqual(again.status, 3, again.stdout + again.stderr)
        XCTAssertTrue(again.stdout.contains("继续作答"), again.stdout)
    }

    /// On a terminal the second session asks: `t` takes over at once.
    func testOnATerminalTheSecondSessionMayTakeOver() throws {
        let first = try LiveSession(["exam", "take", "demo", "--staff", "PTY8"], runner: runner)
        try first.waitFor("答案> ")
        let report = try TerminalDriver.run(["exam", "take", "demo", "--staff", "PTY8"], steps: [
            .expect("该考试已在另一终端打开（自 "), .expect("输入 w 等待"), .type("t\r"), .expect("已接管"),
            .expect("答案> "), .type(":q\r"), .expect("已保存并离开"),
        ], runner: runner)
        XCTAssertNil(report.failure, report.transcript)
        XCTAssertEqual(report.status, 3, report.transcript)
        first.send(":m")
        try first.waitFor("本场考试已在另一终端接管")
        XCTAssertEqual(first.exitStatus(), 3)
    }

    /// `w` waits until the other terminal leaves, then starts by itself.
    func testOnATerminalTheSecondSessionMayWait() throws {
        let first = try LiveSession(["exam", "take", "demo", "--staff", "PTY9"], runner: runner)
        try first.waitFor("答案> ")
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 1.5)
            first.send(":q")
        }
        let report = try TerminalDriver.run(["exam", "take", "demo", "--staff", "PTY9"], steps: [
            .expect("该考试已在另一终端打开（自 "), .expect("输入 w 等待"), .type("w\r"), .expect("等待中"),
            .expect("继续作答"), .expect("答案> "), .type(":q\r"), .expect("已保存并离开"),
        ], runner: runner)
        XCTAssertNil(report.failure, report.transcript)
        XCTAssertEqual(report.status, 3, report.transcript)
        XCTAssertEqual(first.exitStatus(), 3)
    }
}
