import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal
import XCTest

/// Practice feedback, the 错题本 and its drill, driven by a script.
final class PracticeSessionLoopTests: XCTestCase {
    private func practice(_ fixture: SessionFixture) -> PracticeService {
        PracticeService(store: fixture.store, catalog: fixture.catalog, clock: fixture.clock, makeSeed: { 7 })
    }

    private func run(
        _ fixture: SessionFixture, items: [PracticeItem], drill: Bool, _ steps: [ScriptedLineReader.Step]
    ) throws -> (PracticeSummary, CapturedOutput) {
        let output = CapturedOutput()
        let loop = PracticeSessionLoop(
            items: items, drill: drill, service: practice(fixture), staffID: "P1",
            reader: ScriptedLineReader(steps, clock: fixture.clock), output: output, style: .plain)
        return (try loop.run(), output)
    }

    private static func input(_ item: PracticeItem, right: Bool) -> String {
        let paper = item.paperItem
        let session = SessionItem(item: paper, question: item.question, answer: nil, marked: false)
        return right ? SessionFixture.right(session) : SessionFixture.wrong(session)
    }

    func testFeedbackAndWrongAnswersGoToTheWrongBook() throws {
        let fixture = try SessionFixture()
        let items = try practice(fixture).draw(PracticeFilter(law: "档案法", count: 3))
        let (summary, output) = try run(fixture, items: items, drill: false, [
            .type(Self.input(items[0], right: true)), .type("???"), .type(Self.input(items[1], right: false)), .type(":n"),
        ])
        XCTAssertEqual(summary, PracticeSummary(answered: 2, right: 1, skipped: 1, cleared: 0, wrongBookOpen: 1, leftEarly: false))
        XCTAssertTrue(output.text.contains("✓ 回答正确"))
        XCTAssertTrue(output.text.contains("✗ 回答错误，正确答案："))
        XCTAssertTrue(output.text.contains("解析："))
        XCTAssertTrue(output.text.contains("法条：《档案法》第"))
        XCTAssertTrue(output.text.contains("本题已记入错题本"))
        XCTAssertEqual(try fixture.store.wrongBook(staffID: "P1").map(\.questionID), [items[1].question.id])
        XCTAssertTrue(try fixture.store.allAttempts().isEmpty, "practice is never an exam attempt")
    }

    func testCaseFeedbackShowsEveryCitedArticle() throws {
        let fixture = try SessionFixture()
        let items = try practice(fixture).draw(PracticeFilter(law: "安全生产法", tag: "案例", count: 500))
        XCTAssertGreaterThanOrEqual(items.count, 50)
        XCTAssertTrue(items.allSatisfy { $0.question.tags.contains("案例") })
        let item = try XCTUnwrap(items.first { $0.question.id == "wsc-001" })
        let (_, output) = try run(fixture, items: [item], drill: false, [.type(Self.input(item, right: true))])
        XCTAssertTrue(output.text.contains("法条：《安全生产法》第二十一条"), output.text)
        XCTAssertTrue(output.text.contains("法条：《安全生产法》第九十四条"), output.text)
        XCTAssertTrue(output.text.contains("（三）组织制定并实施本单位安全生产教育和培训计划"), "article 21 in full")
        XCTAssertTrue(output.text.contains("逾期未改正的，处五万元以上十万元以下的罚款"), "article 94 in full")
    }

    func testDrillRepeatsUntilRightTwiceInARow() throws {
        let fixture = try SessionFixture()
        let item = try practice(fixture).draw(PracticeFilter(type: .judge, count: 1))[0]
        _ = try run(fixture, items: [item], drill: false, [.type(Self.input(item, right: false))])
        let drill = try practice(fixture).wrongBookDrill(staffID: "P1")
        XCTAssertEqual(drill.map(\.question.id), [item.question.id])
        let (summary, output) = try run(fixture, items: drill, drill: true, [
            .type(Self.input(item, right: true)), .type(Self.input(item, right: false)),
            .type(Self.input(item, right: true)), .type(Self.input(item, right: true)), .type("never read"),
        ])
        XCTAssertEqual(summary.answered, 4)
        XCTAssertEqual(summary.cleared, 1)
        XCTAssertEqual(summary.wrongBookOpen, 0)
        XCTAssertTrue(output.text.contains("错题本：已连续答对 1/2 次"))
        XCTAssertTrue(output.text.contains("本题仍在错题本，连续答对次数从 0 重新计算"))
        XCTAssertTrue(output.text.contains("本题移出错题本"))
        XCTAssertTrue(output.text.contains("错题本已清空"))
        XCTAssertThrowsError(try practice(fixture).wrongBookDrill(staffID: "P1"))
    }

    func testQuitInterruptAndEndOfInputStopPractice() throws {
        let fixture = try SessionFixture()
        let items = try practice(fixture).draw(PracticeFilter(count: 3))
        let (quit, _) = try run(fixture, items: items, drill: false, [.type(":h"), .type(":g 2"), .type(":q")])
        XCTAssertTrue(quit.leftEarly)
        let (interrupted, output) = try run(fixture, items: items, drill: false, [.interrupt, .type("n"), .type(":n"), .interrupt, .type("y")])
        XCTAssertTrue(interrupted.leftEarly)
        XCTAssertEqual(interrupted.skipped, 1, "answering n to the question goes on practising")
        XCTAssertTrue(output.text.contains("本次练习答题 0 道"))
        let (ended, _) = try run(fixture, items: items, drill: false, [.endOfInput])
        XCTAssertTrue(ended.leftEarly)
        XCTAssertEqual(ended.answered, 0)
    }

    /// `:a` after a wrong answer shows the cited article with its neighbours;
    /// after the last question the hint names `law show` instead. The time to
    /// answer sets the FSRS rating: a right answer after 2 minutes is Hard (S = w1).
    func testStudyLinkAndAnswerTimeRating() throws {
        let fixture = try SessionFixture()
        let items = try practice(fixture).draw(PracticeFilter(law: "档案法", type: .judge, count: 3))
        let (summary, output) = try run(fixture, items: items, drill: false, [
            .type(":a"), .type(Self.input(items[0], right: false)), .type(":a"), .idle(120),
            .type(Self.input(items[1], right: true)), .type(Self.input(items[2], right: false)),
        ])
        XCTAssertEqual(summary.answered, 3)
        XCTAssertTrue(output.text.contains(":a 在答错一道题后可用"), output.text)
        XCTAssertTrue(output.text.contains("输入 :a 阅读依据条文及前后条。"), output.text)
        let cited = try XCTUnwrap(fixture.catalog.library.law(named: "archives")?.article(items[0].question.article))
        XCTAssertTrue(output.text.contains(cited.heading + "（本题依据）"), output.text)
        XCTAssertTrue(output.text.contains("《档案法》 第"), "chapter heading")
        XCTAssertTrue(output.text.contains("阅读依据条文及前后条：lawquiz law show 档案法 \(items[2].question.article)"), output.text)
        XCTAssertTrue(output.text.contains("天后再练"))
        let states = Dictionary(uniqueKeysWithValues: try fixture.store.memoryStates(staffID: "P1").map { ($0.questionID, $0) })
        XCTAssertEqual(states[items[0].question.id]?.memory.stability ?? 0, 0.4872, accuracy: 1e-9, "Again")
        XCTAssertEqual(states[items[1].question.id]?.memory.stability ?? 0, 1.4003, accuracy: 1e-9, "slow: Hard")
    }
}
