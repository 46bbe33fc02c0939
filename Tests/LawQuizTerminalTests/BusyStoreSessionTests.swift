import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal
import XCTest

/// Another process holding the store's write lock (as a large roster import
/// or the sqlite3 shell would) while a scripted session answers.
final class BusyStoreSessionTests: XCTestCase {
    /// Holds BEGIN IMMEDIATE on the file from a separate process for `seconds`;
    /// returns once the lock is held.
    private func holdLock(_ fixture: SessionFixture, seconds: Double) throws -> Process {
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/hold-store-lock")
        holder.arguments = ["python3", script.path, fixture.store.location, String(seconds)]
        let pipe = Pipe()
        holder.standardOutput = pipe
        do {
            try holder.run()
        } catch {
            throw XCTSkip("python3 (with its sqlite3 module) is needed to hold the lock from another process: \(error)")
        }
        let line = String(decoding: pipe.fileHandleForReading.availableData, as: UTF8.self)
        guard line.hasPrefix("locked") else { throw XCTSkip("python3 could not lock the store: \(line)") }
        return holder
    }

    func testAnAnswerWaitsOnScreenWhileTheStoreIsLockedAndIsCommittedAfter() throws {
        let fixture = try SessionFixture(busyTimeout: 0.1)
        let session = try fixture.service.claim(try fixture.begin(), takeOver: false)
        let holder = try holdLock(fixture, seconds: 1.5)
        let steps = session.items.map { ScriptedLineReader.Step.type(SessionFixture.right($0)) } + [.type("y")]
        let (outcome, output, _) = try fixture.run(session, steps)
        holder.waitUntilExit()
        XCTAssertTrue(output.text.contains("正在保存…"), output.text)
        XCTAssertEqual(try XCTUnwrap(outcome.result).grade.score, fixture.exam.fullMarks, "every answer committed once the lock freed")
        XCTAssertEqual(try fixture.responses(session).values.compactMap(\.answer).count, session.items.count)
    }

    func testTheDeadlineStillAppliesWhileWaitingForTheLock() throws {
        let fixture = try SessionFixture(busyTimeout: 0.1)
        let session = try fixture.service.claim(try fixture.begin(), takeOver: false)
        let holder = try holdLock(fixture, seconds: 1)
        // Each pause while waiting lets ten exam minutes pass on the fake clock.
        let clock = fixture.clock
        let retry = BusyRetry { pause in
            clock.advance(by: 600)
            Thread.sleep(forTimeInterval: pause)
        }
        let (outcome, output, _) = try fixture.run(session, [.type(SessionFixture.right(session.items[0]))], retry: retry)
        holder.waitUntilExit()
        let result = try XCTUnwrap(outcome.result)
        XCTAssertEqual(result.attempt.submitReason, .timeUp)
        XCTAssertEqual(result.grade.score, 0, "the answer committed after the deadline was refused")
        XCTAssertEqual(result.attempt.submittedAt, session.attempt.deadline)
        XCTAssertTrue(output.text.contains("考试时间到"), output.text)
    }

    func testASessionTakenOverElsewhereStopsBeforeWriting() throws {
        let fixture = try SessionFixture()
        let opened = try fixture.begin()
        let first = try fixture.service.claim(opened, takeOver: false)
        let second = try fixture.service.claim(opened, takeOver: true)
        try fixture.service.recordAnswer(
            opened.items[0].question.answer, attemptID: opened.attempt.id, itemIndex: 0, lease: second.leaseToken)
        let (outcome, output, _) = try fixture.run(first, [.type(SessionFixture.wrong(opened.items[0])), .type(":q")])
        XCTAssertEqual(outcome.leaveReason, .takenOver)
        XCTAssertTrue(output.text.contains("本场考试已在另一终端接管"), output.text)
        XCTAssertEqual(try fixture.responses(opened)[0]?.answer, opened.items[0].question.answer, "terminal B's answer stands")
        XCTAssertNotNil(try fixture.store.lease(attemptID: opened.attempt.id), "B's lease stays")
    }
}
