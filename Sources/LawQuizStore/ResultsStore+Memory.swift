import Foundation
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
        _ reviews: [MemoryReview], staffID: String, at time: Date, scheduler: FSRS, in db: any StoreConnection
    ) throws -> [String: ReviewedQuestion] {
        // The states before, in one statement (and the updates sent without
        // waiting for each): a submitted exam's batch holds the write lock
        // for two round trips, not two per question.
        var after = try memoryStates(staffID: staffID, questionIDs: Set(reviews.map(\.questionID)), in: db)
        for review in reviews {
            let previous = after[review.questionID]
            let elapsed = previous.map { time.timeIntervalSince($0.lastReviewAt) / 86_400 } ?? 0
            let memory = scheduler.review(previous?.memory, rating: review.rating, elapsedDays: elapsed)
            let due = time.addingTimeInterval(Double(scheduler.scheduledDays(stability: memory.stability)) * 86_400)
            try db.enqueue("""
                    INSERT INTO memory_state (staff_id, question_id, stability, difficulty, due_at, last_review_at, reps, lapses)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (staff_id, question_id) DO UPDATE SET stability = excluded.stability,
                        difficulty = excluded.difficulty, due_at = excluded.due_at, last_review_at = excluded.last_review_at,
                        reps = excluded.reps, lapses = excluded.lapses
                    """,
                staffID, review.questionID, memory.stability, memory.difficulty, due, time, memory.reps, memory.lapses)
            after[review.questionID] = ReviewedQuestion(questionID: review.questionID, memory: memory, lastReviewAt: time, dueAt: due)
        }
        return after
    }

    /// A person's stored memory states of some questions, by question id.
    private static func memoryStates(staffID: String, questionIDs: Set<String>, in db: any StoreConnection) throws -> [String: ReviewedQuestion] {
        var states: [String: ReviewedQuestion] = [:]
        let ids = questionIDs.sorted()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = ids[start..<min(start + 500, ids.count)]
            let sql = "SELECT * FROM memory_state WHERE staff_id = ? AND question_id IN (\(chunk.map { _ in "?" }.joined(separator: ", ")))"
            for row in try db.rows(sql, [staffID.sqlValue] + chunk.map(\.sqlValue)) {
                let state = try reviewedQuestion(row)
                states[state.questionID] = state
            }
        }
        return states
    }

    /// One person's memory of one question, if answered before.
    public func memoryState(staffID: String, questionID: String) throws -> ReviewedQuestion? {
        try read { db in
            try db.row("SELECT * FROM memory_state WHERE staff_id = ? AND question_id = ?", staffID, questionID
            ).map(Self.reviewedQuestion)
        }
    }

    /// A person's memory states, soonest due first.
    public func memoryStates(staffID: String) throws -> [ReviewedQuestion] {
        try read { db in
            try db.rows("SELECT * FROM memory_state WHERE staff_id = ? ORDER BY due_at, question_id", staffID
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
    static func masteredCounts(_ db: any StoreConnection, at now: Date) throws -> [String: Int] {
        var result: [String: Int] = [:]
        let rows = try db.rows("""
                SELECT staff_id, SUM(CASE WHEN \(db.dialect.days("?")) - \(db.dialect.days("last_review_at")) <= stability THEN 1 ELSE 0 END) AS mastered
                FROM memory_state GROUP BY staff_id
                """, now)
        for row in rows { result[try row["staff_id"]] = try row["mastered"] }
        return result
    }

    /// When a person studied: practice answers and submitted exams.
    public func studyTimes(staffID: String) throws -> [Date] {
        try read { db in
            try db.values(Date.self, """
                    SELECT answered_at FROM practice_answer WHERE staff_id = ?
                    UNION SELECT submitted_at FROM attempt WHERE staff_id = ? AND submitted_at IS NOT NULL
                    """, staffID, staffID)
        }
    }

    private static func reviewedQuestion(_ row: SQLRow) throws -> ReviewedQuestion {
        ReviewedQuestion(
            questionID: try row["question_id"],
            memory: MemoryState(stability: try row["stability"], difficulty: try row["difficulty"], reps: try row["reps"], lapses: try row["lapses"]),
            lastReviewAt: try row["last_review_at"], dueAt: try row["due_at"])
    }
}

extension ResultsStore {
    /// The memory update after an exam: one batch from the graded answers
    /// (see `ReviewRating(verdict:)`), inside the transaction that stores
    /// the submission, so it happens exactly once with it.
    static func applyExamReviews(_ grade: ExamGrade, staffID: String, at time: Date, in db: any StoreConnection) throws {
        let reviews = grade.items.compactMap { graded in
            ReviewRating(verdict: graded.mark.verdict).map { MemoryReview(questionID: graded.item.questionID, rating: $0) }
        }
        _ = try applyReviews(reviews, staffID: staffID, at: time, scheduler: FSRS(), in: db)
    }
}
