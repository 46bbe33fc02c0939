import Foundation
import GRDB
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// The memory model in the store: practice answers and submitted exams move
/// it, and 今日练习 draws due questions first, then new ones.
final class MemoryStoreTests: StoreTestCase {
    private func practice(_ store: ResultsStore) throws -> PracticeService {
        var service = PracticeService(store: store, catalog: try StoreTestCatalog.get(), clock: clock, makeSeed: { 3 })
        service.calendar = StudyCalendar(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        return service
    }

    func testMigrationCreatesMemoryTable() throws {
        let store = try openStore()
        XCTAssertTrue(try store.appliedMigrations().contains("v4-memory"))
        let columns = try columnNames("memory_state", in: store)
        XCTAssertEqual(
            Set(columns), ["staff_id", "question_id", "stability", "difficulty", "due_at", "last_review_at", "reps", "lapses"])
    }

    /// A fast right answer is Easy (S = w3 = 13.8206 → due in 14 days); a
    /// wrong one Again (S = w0 → 1 day); the state follows each answer.
    func testPracticeAnswersMoveTheMemory() throws {
        let store = try openStore()
        let practice = try practice(store)
        let items = try practice.draw(PracticeFilter(law: "档案法", type: .judge, count: 2))
        let fast = try practice.record(items[0].question.answer, for: items[0], staffID: "7", answerSeconds: 5)
        XCTAssertEqual(fast.nextReviewDays, 14)
        guard case .judgement(let truth) = items[1].question.answer else { return XCTFail() }
        let wrong = try practice.record(.judgement(!truth), for: items[1], staffID: "7", answerSeconds: 5)
        XCTAssertEqual(wrong.nextReviewDays, 1)
        let states = Dictionary(uniqueKeysWithValues: try store.memoryStates(staffID: "7").map { ($0.questionID, $0) })
        XCTAssertEqual(states[items[0].question.id]?.memory.stability ?? 0, 13.8206, accuracy: 1e-9)
        XCTAssertEqual(states[items[0].question.id]?.dueAt, clock.now.addingTimeInterval(14 * 86_400))
        XCTAssertEqual(states[items[1].question.id]?.memory.lapses, 1)
        // Two days later the lapsed question is answered right in 40 s (Good): S grows from 0.4872.
        clock.advance(by: 2 * 86_400)
        let again = try practice.record(items[1].question.answer, for: items[1], staffID: "7", answerSeconds: 40)
        let moved = try XCTUnwrap(try store.memoryStates(staffID: "7").first { $0.questionID == items[1].question.id })
        XCTAssertEqual(moved.memory.reps, 2)
        XCTAssertGreaterThan(moved.memory.stability, 0.4872)
        XCTAssertEqual(again.nextReviewDays, FSRS().scheduledDays(stability: moved.memory.stability))
        XCTAssertEqual(try store.memoryStates(staffID: "8"), [], "per person")
    }

    /// 今日练习: due questions (most overdue first) within the due budget,
    /// then unseen ones in law order within the new budget.
    func testDueThenNew() throws {
        let store = try openStore()
        let practice = try practice(store)
        let first = try practice.drawDue(staffID: "7", budget: DailyBudget(due: 20, new: 3), filter: PracticeFilter(law: "档案法"))
        XCTAssertEqual(first.count, 3, "nothing seen yet: new ones only")
        let catalog = try StoreTestCatalog.get()
        let lawOrder = catalog.questions.filter { $0.lawID == "archives" }
            .sorted { ($0.article, $0.id) < ($1.article, $1.id) }.prefix(3).map(\.id)
        XCTAssertEqual(first.map(\.question.id), lawOrder)
        try answerAndCheck(practice, store: store, first: first)
    }

    private func answerAndCheck(_ practice: PracticeService, store: ResultsStore, first: [PracticeItem]) throws {
        _ = try practice.record(wrong(first[0].question), for: first[0], staffID: "7", answerSeconds: 5)
        for item in first.dropFirst() { _ = try practice.record(item.question.answer, for: item, staffID: "7", answerSeconds: 5) }
        // Same day: nothing due yet (the lapse is due tomorrow), so three more new ones.
        let sameDay = try practice.drawDue(staffID: "7", budget: DailyBudget(due: 20, new: 3), filter: PracticeFilter(law: "档案法"))
        XCTAssertTrue(Set(sameDay.map(\.question.id)).isDisjoint(with: first.map(\.question.id)))
        clock.advance(by: 86_400)
        let nextDay = try practice.drawDue(staffID: "7", budget: DailyBudget(due: 20, new: 2), filter: PracticeFilter(law: "档案法"))
        XCTAssertEqual(nextDay.first?.question.id, first[0].question.id, "the lapsed question comes back first")
        XCTAssertEqual(nextDay.count, 3)
        let noNew = try practice.drawDue(staffID: "7", budget: DailyBudget(due: 20, new: 0), filter: PracticeFilter(law: "档案法"))
        XCTAssertEqual(noNew.map(\.question.id), [first[0].question.id])
        XCTAssertThrowsError(try practice.drawDue(staffID: "7", budget: DailyBudget(due: 0, new: 0))) {
            guard case .nothingDue = $0 as? PracticeError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try practice.drawDue(staffID: "7", budget: DailyBudget(due: 501, new: 0))) {
            XCTAssertEqual($0 as? PracticeError, .badBudget(501))
        }
    }

    private func wrong(_ question: Question) -> AnswerKey {
        Self.wrongAnswer(SessionItem(item: PracticeItem(question: question, optionOrder: [], fromWrongBook: false).paperItem, question: question, answer: nil, marked: false))
    }

    /// A submitted exam updates the memory in one batch: right answers Good,
    /// the wrong one Again, unanswered ones not at all.
    func testSubmittedExamUpdatesMemory() throws {
        let store = try openStore()
        let service = try service(store)
        let exam = try smallExam()
        let sitting = try session(try service.begin(exam: exam, staffID: "1001"))
        let items = sitting.items
        for item in items.prefix(3) {
            try service.recordAnswer(item.question.answer, attemptID: sitting.attempt.id, itemIndex: item.item.index)
        }
        try service.recordAnswer(wrong(items[3].question), attemptID: sitting.attempt.id, itemIndex: items[3].item.index)
        XCTAssertEqual(try store.memoryStates(staffID: "1001"), [], "nothing before submission")
        _ = try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .byPerson)
        let states = Dictionary(uniqueKeysWithValues: try store.memoryStates(staffID: "1001").map { ($0.questionID, $0) })
        XCTAssertEqual(states.count, 4, "the unanswered fifth question is left alone")
        for item in items.prefix(3) {
            XCTAssertEqual(states[item.question.id]?.memory.stability ?? 0, 3.7145, accuracy: 1e-9, "Good")
        }
        XCTAssertEqual(states[items[3].question.id]?.memory.stability ?? 0, 0.4872, accuracy: 1e-9, "Again")
        // Submitting again does not review twice.
        _ = try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .timeUp)
        XCTAssertEqual(try store.memoryStates(staffID: "1001").map(\.memory.reps), [1, 1, 1, 1])
        XCTAssertFalse(try store.studyTimes(staffID: "1001").isEmpty)
    }

    /// The SQL count of mastered questions agrees with `isMastered` (R ≥ 0.9 ⟺ t ≤ S).
    func testMasteredCountsInSQLMatchTheModel() throws {
        let store = try openStore()
        let start = clock.now
        try store.applyReviews([MemoryReview(questionID: "q1", rating: .good), MemoryReview(questionID: "q2", rating: .again)], staffID: "A", at: start)
        try store.applyReviews([MemoryReview(questionID: "q1", rating: .easy)], staffID: "B", at: start)
        for days in [0.0, 0.4, 0.5, 3.6, 3.8, 13.7, 13.9] {
            let now = start.addingTimeInterval(days * 86_400)
            let expected = try ["A", "B"].reduce(into: [String: Int]()) { counts, staffID in
                counts[staffID] = try store.memoryStates(staffID: staffID).filter { $0.isMastered(at: now) }.count
            }
            XCTAssertEqual(try store.masteredCountsByStaff(at: now), expected, "after \(days) days")
        }
        XCTAssertEqual(try store.masteredCountsByStaff(at: start.addingTimeInterval(3.6 * 86_400)), ["A": 1, "B": 1])
    }
}
