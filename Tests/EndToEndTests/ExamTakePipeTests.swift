import Foundation
import LawQuizCore
import XCTest

/// `lawquiz exam take` through pipes (no terminal): a whole exam against the
/// answer key, end of input then resume, `kill -9` then resume.
final class ExamTakePipeTests: XCTestCase {
    private var runner = DataCommandRunner()

    override func tearDown() {
        runner.cleanUp()
    }

    private func catalog() throws -> BankCatalog {
        try BankCatalog.load(root: runner.banks)
    }

    /// Waits for the next question and reads it.
    private func nextQuestion(_ session: LiveSession, catalog: BankCatalog) throws -> ShownQuestion {
        try ShownQuestion(card: session.waitFor("答案> "), catalog: catalog)
    }

    func testDemoExamAnsweredAndSubmittedIsScoredByTheAnswerKey() throws {
        let catalog = try catalog()
        let session = try LiveSession(["exam", "take", "demo", "--staff", "E2E1"], runner: runner)
        var expected = 0.0
        for number in 1...5 {
            let shown = try nextQuestion(session, catalog: catalog)
            let right = number % 2 == 1  // questions 1, 3, 5 right; 2 and 4 wrong
            if right { expected += 20 }
            session.send(right ? shown.rightInput : shown.wrongInput)
        }
        try session.waitFor("确定交卷吗？")
        session.send("y")
        try session.waitFor("错题回顾（2 题）")
        XCTAssertEqual(session.exitStatus(), 0)
        let score = ExamDefinitionNumber.text(expected)
        XCTAssertTrue(session.transcript.contains("得分 \(score) / 100 分"), session.transcript)
        let history = try runner.run(["history", "--staff", "E2E1"])
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertTrue(history.stdout.contains("\(score)/100"), history.stdout)
        XCTAssertTrue(history.stdout.contains("合格"), history.stdout)
    }

    func testEndOfInputLeavesWithStatus3AndResumeKeepsAnswers() throws {
        let first = try runner.run(["exam", "take", "demo", "--staff", "E2E2"], input: "B\n:m\nA\n")
        XCTAssertEqual(first.status, 3, first.stdout + first.stderr)
        XCTAssertTrue(first.stdout.contains("输入结束，已保存并离开。已答 2/5 题"), first.stdout)
        let second = try runner.run(["exam", "take", "demo", "--staff", "E2E2"], input: ":g 1\n:l\n:q\n")
        XCTAssertEqual(second.status, 3)
        XCTAssertTrue(second.stdout.contains("继续作答：已答 2/5 题，从第 3 题开始"), second.stdout)
        XCTAssertTrue(second.stdout.contains("已作答：B"), second.stdout)
        XCTAssertTrue(second.stdout.contains(">1 B "), second.stdout)
        XCTAssertTrue(second.stdout.contains(" 2 A*"), "the mark on question 2 was saved too")
        XCTAssertFalse(second.stdout.contains("限时 5 分钟"), "no rules on resume")
    }

    func testKilledMidExamThenResumedWithCommittedAnswers() throws {
        let catalog = try catalog()
        let session = try LiveSession(["exam", "take", "demo", "--staff", "E2E3"], runner: runner)
        var typed: [String] = []
        for _ in 1...2 {
            let shown = try nextQuestion(session, catalog: catalog)
            typed.append(shown.rightInput)
            session.send(shown.rightInput)
        }
        try session.waitFor("第 3/5 题")
        session.kill(SIGKILL)
        XCTAssertEqual(session.exitStatus(), 9)
        let resumed = try runner.run(["exam", "take", "demo", "--staff", "E2E3"], input: ":l\n:s\ny\n")
        XCTAssertEqual(resumed.status, 0, resumed.stdout + resumed.stderr)
        XCTAssertTrue(resumed.stdout.contains("继续作答：已答 2/5 题，从第 3 题开始"), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains(" 1 \(typed[0])"), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains(" 2 \(typed[1])"), resumed.stdout)
        XCTAssertTrue(resumed.stdout.contains("得分 40 / 100 分"), resumed.stdout)
    }

    func testUnknownExamAndBadInputHints() throws {
        let unknown = try runner.run(["exam", "take", "no-such-exam", "--staff", "E1"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("找不到考试"), unknown.stderr)
        let hints = try runner.run(["exam", "take", "demo", "--staff", "E2E4"], input: "Q\n:zz\n\n:p\n:q\n")
        XCTAssertEqual(hints.status, 3)
        XCTAssertTrue(hints.stdout.contains("“Q”不是选项"), hints.stdout)
        XCTAssertTrue(hints.stdout.contains("没有命令 “:zz”"), hints.stdout)
        XCTAssertTrue(hints.stdout.contains("[2/5 已答 0]"), "an empty line moves on")
    }

    /// `exam take` is read without the argument parser in its plain forms
    /// (ExamTakeArguments); every other form still gets the parser's answer.
    func testExamTakeArgumentsReadWithAndWithoutTheParserAgree() throws {
        for arguments in [
            ["--staff", "E2E6", "demo"], ["demo", "--staff=E2E6"], ["demo", "--wait", "--staff", "E2E6"],
            ["demo", "--staff", "E2E0", "--staff", "E2E6"], ["demo", "--take-over", "--take-over", "--staff", "E2E6"],
        ] {
            let resumed = try runner.run(["exam", "take"] + arguments, input: ":q\n")
            XCTAssertEqual(resumed.status, 3, "\(arguments): " + resumed.stderr)
            XCTAssertTrue(resumed.stdout.contains("已保存并离开"), resumed.stdout)
            XCTAssertTrue(resumed.stdout.contains("lawquiz exam take demo --staff E2E6 继续作答"), "\(arguments): " + resumed.stdout)
        }
        for arguments in [["demo", "extra", "--staff", "E2E6"], ["demo", "--staff"], ["demo", "--bogus"], []] {
            let refused = try runner.run(["exam", "take"] + arguments, input: ":q\n")
            XCTAssertEqual(refused.status, 64, "\(arguments): " + refused.stdout + refused.stderr)
        }
        let help = try runner.run(["exam", "take", "demo", "--help"])
        XCTAssertEqual(help.status, 0, help.stderr)
        XCTAssertTrue(help.stdout.contains("--take-over"), help.stdout)
        // ExamTakeArguments reads exam take's options by hand into an
        // ExamTakeRequest: an option added to `exam take` must be added there
        // too (or its plain form would run without it), so the options are pinned here.
        let options = help.stdout.split(separator: "\n").compactMap { line -> String? in
            let words = line.split(separator: " ").map(String.init)
            return words.first(where: { $0.hasPrefix("--") }).map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        }
        XCTAssertEqual(
            Set(options), ["--staff", "--take-over", "--wait", "--banks", "--results", "--version", "--help"],
            "exam take's options changed: update ExamTakeArguments to set every one\n" + help.stdout)
    }

    func testPracticeThroughPipesFillsTheWrongBookButNotExamHistory() throws {
        let practice = try runner.run(["practice", "--staff", "E2E5", "--type", "判断", "--count", "3"], input: "对\n对\n对\n")
        XCTAssertEqual(practice.status, 0, practice.stderr)
        XCTAssertTrue(practice.stdout.contains("本次练习答题 3 道"), practice.stdout)
        let wrongCount = practice.stdout.components(separatedBy: "✗ 回答错误").count - 1
        let drill = try runner.run(["practice", "--wrong", "--staff", "E2E5"], input: "")
        if wrongCount == 0 {
            XCTAssertEqual(drill.status, 2)
            XCTAssertTrue(drill.stderr.contains("错题本是空的"), drill.stderr)
        } else {
            XCTAssertEqual(drill.status, 0, drill.stderr)
            XCTAssertTrue(drill.stdout.contains("错题本巩固：\(wrongCount) 道题"), drill.stdout)
        }
        let history = try runner.run(["history", "--staff", "E2E5"])
        XCTAssertTrue(history.stdout.contains("没有考试记录"), history.stdout)
    }

    func testPracticeByTagDrawsCaseQuestionsAndShowsTheirArticles() throws {
        let practice = try runner.run(
            ["practice", "--staff", "E2E6", "--tag", "案例", "--type", "判断", "--law", "安全生产法", "--count", "2"], input: "对\n对\n")
        XCTAssertEqual(practice.status, 0, practice.stderr)
        XCTAssertTrue(practice.stdout.contains("本次练习答题 2 道"), practice.stdout)
        XCTAssertTrue(practice.stdout.contains("法条：《安全生产法》"), practice.stdout)
        let none = try runner.run(["practice", "--staff", "E2E6", "--tag", "没有这个标签"], input: "")
        XCTAssertEqual(none.status, 2, none.stdout)
        let mixed = try runner.run(["practice", "--staff", "E2E6", "--wrong", "--tag", "案例"], input: "")
        XCTAssertEqual(mixed.status, 64, mixed.stderr)
    }
}

/// Scores as the result screen prints them.
enum ExamDefinitionNumber {
    static func text(_ value: Double) -> String { ExamDefinition.number(value) }
}
