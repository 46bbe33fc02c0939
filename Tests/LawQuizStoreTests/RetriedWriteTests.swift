import Foundation
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// A write whose COMMIT went through but whose reply was lost (the server
/// restarted, the network cut) fails with `.unreachable`, and `BusyRetry`
/// runs it again: the retry must find its effect stored and change nothing —
/// one audit entry, one attempt, one memory update — on either engine.
final class RetriedWriteTests: StoreTestCase {
    private var lossy: ReplyLosingEngine!

    /// The test's store behind an engine that can lose the reply of a write.
    private func openLossyStore() throws -> ResultsStore {
        let store = try openStore()
        lossy = ReplyLosingEngine(store.engine)
        return ResultsStore(engine: lossy, auditKey: store.auditKey)
    }

    /// Runs `body` as a session does, through `BusyRetry` (no pauses), with
    /// the reply of its next write lost; returns what it returned and checks
    /// that it was retried once.
    private func retried<T>(_ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line) throws -> T {
        lossy.loseNextReply()
        var reasons: [BusyRetry.Reason] = []
        let value = try BusyRetry { _ in }.run(waiting: { reasons.append($0) }, body)
        XCTAssertEqual(reasons, [.unreachable], "the lost reply was retried", file: file, line: line)
        return value
    }

    private func verify(_ exam: ExamDefinition) throws -> AuditReport {
        try AuditVerifier(store: try openStore()).verify(exams: [exam])
    }

    func testRetriedAnswerIsStoredAndLoggedOnce() throws {
        let store = try openLossyStore()
        let exam = try smallExam()
        let service = try service(store)
        let sitting = try session(try service.begin(exam: exam, staffID: "1001", lease: SessionLease.forThisProcess(at: clock.now)))
        let lease = try XCTUnwrap(sitting.leaseToken)
        let item = sitting.items[0]
        try retried { try service.recordAnswer(item.question.answer, attemptID: sitting.attempt.id, itemIndex: 0, lease: lease) }
        XCTAssertEqual(try store.responses(attemptID: sitting.attempt.id)[0]?.answer, item.question.answer)
        var report = try verify(exam)
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.entries, 3, "genesis, started, one answer")

        // Typing the stored answer again changes nothing; another answer, and back, are each logged.
        try service.recordAnswer(item.question.answer, attemptID: sitting.attempt.id, itemIndex: 0, lease: lease)
        try service.recordAnswer(wrongAnswer(item), attemptID: sitting.attempt.id, itemIndex: 0, lease: lease)
        try retried { try service.recordAnswer(item.question.answer, attemptID: sitting.attempt.id, itemIndex: 0, lease: lease) }
        // Clearing an item never answered is a no-op too.
        try service.recordAnswer(nil, attemptID: sitting.attempt.id, itemIndex: 1, lease: lease)
        report = try verify(exam)
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.entries, 5)
        XCTAssertEqual(try store.responses(attemptID: sitting.attempt.id)[0]?.answer, item.question.answer)

        // The no-op still refuses a terminal that lost the lease.
        XCTAssertThrowsError(
            try service.recordAnswer(item.question.answer, attemptID: sitting.attempt.id, itemIndex: 0, lease: "another")
        ) { XCTAssertEqual($0 as? AttemptError, .sessionTakenOver(attemptID: sitting.attempt.id)) }
    }

    func testRetriedSubmitNeitherFailsNorLogsOrLearnsTwice() throws {
        let store = try openLossyStore()
        let exam = try smallExam()
        let service = try service(store)
        let sitting = try session(try service.begin(exam: exam, staffID: "1001", lease: SessionLease.forThisProcess(at: clock.now)))
        for item in sitting.items.prefix(3) {
            try service.recordAnswer(item.question.answer, attemptID: sitting.attempt.id, itemIndex: item.item.index, lease: sitting.leaseToken)
        }
        clock.advance(by: 60)
        let result = try retried {
            try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .byPerson, lease: sitting.leaseToken)
        }
        XCTAssertEqual(result.attempt.status, .submitted)
        XCTAssertEqual(result.grade.score, 60)
        let report = try verify(exam)
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.entries, 6, "genesis, started, three answers, one submission")
        let memory = try XCTUnwrap(try store.memoryState(staffID: "1001", questionID: sitting.items[0].question.id))
        XCTAssertEqual(memory.memory.reps, 1, "the memory model learnt from the submission once")
    }

    func testRetriedBeginTakesUpTheAttemptItCreated() throws {
        let store = try openLossyStore()
        let exam = try smallExam(attempts: 2)
        let service = try service(store)
        let lease = SessionLease.forThisProcess(at: clock.now)
        let opening = try retried { try service.begin(exam: exam, staffID: "1001", lease: lease) }
        let sitting = try session(opening)
        XCTAssertFalse(sitting.resumed, "the retry shows the new attempt, not one to resume")
        XCTAssertEqual(sitting.leaseToken, lease.token, "no second claim of its own attempt")
        XCTAssertEqual(try store.attempts(examID: exam.id, staffID: "1001").count, 1)
        let report = try verify(exam)
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.entries, 2, "genesis, one started")

        // Another terminal's begin still resumes it without its lease.
        let other = try session(try service.begin(exam: exam, staffID: "1001", lease: SessionLease.forThisProcess(at: clock.now)))
        XCTAssertTrue(other.resumed)
        XCTAssertNil(other.leaseToken)
    }
}

/// An engine that commits a write and then, when told, throws
/// `.unreachable` as if the COMMIT's reply had been lost on the way back.
final class ReplyLosingEngine: StoreEngine, @unchecked Sendable {
    private let base: any StoreEngine
    private let lock = NSLock()
    private var losing = false

    init(_ base: any StoreEngine) { self.base = base }

    /// The next write commits, then fails.
    func loseNextReply() {
        lock.lock()
        losing = true
        lock.unlock()
    }

    var location: String { base.location }
    var dialect: any SQLDialect { base.dialect }
    func read<T>(_ body: (any StoreConnection) throws -> T) throws -> T { try base.read(body) }
    func appliedMigrations() throws -> [String] { try base.appliedMigrations() }

    func write<T>(_ body: (any StoreConnection) throws -> T) throws -> T {
        let result = try base.write(body)
        lock.lock()
        let lose = losing
        losing = false
        lock.unlock()
        if lose { throw StoreError.unreachable(path: location, reason: "reply to COMMIT lost (test)") }
        return result
    }
}
