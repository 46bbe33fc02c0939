import Foundation
import XCTest

/// The readline path on a pseudo-terminal. Few and patient: every step waits
/// for the text it needs with a generous timeout; nothing is timed.
final class ExamTakeTerminalTests: XCTestCase {
    private var runner = DataCommandRunner()

    override func tearDown() {
        runner.cleanUp()
    }

    private func assertPassed(_ report: TerminalDriver.Report, status: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(report.failure, report.transcript, file: file, line: line)
        XCTAssertEqual(report.status, status, report.transcript, file: file, line: line)
    }

    /// `roster pin` on a terminal: the PIN is typed twice and never shown;
    /// two different entries change nothing.
    func testRosterPINIsReadWithoutEchoAndConfirmed() throws {
        let roster = runner.folder.appendingPathComponent("roster.csv")
        try FileManager.default.createDirectory(at: runner.folder, withIntermediateDirectories: true)
        try "工号,姓名,部门\n1001,张伟,办公室\n".write(to: roster, atomically: true, encoding: .utf8)
        XCTAssertEqual(try runner.run(["roster", "import", roster.path]).status, 0)
        let report = try TerminalDriver.run(["roster", "pin", "1001"], steps: [
            .expect("新 PIN（1001）："), .type("482913\r"), .expect("再输入一次："), .type("482913\r"), .expect("已设置工号 1001 的 PIN"),
        ], runner: runner)
        assertPassed(report, status: 0)
        XCTAssertFalse(report.transcript.contains("482913"), report.transcript)
        let mismatch = try TerminalDriver.run(["roster", "pin", "1001"], steps: [
            .expect("新 PIN（1001）："), .type("1111\r"), .expect("再输入一次："), .type("2222\r"), .expect("不一致"),
        ], runner: runner)
        XCTAssertNil(mismatch.failure, mismatch.transcript)
        XCTAssertEqual(mismatch.status, 2, mismatch.transcript)
        XCTAssertFalse(mismatch.transcript.contains("1111") || mismatch.transcript.contains("2222"), mismatch.transcript)
    }

    /// Line editing (AX, backspace, B), a Chinese answer, Tab completion of
    /// `:g`, `:s` and its confirmation. The demo paper is 单选, 单选, 多选,
    /// 判断, 判断 in that order.
    func testReadlineEditingChineseAnswerGoToAndSubmit() throws {
        let report = try TerminalDriver.run(["exam", "take", "demo", "--staff", "PTY1"], steps: [
            .expect("[1/5 已答 0]"), .expect("答案> "), .type("a\r"),
            .expect("[2/5 已答 1]"), .expect("答案> "), .type("b\r"),
            .expect("[3/5 已答 2]"), .expect("答案> "), .type("AX\u{7F}B\r"),
            .expect("[4/5 已答 3]"), .expect("答案> "), .type("对\r"),
            .expect("[5/5 已答 4]"), .expect("答案> "), .type(":g\t3\r"),
            .expect("第 3/5 题"), .expect("已作答：AB"), .expect("答案> "), .type(":g 4\r"),
            .expect("已作答：对"), .expect("答案> "), .type(":s\r"),
            .expect("还有 1 题未作答"), .type("y\r"),
            .expect("得分"), .expect("错题回顾"),
        ], runner: runner)
        assertPassed(report, status: 0)
        let history = try runner.run(["history", "--staff", "PTY1"])
        XCTAssertTrue(history.stdout.contains("交卷"), history.stdout)
    }

    /// The deadline passes while the person sits idle at the prompt: the
    /// attempt is submitted with the saved answer and the result shown.
    func testTimeLimitExpiresOnAnIdlePrompt() throws {
        try useDemoWithLimit(seconds: 5)
        // Nothing is typed after the first answer (which may even arrive
        // after the deadline on a slow machine): only the timed wait can end it.
        let report = try TerminalDriver.run(["exam", "take", "demo", "--staff", "PTY2"], steps: [
            .expect("限时 5 秒"), .expect("答案> "), .type("A\r"),
            .expect("考试时间到，已按已保存的答案自动交卷", timeout: 60), .expect("得分"),
        ], runner: runner)
        assertPassed(report, status: 0)
        XCTAssertTrue(report.transcript.contains("答对"), report.transcript)
        let history = try runner.run(["history", "--staff", "PTY2"])
        XCTAssertTrue(history.stdout.contains("时间到自动交卷"), history.stdout)
    }

    /// Ctrl-C asks before leaving; Ctrl-D and a hang-up leave with status 3;
    /// the answers typed before are there on return; Chinese input works
    /// even with no locale set.
    func testControlCAsksAndControlDLeavesResumably() throws {
        let first = try TerminalDriver.run(["exam", "take", "demo", "--staff", "PTY3"], steps: [
            .expect("答案> "), .type("B\r"), .expect("[2/5 已答 1]"), .expect("答案> "),
            .type("\u{03}"), .expect("确定要离开吗"), .type("n\r"),
            .expect("第 2/5 题"), .expect("答案> "), .type("\u{04}"),
            .expect("输入结束，已保存并离开"),
        ], runner: runner)
        assertPassed(first, status: 3)
        let second = try TerminalDriver.run(["exam", "take", "demo", "--staff", "PTY3"], steps: [
            .expect("继续作答：已答 1/5 题，从第 2 题开始"), .expect("答案> "),
            .type("\u{03}"), .expect("确定要离开吗"), .type("y\r"), .expect("已保存并离开"),
        ], runner: runner)
        assertPassed(second, status: 3)
        // No locale at all: lawquiz must still read 错 as one character.
        let third = try TerminalDriver.run(["exam", "take", "demo", "--staff", "PTY3"], steps: [
            .expect("答案> "), .type("A\r"), .expect("[3/5 已答 2]"), .expect("答案> "), .type("ab\r"),
            .expect("[4/5 已答 3]"), .expect("答案> "), .type("错\r"),
            .expect("[5/5 已答 4]"), .expect("答案> "), .signal("HUP"),
            .expect("终端已关闭，已保存并离开。已答 4/5 题"),
        ], runner: runner, lang: nil)
        assertPassed(third, status: 3)
    }

    /// The menu on a terminal: read an article, then look up results.
    func testMainMenuStudyAndResults() throws {
        let report = try TerminalDriver.run([], steps: [
            .expect("请选择 [1-4/q]："), .type("1\r"), .expect("回车返回："), .type("档案法 14\r"),
            .expect("第十四条"), .expect("回车返回："), .type("\r"),
            .expect("请选择 [1-4/q]："), .type("4\r"), .expect("工号："), .type("MENU1\r"),
            .expect("工号 MENU1 没有考试记录"), .expect("请选择 [1-4/q]："), .type("q\r"),
        ], runner: runner)
        assertPassed(report, status: 0)
    }

    /// A banks folder with the real statutes and banks and a copy of the
    /// demo exam whose limit is a few seconds.
    private func useDemoWithLimit(seconds: Int) throws {
        let manager = FileManager.default
        let root = runner.folder.appendingPathComponent("banks")
        try manager.createDirectory(at: root.appendingPathComponent("exams"), withIntermediateDirectories: true)
        for folder in ["statutes", "banks"] {
            try manager.copyItem(at: runner.banks.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let demo = try String(contentsOf: runner.banks.appendingPathComponent("exams/demo.yaml"), encoding: .utf8)
        let shortened = demo.replacingOccurrences(
            of: #"time_limit_minutes: *\d+"#, with: "time_limit_seconds: \(seconds)", options: .regularExpression)
        XCTAssertNotEqual(shortened, demo)
        try shortened.write(to: root.appendingPathComponent("exams/demo.yaml"), atomically: true, encoding: .utf8)
        runner.banks = root
    }
}
