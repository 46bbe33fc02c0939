import Foundation
import LawQuizCore
@testable import LawQuizStore
import XCTest

final class AttemptServiceTests: StoreTestCase {
    func testStartStoresPaperAndDeadline() throws {
        let store = try openStore()
        let exam = try smallExam()
        let session = try session(try service(store).begin(exam: exam, staffID: "1001"))
        XCTAssertFalse(session.resumed)
        XCTAssertEqual(session.items.count, 5)
        XCTAssertEqual(session.startIndex, 0)
        XCTAssertEqual(session.attempt.deadline, clock.now + 600)
        XCTAssertEqual(session.attempt.seed, 99)
        XCTAssertEqual(session.attempt.definitionHash, exam.definitionHash)
        XCTAssertEqual(session.attempt.status, .inProgress)
        XCTAssertTrue(session.attempt.isFormal)
        let paper = try PaperDrawer(catalog: try StoreTestCatalog.get()).draw(exam, seed: 99)
        XCTAssertEqual(try store.paperItems(attemptID: session.attempt.id).map(\.item), paper.items, "the seed reproduces the stored paper")
        XCTAssertEqual(session.items.map(\.item), paper.items)
    }

    func testEveryAnswerIsCommittedAndResumeContinuesAtFirstUnanswered() throws {
        let exam = try smallExam()
        let first = try session(try service(try openStore()).begin(exam: exam, staffID: "1001"))
        let service = try service(try openStore())
        let answer0 = first.items[0].question.answer
        try service.recordAnswer(answer0, attemptID: first.attempt.id, itemIndex: 0)
        try service.recordAnswer(wrongAnswer(first.items[1]), attemptID: first.attempt.id, itemIndex: 1)
        try service.setMarked(true, attemptID: first.attempt.id, itemIndex: 3)

        // Another connection (as another process would) sees the answers at once.
        let saved = try openStore().responses(attemptID: first.attempt.id)
        XCTAssertEqual(saved[0]?.answer, answer0)
        XCTAssertEqual(saved[0]?.answeredAt, clock.now)
        XCTAssertEqual(saved[3]?.marked, true)
        XCTAssertNil(saved[3]?.answer)

        clock.advance(by: 60)
        let resumed = try session(try self.service(try openStore(), seed: 12345).begin(exam: exam, staffID: "1001"))
        XCTAssertTrue(resumed.resumed)
        XCTAssertEqual(resumed.attempt.id, first.attempt.id)
        XCTAssertEqual(resumed.items.map(\.item), first.items.map(\.item), "same questions and option order")
        XCTAssertEqual(resumed.firstUnansweredIndex, 2)
        XCTAssertEqual(resumed.items[0].answer, answer0)
        XCTAssertTrue(resumed.items[3].marked)
        XCTAssertEqual(resumed.attempt.deadline, first.attempt.deadline, "leaving does not reset the clock")
        XCTAssertEqual(resumed.answeredCount, 2)
        XCTAssertEqual(resumed.markedIndices, [3])
    }

    func testSubmitGradesAgainstTheKeyAndReviewsWrongAnswers() throws {
        let store = try openStore()
        let service = try service(store)
        let exam = try smallExam()
        let sitting = try session(try service.begin(exam: exam, staffID: "1001"))
        for item in sitting.items.dropLast() {
            try service.recordAnswer(item.question.answer, attemptID: sitting.attempt.id, itemIndex: item.item.index)
        }
        let last = try XCTUnwrap(sitting.items.last)
        try service.recordAnswer(wrongAnswer(last), attemptID: sitting.attempt.id, itemIndex: last.item.index)
        clock.advance(by: 125)
        let result = try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .byPerson)
        XCTAssertEqual(result.grade.score, 80)
        XCTAssertTrue(result.grade.passed)
        XCTAssertFalse(result.grade.excellent)
        XCTAssertEqual(result.timeUsed, 125)
        XCTAssertEqual(result.wrongItems.map(\.number), [5])
        XCTAssertEqual(result.wrongItems[0].givenDisplay, last.item.displayText(of: wrongAnswer(last)))
        XCTAssertEqual(result.wrongItems[0].rightDisplay, last.item.displayText(of: last.question.answer))
        XCTAssertEqual(result.grade.byType.map(\.key), ["single", "multiple", "judge"])
        let stored = try XCTUnwrap(try store.attempt(sitting.attempt.id))
        XCTAssertEqual(stored.status, .submitted)
        XCTAssertEqual(stored.score, 80)
        XCTAssertEqual(stored.passed, true)
        XCTAssertEqual(stored.excellent, false)
        XCTAssertEqual(stored.submitReason, .byPerson)
        XCTAssertThrowsError(try service.recordAnswer(.judgement(true), attemptID: sitting.attempt.id, itemIndex: 4)) {
            XCTAssertEqual($0 as? AttemptError, .alreadySubmitted(attemptID: sitting.attempt.id))
        }
        // Submitting again changes nothing.
        XCTAssertEqual(try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .timeUp).attempt.submitReason, .byPerson)
        XCTAssertEqual(try service.history(staffID: "1001").map(\.id), [sitting.attempt.id])
        let analysed = try store.answeredItems(examID: "small")
        XCTAssertEqual(analysed.count, 5)
        XCTAssertEqual(analysed.filter { $0.answer == $0.stored.key }.count, 4)
        XCTAssertEqual(analysed.last?.answer, wrongAnswer(last))
    }

    func testAttemptsAllowedAreEnforced() throws {
        let service = try service(try openStore())
        let once = try smallExam()
        let first = try session(try service.begin(exam: once, staffID: "1001"))
        _ = try service.submit(attemptID: first.attempt.id, exam: once, reason: .byPerson)
        XCTAssertThrowsError(try service.begin(exam: once, staffID: "1001")) {
            XCTAssertEqual($0 as? AttemptError, .noAttemptsLeft(exam: "小测验", used: 1, allowed: 1))
        }
        XCTAssertNoThrow(try session(try service.begin(exam: once, staffID: "1002")), "others are not affected")
        let twice = try smallExam(attempts: 2)
        let second = try session(try service.begin(exam: twice, staffID: "1001"))
        XCTAssertNotEqual(second.attempt.id, first.attempt.id)
        _ = try service.submit(attemptID: second.attempt.id, exam: twice, reason: .byPerson)
        XCTAssertThrowsError(try service.begin(exam: twice, staffID: "1001"))
    }

    func testDeadlineStopsAnswersAndResumeAfterItSubmits() throws {
        let service = try service(try openStore())
        let exam = try smallExam(limit: 5)
        let sitting = try session(try service.begin(exam: exam, staffID: "1001"))
        try service.recordAnswer(sitting.items[0].question.answer, attemptID: sitting.attempt.id, itemIndex: 0)
        clock.advance(by: 299)
        try service.recordAnswer(sitting.items[1].question.answer, attemptID: sitting.attempt.id, itemIndex: 1)
        clock.advance(by: 1 + AttemptService.commitGrace)
        XCTAssertThrowsError(try service.recordAnswer(sitting.items[2].question.answer, attemptID: sitting.attempt.id, itemIndex: 2)) {
            XCTAssertEqual($0 as? AttemptError, .deadlinePassed(attemptID: sitting.attempt.id))
        }
        clock.advance(by: 3600)
        guard case .expired(let result) = try service.begin(exam: exam, staffID: "1001") else { return XCTFail("expected expiry") }
        XCTAssertEqual(result.attempt.status, .submitted)
        XCTAssertEqual(result.attempt.submitReason, .expired)
        XCTAssertEqual(result.attempt.submittedAt, sitting.attempt.deadline, "submission time never after the deadline")
        XCTAssertEqual(result.grade.score, 40, "saved answers count")
        XCTAssertEqual(result.timeUsed, 300)
    }

    func testOverdueAttemptIsShownAsRecordedWithoutWriting() throws {
        let store = try openStore()
        let service = try service(store)
        let exam = try smallExam(limit: 1)
        let catalog = ExamCatalog(definitions: [exam])
        let sitting = try session(try service.begin(exam: exam, staffID: "1001"))
        try service.recordAnswer(sitting.items[0].question.answer, attemptID: sitting.attempt.id, itemIndex: 0)
        let open = try XCTUnwrap(store.attempt(sitting.attempt.id))
        XCTAssertEqual(try service.asRecorded(open, exams: catalog), open, "before the deadline nothing changes")
        clock.advance(by: 61)
        let shown = try service.asRecorded(open, exams: catalog)
        XCTAssertEqual(shown.status, .submitted)
        XCTAssertEqual(shown.submitReason, .expired)
        XCTAssertEqual(shown.submittedAt, open.deadline)
        XCTAssertEqual(try store.attempt(open.id)?.status, .inProgress, "reading writes nothing")
        // The owner's next `exam take` records exactly what was shown.
        guard case .expired(let result) = try service.begin(exam: exam, staffID: "1001") else { return XCTFail("not expired") }
        XCTAssertEqual(result.attempt.score, shown.score)
        XCTAssertEqual(result.attempt.passed, shown.passed)
        XCTAssertEqual(result.attempt.submittedAt, shown.submittedAt)
    }

    func testTakeAfterAnExpiredSubmissionShowsTheResult() throws {
        let store = try openStore()
        let service = try service(store)
        let exam = try smallExam(limit: 1)
        let sitting = try session(try service.begin(exam: exam, staffID: "1001"))
        clock.advance(by: 61)
        _ = try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .expired)
        guard case .expired(let result) = try service.begin(exam: exam, staffID: "1001") else {
            return XCTFail("the recorded result is shown, not 不能再次参加")
        }
        XCTAssertEqual(result.attempt.id, sitting.attempt.id)
        XCTAssertEqual(try store.attempts(examID: exam.id, staffID: "1001").count, 1, "no new attempt")
    }

    func testOpeningAndClosingTimes() throws {
        let service = try service(try openStore())
        let later = try smallExam(extra: "opens_at: 2023-11-15T00:00:00Z")
        XCTAssertThrowsError(try service.begin(exam: later, staffID: "1")) { error in
            guard case .notOpenYet = error as? ExamWindowError else { return XCTFail("\(error)") }
        }
        let closed = try smallExam(extra: "closes_at: 2023-11-14T00:00:00Z")
        XCTAssertThrowsError(try service.begin(exam: closed, staffID: "1")) { error in
            guard case .closed = error as? ExamWindowError else { return XCTFail("\(error)") }
        }
        // Closing in 2 minutes: the deadline is cut to the closing time.
        let closing = try smallExam(extra: "closes_at: 2023-11-14T22:15:20Z")
        XCTAssertEqual(try session(try service.begin(exam: closing, staffID: "1")).attempt.deadline, clock.now + 120)
    }

    func testRosterDecidesWhoMaySit() throws {
        let store = try openStore()
        let service = try service(store)
        XCTAssertNil(try service.identify(staffID: "anyone"), "no roster: any 工号, with a notice")
        _ = try store.importRoster([RosterEntry(staffID: "1001", name: "张伟", department: "办公室"), RosterEntry(staffID: "1002", name: "李娜", department: "安全科")])
        XCTAssertEqual(try service.identify(staffID: " 1001 ")?.name, "张伟")
        XCTAssertThrowsError(try service.identify(staffID: "9")) { XCTAssertEqual($0 as? AttemptError, .unknownStaff(staffID: "9")) }
        _ = try store.importRoster([RosterEntry(staffID: "1001", name: "张伟", department: "办公室")])
        XCTAssertThrowsError(try service.identify(staffID: "1002")) {
            XCTAssertEqual($0 as? AttemptError, .inactiveStaff(staffID: "1002", name: "李娜"))
        }
        XCTAssertThrowsError(try service.begin(exam: try smallExam(), staffID: "1002"), "begin checks the roster too")
        XCTAssertThrowsError(try service.begin(exam: try smallExam(), staffID: "9"))
        XCTAssertNoThrow(try service.begin(exam: try smallExam(), staffID: "1001"))
    }

    func testBadItemIndexAndUnknownAttempt() throws {
        let service = try service(try openStore())
        let sitting = try session(try service.begin(exam: try smallExam(), staffID: "1"))
        XCTAssertThrowsError(try service.recordAnswer(.judgement(true), attemptID: sitting.attempt.id, itemIndex: 5)) {
            XCTAssertEqual($0 as? AttemptError, .noSuchItem(index: 5, count: 5))
        }
        XCTAssertThrowsError(try service.recordAnswer(.judgement(true), attemptID: 999, itemIndex: 0)) {
            XCTAssertEqual($0 as? AttemptError, .attemptNotFound(attemptID: 999))
        }
    }

    func testSeveralConnectionsWriteAtOnce() throws {
        let exam = try smallExam()
        let people = (1...6).map { "20\($0)" }
        let errors = ErrorBox()
        let (paths, clock, catalog) = (try storePaths(), clock, try StoreTestCatalog.get())
        // Each person on their own connection, all answering at the same time.
        DispatchQueue.concurrentPerform(iterations: people.count) { position in
            do {
                let service = AttemptService(store: try ResultsStore.open(paths, environment: [:]), catalog: catalog, clock: clock, makeSeed: { UInt64(position) })
                guard case .session(let sitting) = try service.begin(exam: exam, staffID: people[position]) else { throw XCTSkip("no session") }
                for round in 0..<10 {
                    for item in sitting.items {
                        let answer = round.isMultiple(of: 2) ? Self.wrongAnswer(item) : item.question.answer
                        try service.recordAnswer(answer, attemptID: sitting.attempt.id, itemIndex: item.item.index)
                    }
                }
                _ = try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .byPerson)
            } catch {
                errors.add(error)
            }
        }
        XCTAssertEqual(errors.all.map { "\($0)" }, [])
        let attempts = try openStore().allAttempts()
        XCTAssertEqual(attempts.count, people.count)
        XCTAssertTrue(attempts.allSatisfy { $0.score == 100 }, "\(attempts.map(\.score))")
    }

    func testSamePersonStartingTwiceAtOnceGetsOneAttempt() throws {
        let exam = try smallExam()
        let ids = IDBox()
        let errors = ErrorBox()
        let (paths, clock, catalog) = (try storePaths(), clock, try StoreTestCatalog.get())
        DispatchQueue.concurrentPerform(iterations: 4) { position in
            do {
                let service = AttemptService(store: try ResultsStore.open(paths, environment: [:]), catalog: catalog, clock: clock, makeSeed: { UInt64(position) })
                if case .session(let sitting) = try service.begin(exam: exam, staffID: "1001") { ids.add(sitting.attempt.id) }
            } catch {
                errors.add(error)
            }
        }
        XCTAssertEqual(errors.all.map { "\($0)" }, [])
        XCTAssertEqual(ids.all.count, 4)
        XCTAssertEqual(Set(ids.all).count, 1)
        XCTAssertEqual(try openStore().allAttempts().count, 1)
    }
}

/// Collects values from concurrent work.
final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ error: Error) { lock.withLock { errors.append(error) } }
    var all: [Error] { lock.withLock { errors } }
}

final class IDBox: @unchecked Sendable {
    private let lock = NSLock()
    private var ids: [Int64] = []
    func add(_ id: Int64) { lock.withLock { ids.append(id) } }
    var all: [Int64] { lock.withLock { ids } }
}
