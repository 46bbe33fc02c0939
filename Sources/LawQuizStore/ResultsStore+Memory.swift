import Foundation
import GRDB
import LawQuizCore

/// One graded answer to feed the memory model.
public struct MemoryReview: Sendable, Hashable {
    public var questionID: String
    public var rating: ReviewRating

    public init(questionID: String, rating: ReviewRating) {
        self.questionID = questionID
        self.rating = rating
    }
}

extension ResultsStore {
    /// Applies reviews to a person's memory states in one transaction and
    /// returns the states afterwards, keyed by question id. Each review moves
    /// the state by FSRS from the time since the previous review and sets the
    /// next due time `FSRS.scheduledDays` ahead. A question reviewed twice in
    /// one batch (the same question twice on one paper) is moved twice.
    @discardableResult
    public func applyReviews(
        _ reviews: [MemoryReview], staffID: String, at time: Date, scheduler: FSRS = FSRS()
    ) throws -> [String: ReviewedQuestion] {
        guard !reviews.isEmpty else { return [:] }
        return try write { db in try Self.applyReviews(reviews, staffID: staffID, at: time, scheduler: scheduler, in: db) }
    }

    /// `applyReviews` inside a write transaction already open (a practice
    /// answer stores its answer, 错题本 and memory in one commit).
    static func applyReviews(
        _ reviews: [MemoryReview], staffID: String, at time: Date, scheduler: FSRS, in db: Database
    ) throws -> [String: ReviewedQuestion] {
        var after: [String: ReviewedQuestion] = [:]
        for review in reviews {
            let previous = try after[review.questionID]
                ?? Row.fetchOne(
                    db, sql: "SELECT * FROM memory_state WHERE staff_id = ? AND question_id = ?",
                    arguments: [staffID, review.questionID]
                ).map(reviewedQuestion)
            let elapsed = previous.map { time.timeIntervalSince($0.lastReviewAt) / 86_400 } ?? 0
            let memory = scheduler.review(previous?.memory, rating: review.rating, elapsedDays: elapsed)
            let due = time.addingTimeInterval(Double(scheduler.scheduledDays(stability: memory.stability)) * 86_400)
            try db.execute(
                sql: """
                    INSERT INTO memory_state (staff_id, question_id, stability, difficulty, due_at, last_review_at, reps, lapses)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (staff_id, question_id) DO UPDATE SET stability = excluded.stability,
                        difficulty = excluded.difficulty, due_at = excluded.due_at, last_review_at = excluded.last_review_at,
                        reps = excluded.reps, lapses = excluded.lapses
                    """,
                arguments: [staffID, review.questionID, memory.stability, memory.difficulty, due, time, memory.reps, memory.lapses])
            after[review.questionID] = ReviewedQuestion(questionID: review.questionID, memory: memory, lastReviewAt: time, dueAt: due)
        }
        return after
    }

    /// One person's memory of one question, if answered before.
    public func memoryState(staffID: String, questionID: String) throws -> ReviewedQuestion? {
        try read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM memory_state WHERE staff_id = ? AND question_id = ?", arguments: [staffID, questionID]
            ).map(Self.reviewedQuestion)
        }
    }

    /// A person's memory states, soonest due first.
    public func memoryStates(staffID: String) throws -> [ReviewedQuestion] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM memory_state WHERE staff_id = ? ORDER BY due_at, question_id", arguments: [staffID]
            ).map(Self.reviewedQuestion)
        }
    }

    /// For everyone who has studied, the number of questions mastered at
    /// `now`, counted in SQL so a large office need not load every state.
    /// R(t,S) ≥ 0.9 exactly when t ≤ S (FSRS-4.5: the interval at 90 % is S),
    /// the same test as `ReviewedQuestion.isMastered`.
    public func masteredCountsByStaff(at now: Date) throws -> [String: Int] {
        try read { db in try Self.masteredCounts(db, at: now) }
    }

    /// The query behind `masteredCountsByStaff`, on any connection (the
    /// read-only report reader uses it for the HTML report).
    static func masteredCounts(_ db: Database, at now: Date) throws -> [String: Int] {
        var result: [String: Int] = [:]
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT staff_id, SUM(julianday(?) - julianday(last_review_at) <= stability) AS mastered
                FROM memory_state GROUP BY staff_id
                """, arguments: [now])
        for row in rows { result[row["staff_id"]] = row["mastered"] }
        return result
    }

    /// When a person studied: practice answers and submitted exams.
    public func studyTimes(staffID: String) throws -> [Date] {
        try read { db in
            try Date.fetchAll(
                db,
                sql: """
                    SELECT answered_at FROM practice_answer WHERE staff_id = ?
                    UNION SELECT submitted_at FROM attempt WHERE staff_id = ? AND submitted_at IS NOT NULL
                    """, arguments: [staffID, staffID])
        }
    }

    private static func reviewedQuestion(_ row: Row) -> ReviewedQuestion {
        ReviewedQuestion(
            questionID: row["question_id"],
            memory: MemoryState(stability: row["stability"], difficulty: row["difficulty"], reps: row["reps"], lapses: row["lapses"]),
            lastReviewAt: row["last_review_at"], dueAt: row["due_at"])
    }
}

extension ResultsStore {
    /// The memory update after an exam: one batch from the graded answers
    /// (see `ReviewRating(verdict:)`).
    func applyExamReviews(_ grade: ExamGrade, staffID: String, at time: Date) throws {
        let reviews = grade.items.compactMap { graded in
            ReviewRating(verdict: graded.mark.verdict).map { MemoryReview(questionID: graded.item.questionID, rating: $0) }
        }
        try applyReviews(reviews, staffID: staffID, at: time)
    }
}
