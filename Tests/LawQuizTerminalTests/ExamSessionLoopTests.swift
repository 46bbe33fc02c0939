import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal
import XCTest

/// The exam loop driven by a script and a fake clock: answers, every
/// command, leaving, resuming and the deadline.
final class ExamSessionLoopTests: XCTestCase {
    func testAllRightAnswersScoreFullMarksAndAreStored() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let steps = session.items.map { ScriptedLineReader.Step.type(SessionFixture.right($0)) } + [.type("y")]
        let (outcome, output, _) = try fixture.run(session, steps)
        let result = try XCTUnwrap(outcome.result)
        XCTAssertEqual(result.grade.score, fixture.exam.fullMarks)
        let stored = try XCTUnwrap(fixture.store.attempt(session.attempt.id))
        XCTAssertEqual(stored.status, .submitted)
        XCTAssertEqual(stored.score, fixture.exam.fullMarks)
        XCTAssertEqual(stored.submitReason, .byPerson)
        XCTAssertTrue(output.text.contains("得分 14 / 14 分  合格，优秀"), output.text)
        XCTAssertTrue(output.text.contains("全部答对"))
    }

    func testAnswerFormsAreAccepted() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        var steps: [ScriptedLineReader.Step] = []
        for (position, item) in session.items.enumerated() {
            let right = SessionFixture.right(item)
            switch item.item.type {
            case .single: steps.append(.type(right.lowercased()))
            case .multiple:
                let letters = right.map(String.init)
                steps.append(.type(position % 2 == 0 ? letters.joined(separator: ",") : letters.joined(separator: " ").lowercased()))
            case .judge:
                steps.append(.type(right == "对" ? (position % 2 == 0 ? "√" : "T") : (position % 2 == 0 ? "×" : "n")))
            }
        }
        steps += [.type("y")]
        let (outcome, _, _) = try fixture.run(session, steps)
        XCTAssertEqual(try XCTUnwrap(outcome.result).grade.score, fixture.exam.fullMarks)
        let saved = try fixture.responses(session)
        for item in session.items { XCTAssertEqual(saved[item.item.index]?.answer, item.question.answer) }
    }

    func testEachAnswerIsCommittedBeforeTheNextQuestionIsShown() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let output = CapturedOutput()
        var checked = 0
        output.onWrite = { text in
            guard let range = text.range(of: #"第 (\d+)/6 题"#, options: .regularExpression) else { return }
            let number = Int(text[range].dropFirst(2).prefix { $0.isNumber }) ?? 0
            guard number >= 2 else { return }
            let saved = (try? fixture.store.responses(attemptID: session.attempt.id)) ?? [:]
            XCTAssertNotNil(saved[number - 2]?.answer, "answer \(number - 1) not committed before question \(number) was shown")
            checked += 1
        }
        let steps = session.items.map { ScriptedLineReader.Step.type(SessionFixture.wrong($0)) } + [.type("y")]
        _ = try fixture.run(session, steps, output: output)
        XCTAssertEqual(checked, 5)
    }

    func testNavigationCommands() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let (outcome, output, reader) = try fixture.run(session, [
            .type(":n"), .type(":p"), .type(":p"), .type(":g 4"), .type(":g 99"), .type(":g"), .type(""), .type(":q"),
        ])
        XCTAssertEqual(outcome.leaveReason, .quit)
        let numbers = reader.prompts.map { String($0.dropFirst().prefix { $0 != "/" }) }
        XCTAssertEqual(numbers, ["1", "2", "1", "1", "4", "4", "4", "5"])
        XCTAssertTrue(output.text.contains("已经是第一题"))
        XCTAssertTrue(output.text.contains("没有第 99 题，请输入 1 到 6 之间的题号"))
        XCTAssertTrue(output.text.contains("用法：:g 题号"))
        XCTAssertTrue(try fixture.responses(session).isEmpty, "moving around saves nothing")
    }

    func testMarkIsSavedAndShownInTheMap() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let first = SessionFixture.right(session.items[0])
        let (_, output, _) = try fixture.run(session, [
            .type(":m"), .type(first), .type(":m"), .type(":l"), .type(":m"), .type(":q"),
        ])
        XCTAssertTrue(output.text.contains("已标记第 1 题"))
        XCTAssertTrue(output.text.contains("已取消第 2 题的标记"))
        XCTAssertTrue(output.text.contains("答题卡  已答 1/6，未答 5，已标记 2"), output.text)
        XCTAssertTrue(output.text.contains(" 1 \(first)*"), output.text)
        XCTAssertTrue(output.text.contains(">2 __*"), output.text)
        let saved = try fixture.responses(session)
        XCTAssertEqual(saved[0]?.marked, true)
        XCTAssertEqual(saved[1]?.marked, false)
    }

    func testHelpUnknownCommandsAndBadAnswersKeepTheQuestion() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let (_, output, reader) = try fixture.run(session, [
            .type(":h"), .type(":x"), .type("Z"), .type("AB"), .type("对"), .type(":q"),
        ])
        XCTAssertTrue(output.text.contains(":g N 跳到第 N 题"))
        XCTAssertTrue(output.text.contains("没有命令 “:x”"))
        XCTAssertTrue(output.text.contains("“Z”不是选项"))
        XCTAssertTrue(output.text.contains("单选题只能选一个选项"))
        XCTAssertTrue(reader.prompts.allSatisfy { $0.hasPrefix("[1/6") }, "\(reader.prompts)")
        XCTAssertTrue(try fixture.responses(session).isEmpty)
    }

    func testFormalExamsHoldKeysBackUntilClosesAt() throws {
        var exam = SessionFixture.testExam
        exam.review = nil
        exam.closesAt = ManualWallClock().now.addingTimeInterval(3600)
        let fixture = try SessionFixture(exam: exam)
        let session = try fixture.begin()
        let (outcome, output, _) = try fixture.run(session, [.type(":s"), .type("y")])
        XCTAssertEqual(try XCTUnwrap(outcome.result).grade.score, 0)
        XCTAssertTrue(output.text.contains("得分 0 / 14 分"), output.text)
        XCTAssertTrue(output.text.contains("答案与解析将在考试截止"), output.text)
        XCTAssertFalse(output.text.contains("错题回顾") || output.text.contains("正确答案"), output.text)
        exam.closesAt = nil
        let never = try SessionFixture(exam: exam)
        let (_, closed, _) = try never.run(try never.begin(), [.type(":s"), .type("y")])
        XCTAssertTrue(closed.text.contains("本考试不公布答案与解析"), closed.text)
    }

    func testSubmitConfirmsAndCountsUnanswered() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let (outcome, output, reader) = try fixture.run(session, [
            .type(SessionFixture.right(session.items[0])), .type(":s"), .type("n"), .type(":s"), .type("y"),
        ])
        XCTAssertTrue(reader.prompts.contains { $0.hasPrefix("还有 5 题未作答（未答不得分）。确定交卷吗？") }, "\(reader.prompts)")
        XCTAssertTrue(reader.prompts.contains { $0.hasPrefix("[2/6") })
        let result = try XCTUnwrap(outcome.result)
        XCTAssertEqual(result.grade.score, 2)
        XCTAssertFalse(result.grade.passed)
        XCTAssertTrue(output.text.contains("错题回顾（5 题）"))
        XCTAssertTrue(output.text.contains("你的答案：未作答"))
    }

    func testAfterTheLastQuestionTheMapIsShownAndSubmitOffered() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let (outcome, output, reader) = try fixture.run(session, [
            .type(":g 6"), .type(SessionFixture.right(session.items[5])), .type("no"), .type(":q"),
        ])
        XCTAssertEqual(outcome.leaveReason, .quit)
        XCTAssertTrue(output.text.contains("答题卡  已答 1/6"))
        XCTAssertTrue(reader.prompts.contains { $0.hasPrefix("已是最后一题。还有 5 题未作答") }, "\(reader.prompts)")
        XCTAssertEqual(reader.prompts.last.map { String($0.prefix(4)) }, "[1/6", "declining goes to the first unanswered")
    }

    func testQuitThenResumeAtFirstUnansweredWithAnswersIntact() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let answers = [SessionFixture.right(session.items[0]), SessionFixture.wrong(session.items[1])]
        let (outcome, output, _) = try fixture.run(session, answers.map { .type($0) } + [.type(":q")])
        XCTAssertEqual(outcome.leaveReason, .quit)
        XCTAssertTrue(output.text.contains("已保存并离开。已答 2/6 题"))
        fixture.clock.advance(by: 60)
        let resumed = try fixture.begin()
        XCTAssertTrue(resumed.resumed)
        XCTAssertEqual(resumed.startIndex, 2)
        XCTAssertEqual(resumed.attempt.deadline, session.attempt.deadline, "leaving does not reset the clock")
        XCTAssertEqual(resumed.items[0].answerDisplay, answers[0])
        XCTAssertEqual(resumed.items[1].answerDisplay, answers[1])
        let (_, again, reader) = try fixture.run(resumed, [.type(":q")])
        XCTAssertTrue(again.text.contains("继续作答：已答 2/6 题，从第 3 题开始"))
        XCTAssertTrue(reader.prompts[0].hasPrefix("[3/6 已答 2] 剩余 08:5"), reader.prompts[0])
    }

    func testEndOfInputAndHangUpLeaveInProgress() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let (first, output, _) = try fixture.run(session, [.type(SessionFixture.right(session.items[0])), .endOfInput])
        XCTAssertEqual(first.leaveReason, .endOfInput)
        XCTAssertTrue(output.text.contains("输入结束，已保存并离开"))
        let (second, hungUp, _) = try fixture.run(try fixture.begin(), [.hangUp])
        XCTAssertEqual(second.leaveReason, .hangUp)
        XCTAssertTrue(hungUp.text.contains("终端已关闭"))
        XCTAssertEqual(try fixture.store.attempt(session.attempt.id)?.status, .inProgress)
        XCTAssertEqual(try fixture.responses(session).count, 1)
    }

    func testInterruptAsksBeforeLeaving() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let (outcome, output, reader) = try fixture.run(session, [.interrupt, .type("n"), .interrupt, .type("y")])
        XCTAssertEqual(outcome.leaveReason, .quit)
        XCTAssertEqual(reader.prompts.filter { $0.hasPrefix("确定要离开吗") }.count, 2, "\(reader.prompts)")
        XCTAssertTrue(output.text.contains("已保存并离开"))
        XCTAssertEqual(reader.prompts.filter { $0.hasPrefix("[1/6") }.count, 2)
    }

    func testDeadlineWhileIdleSubmitsSavedAnswers() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let (outcome, output, reader) = try fixture.run(session, [
            .type(SessionFixture.right(session.items[0])), .idle(3600), .type("never read"),
        ])
        let result = try XCTUnwrap(outcome.result)
        XCTAssertEqual(result.grade.score, 2)
        XCTAssertEqual(result.attempt.submitReason, .timeUp)
        XCTAssertEqual(result.attempt.submittedAt, session.attempt.deadline)
        XCTAssertTrue(output.text.contains("考试时间到，已按已保存的答案自动交卷"))
        XCTAssertEqual(reader.remaining, [.type("never read")])
    }

    func testDeadlineDuringSubmitConfirmationSubmits() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let (outcome, _, _) = try fixture.run(session, [.type(":s"), .idle(601)])
        XCTAssertEqual(outcome.result?.attempt.submitReason, .timeUp)
    }

    func testCountdownIsInThePrompt() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin()
        let (_, _, reader) = try fixture.run(session, [.idle(65), .type(":l"), .type(":q")])
        XCTAssertTrue(reader.prompts[0].contains("剩余 10:00"), reader.prompts[0])
        XCTAssertTrue(reader.prompts[1].contains("剩余 08:54"), reader.prompts[1])
    }
}
