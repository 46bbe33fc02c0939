import Foundation
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// One live session per attempt: a second terminal is refused while the
/// first is alive, may take over explicitly, and the first then cannot write.
final class LiveSessionTests: StoreTestCase {
    func testSecondTerminalIsRefusedUntilItTakesOverAndTheFirstThenCannotWrite() throws {
        let exam = try smallExam()
        let first = try service(try openStore())
        let opened = try session(try first.begin(exam: exam, staffID: "1001"))
        let terminalA = try first.claim(opened, takeOver: false)
        XCTAssertNotNil(terminalA.leaseToken)
        try first.recordAnswer(terminalA.items[0].question.answer, attemptID: opened.attempt.id, itemIndex: 0, lease: terminalA.leaseToken)

        clock.advance(by: 60)
        let second = try service(try openStore())
        let again = try session(try second.begin(exam: exam, staffID: "1001"))
        XCTAssertThrowsError(try second.claim(again, takeOver: false)) { error in
            guard case .openElsewhere(let since, _, _) = error as? AttemptError else { return XCTFail("\(error)") }
            XCTAssertEqual(since, opened.attempt.startedAt)
            XCTAssertTrue(error.localizedDescription.hasPrefix("该考试已在另一终端打开（自 "), error.localizedDescription)
        }
        let terminalB = try second.claim(again, takeOver: true)
        try second.recordAnswer(wrongAnswer(again.items[1]), attemptID: again.attempt.id, itemIndex: 1, lease: terminalB.leaseToken)

        // Terminal A learns before writing; its answer stays as it was.
        XCTAssertThrowsError(
            try first.recordAnswer(wrongAnswer(opened.items[0]), attemptID: opened.attempt.id, itemIndex: 0, lease: terminalA.leaseToken)
        ) { XCTAssertEqual($0 as? AttemptError, .sessionTakenOver(attemptID: opened.attempt.id)) }
        XCTAssertThrowsError(try first.setMarked(true, attemptID: opened.attempt.id, itemIndex: 2, lease: terminalA.leaseToken))
        XCTAssertThrowsError(try first.submit(attemptID: opened.attempt.id, exam: exam, reason: .byPerson, lease: terminalA.leaseToken))
        let saved = try openStore().responses(attemptID: opened.attempt.id)
        XCTAssertEqual(saved[0]?.answer, opened.items[0].question.answer)
        XCTAssertEqual(saved[1]?.answer, wrongAnswer(again.items[1]))
        XCTAssertEqual(try openStore().attempt(opened.attempt.id)?.status, .inProgress)
    }

    func testANewAttemptIsTakenForItsTerminalInTheCommitThatCreatesIt() throws {
        let exam = try smallExam()
        let lease = SessionLease.forThisProcess(at: clock.now)
        let opened = try session(try service(try openStore()).begin(exam: exam, staffID: "1001", lease: lease))
        XCTAssertEqual(opened.leaseToken, lease.token)
        XCTAssertEqual(try openStore().lease(attemptID: opened.attempt.id)?.token, lease.token)
        // Resuming takes no lease by itself: the other terminal is still refused.
        let other = try service(try openStore())
        let resumed = try session(try other.begin(exam: exam, staffID: "1001", lease: SessionLease.forThisProcess(at: clock.now)))
        XCTAssertTrue(resumed.resumed)
        XCTAssertNil(resumed.leaseToken)
        XCTAssertThrowsError(try other.claim(resumed, takeOver: false))
    }

    func testAReleasedOrStaleLeaseIsFree() throws {
        let exam = try smallExam()
        let service = try service(try openStore())
        let opened = try session(try service.begin(exam: exam, staffID: "1001"))
        let first = try service.claim(opened, takeOver: false)
        try service.store.releaseLease(attemptID: opened.attempt.id, token: try XCTUnwrap(first.leaseToken))
        let second = try service.claim(opened, takeOver: false)
        XCTAssertNotEqual(second.leaseToken, first.leaseToken, "a released lease is taken without asking")

        // A heartbeat older than staleAfter means the holder is gone, even when its pid runs.
        clock.advance(by: SessionLease.staleAfter + 1)
        XCTAssertNoThrow(try service.claim(opened, takeOver: false))
    }

    func testHeartbeatKeepsAnIdleSessionLive() throws {
        let exam = try smallExam()
        let service = try service(try openStore())
        let opened = try session(try service.begin(exam: exam, staffID: "1001"))
        let held = try service.claim(opened, takeOver: false)
        clock.advance(by: SessionLease.staleAfter - 1)
        XCTAssertTrue(try service.store.renewLease(attemptID: opened.attempt.id, token: try XCTUnwrap(held.leaseToken), now: clock.now))
        clock.advance(by: SessionLease.staleAfter - 1)
        XCTAssertThrowsError(try service.claim(opened, takeOver: false))
    }

    func testALeaseOfAProcessThatEndedOnThisHostIsFree() throws {
        let exam = try smallExam()
        let store = try openStore()
        let service = try service(store)
        let opened = try session(try service.begin(exam: exam, staffID: "1001"))
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/bin/true")
        try child.run()
        child.waitUntilExit()
        var dead = SessionLease.forThisProcess(at: clock.now)
        dead.pid = child.processIdentifier
        XCTAssertEqual(try store.acquireLease(attemptID: opened.attempt.id, dead, takeOver: false, now: clock.now), .acquired)
        XCTAssertNoThrow(try service.claim(opened, takeOver: false), "a crashed session does not block its owner")
    }
}

/// The deadline at commit time: a grace of `commitGrace` seconds, then
/// refusal and submission as of the deadline, and a clock moved back during
/// the sitting adds no time.
final class CommitDeadlineTests: StoreTestCase {
    func testCommitsAreAcceptedWithinTheGraceAndRefusedAfter() throws {
        let service = try service(try openStore())
        let exam = try smallExam(limit: 5)
        let sitting = try session(try service.begin(exam: exam, staffID: "1001"))
        clock.advance(by: 300 + AttemptService.commitGrace - 1)
        XCTAssertNoThrow(try service.recordAnswer(sitting.items[0].question.answer, attemptID: sitting.attempt.id, itemIndex: 0))
        clock.advance(by: 1)
        XCTAssertThrowsError(try service.recordAnswer(sitting.items[1].question.answer, attemptID: sitting.attempt.id, itemIndex: 1)) {
            XCTAssertEqual($0 as? AttemptError, .deadlinePassed(attemptID: sitting.attempt.id))
        }
        let result = try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .timeUp)
        XCTAssertEqual(result.attempt.submittedAt, sitting.attempt.deadline)
        XCTAssertEqual(result.grade.score, 20)
    }

    func testMovingTheWallClockBackAddsNoTime() throws {
        let ticks = TickSource()
        let sessionClock = MonotonicBoundClock(base: clock, ticks: ticks.read)
        let service = AttemptService(store: try openStore(), catalog: try StoreTestCatalog.get(), clock: sessionClock, makeSeed: { 7 })
        let exam = try smallExam(limit: 10)
        let sitting = try session(try service.begin(exam: exam, staffID: "1001"))
        XCTAssertEqual(sitting.attempt.deadline, clock.now + 600)

        // An hour back on the wall clock, eleven minutes on the monotonic one.
        clock.advance(by: -3600)
        ticks.advance(seconds: 660)
        XCTAssertEqual(sessionClock.now, sitting.attempt.startedAt + 660)
        XCTAssertThrowsError(try service.recordAnswer(sitting.items[0].question.answer, attemptID: sitting.attempt.id, itemIndex: 0))
        let result = try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .timeUp)
        XCTAssertEqual(result.attempt.submittedAt, sitting.attempt.deadline)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(result.attempt.submittedAt), result.attempt.startedAt)
    }

    func testSubmissionIsNeverBeforeTheStart() throws {
        let service = try service(try openStore())
        let exam = try smallExam()
        let sitting = try session(try service.begin(exam: exam, staffID: "1001"))
        clock.advance(by: -3600)
        let result = try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .byPerson)
        XCTAssertEqual(result.attempt.submittedAt, sitting.attempt.startedAt)
    }
}

/// A fake monotonic clock.
final class TickSource: @unchecked Sendable {
    private let lock = NSLock()
    private var nanoseconds: UInt64 = 5_000_000_000

    var read: @Sendable () -> UInt64 { { [self] in lock.withLock { nanoseconds } } }

    func advance(seconds: Double) { lock.withLock { nanoseconds += UInt64(seconds * 1_000_000_000) } }
}
