import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal
import XCTest

/// Identification, rules, resuming and expired attempts around the loop.
final class ExamTakeFlowTests: XCTestCase {
    private func flow(_ fixture: SessionFixture, _ steps: [ScriptedLineReader.Step]) -> (ExamTakeFlow, CapturedOutput) {
        let output = CapturedOutput()
        let reader = ScriptedLineReader(steps, clock: fixture.clock)
        return (ExamTakeFlow(exam: fixture.exam, service: fixture.service, reader: reader, output: output, clock: fixture.clock, style: .plain), output)
    }

    func testWithoutRosterAnyStaffIDIsAcceptedWithANotice() throws {
        let fixture = try SessionFixture()
        let (flow, output) = self.flow(fixture, [.type("  E42 "), .type(":q")])
        let outcome = try flow.run(staffID: nil)
        XCTAssertEqual(outcome.leaveReason, .quit)
        XCTAssertTrue(output.text.contains("尚未导入花名册"))
        XCTAssertTrue(output.text.contains("共 6 题，满分 14 分，限时 10 分钟"), output.text)
        XCTAssertEqual(try fixture.store.attempts(staffID: "E42").count, 1)
    }

    func testRosterNameIsShownAndATypedStaffIDConfirmed() throws {
        let fixture = try SessionFixture()
        _ = try fixture.store.importRoster([RosterEntry(staffID: "1001", name: "张三", department: "综合办公室/秘书科")])
        let (declined, declinedOutput) = flow(fixture, [.type("1001"), .type("n")])
        XCTAssertThrowsError(try declined.run(staffID: nil)) { XCTAssertEqual($0 as? SessionStartError, .notConfirmed) }
        XCTAssertTrue(declinedOutput.text.contains("工号 1001：张三，综合办公室/秘书科"))
        XCTAssertTrue(try fixture.store.attempts(staffID: "1001").isEmpty, "nothing starts before confirmation")

        let (given, _) = flow(fixture, [.type(":q")])
        XCTAssertEqual(try given.run(staffID: "1001").leaveReason, .quit, "--staff needs no confirmation")

        let (unknown, _) = flow(fixture, [])
        XCTAssertThrowsError(try unknown.run(staffID: "9999")) { error in
            XCTAssertEqual(error as? AttemptError, .unknownStaff(staffID: "9999"))
        }
    }

    /// A shared console: 工号, then a PIN checked by PINService (no "是本人吗",
    /// the PIN is the proof); a wrong PIN starts nothing; a proctor is recorded.
    func testSharedConsoleAsksForThePINAndAProctorIsRecorded() throws {
        let fixture = try SessionFixture()
        _ = try fixture.store.importRoster([
            RosterEntry(staffID: "1001", name: "张三", department: "综合办公室"), RosterEntry(staffID: "1002", name: "李四", department: "综合办公室"),
        ])
        let pins = PINService(store: fixture.store, clock: fixture.clock)
        try pins.setPIN("2468", staffID: "1001", changedBy: "root")
        var asked: [String] = []
        func prompt(_ answer: String) -> PINPrompt {
            PINPrompt(read: { asked.append($0); return answer }, verify: { try pins.verify($1, staffID: $0, login: "kiosk") })
        }
        let (wrong, _) = flow(fixture, [.type("1001")])
        XCTAssertThrowsError(try wrong.run(staffID: nil, pin: prompt("1357"))) { error in
            XCTAssertEqual(error as? PINError, .wrong(staffID: "1001", remaining: 4))
        }
        XCTAssertTrue(try fixture.store.attempts(staffID: "1001").isEmpty)
        let (unknown, _) = flow(fixture, [.type("9999")])
        XCTAssertThrowsError(try unknown.run(staffID: nil, pin: prompt("2468"))) { XCTAssertEqual($0 as? AttemptError, .unknownStaff(staffID: "9999")) }
        XCTAssertEqual(asked.count, 1, "no PIN is asked for a 工号 not on the roster")
        let (right, output) = flow(fixture, [.type("1001"), .type(":q")])
        XCTAssertEqual(try right.run(staffID: nil, pin: prompt("2468")).leaveReason, .quit)
        XCTAssertFalse(output.text.contains("是本人吗"), output.text)

        let (proctored, _) = flow(fixture, [.type(":q")])
        _ = try proctored.run(staffID: "1002", proctor: "wangqiang")
        XCTAssertEqual(try fixture.store.attempts(staffID: "1002").map(\.proctorLogin), ["wangqiang"])
        XCTAssertEqual(try fixture.store.attempts(staffID: "1001").map(\.proctorLogin), [nil])
    }

    func testNoStaffIDAtEndOfInput() throws {
        let fixture = try SessionFixture()
        let (flow, _) = self.flow(fixture, [.endOfInput])
        XCTAssertThrowsError(try flow.run(staffID: nil)) { XCTAssertEqual($0 as? SessionStartError, .noStaffID) }
    }

    func testAnExpiredAttemptIsSubmittedWhenTakenUp() throws {
        let fixture = try SessionFixture()
        let session = try fixture.begin(staff: "E1")
        _ = try fixture.run(session, [.type(SessionFixture.right(session.items[0])), .type(":q")])
        fixture.clock.advance(by: 3600)
        let (flow, output) = self.flow(fixture, [])
        let result = try XCTUnwrap(try flow.run(staffID: "E1").result)
        XCTAssertEqual(result.attempt.submitReason, .expired)
        XCTAssertEqual(result.grade.score, 2)
        XCTAssertTrue(output.text.contains("上次作答已超过截止时间"))
        XCTAssertTrue(output.text.contains("超时后系统交卷"))
    }

    func testResumingShowsNoRulesAndKeepsTheDeadline() throws {
        let fixture = try SessionFixture()
        let (first, _) = flow(fixture, [.type(":q")])
        _ = try first.run(staffID: "E2")
        let (second, output) = flow(fixture, [.type(":q")])
        _ = try second.run(staffID: "E2")
        XCTAssertTrue(output.text.contains("（继续作答，截止"))
        XCTAssertFalse(output.text.contains("限时 10 分钟"))
        XCTAssertEqual(try fixture.store.attempts(staffID: "E2").count, 1)
    }
}
