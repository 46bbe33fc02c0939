import Foundation
import LawQuizCore

/// A question in a person's 错题本.
public struct WrongBookEntry: Sendable, Hashable {
    public var staffID: String
    public var questionID: String
    public var addedAt: Date
    public var lastAnsweredAt: Date
    public var wrongCount: Int
    /// Right answers in a row since the last wrong one.
    public var rightStreak: Int
    /// Set once drilled right twice in a row; cleared entries stay for the record.
    public var clearedAt: Date?

    init(row: SQLRow) throws {
        staffID = try row["staff_id"]
        questionID = try row["question_id"]
        addedAt = try row["added_at"]
        lastAnsweredAt = try row["last_answered_at"]
        wrongCount = try row["wrong_count"]
        rightStreak = try row["right_streak"]
        clearedAt = try row["cleared_at"]
    }
}

extension ResultsStore {
    /// Records one practice answer and updates the 错题本 in the same
    /// transaction: a wrong answer adds the question (or re-opens it) with a
    /// streak of 0; a right answer to an open entry extends its streak and
    /// clears it at `wrongBookClearStreak`. The memory model moves by `rating`
    /// in the same commit. Returns the entry afterwards.
    func savePracticeAnswer(
        staffID: String, question: Question, answer: AnswerKey, correct: Bool, fromWrongBook: Bool, at time: Date,
        rating: ReviewRating? = nil, scheduler: FSRS = FSRS()
    ) throws -> WrongBookEntry? {
        try write { db in
            if let rating {
                _ = try Self.applyReviews(
                    [MemoryReview(questionID: question.id, rating: rating)], staffID: staffID, at: time, scheduler: scheduler, in: db)
            }
            try db.execute("""
                    INSERT INTO practice_answer (staff_id, question_id, content_hash, answer, correct, from_wrong_book, answered_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                staffID, question.id, question.contentHash, answer.code, correct, fromWrongBook, time)
            if correct {
                try db.execute("""
                        UPDATE wrong_book SET right_streak = right_streak + 1, last_answered_at = ?,
                            cleared_at = CASE WHEN right_streak + 1 >= ? THEN ? ELSE NULL END
                        WHERE staff_id = ? AND question_id = ? AND cleared_at IS NULL
                        """, time, Self.wrongBookClearStreak, time, staffID, question.id)
            } else {
                try db.execute("""
                        INSERT INTO wrong_book (staff_id, question_id, added_at, last_answered_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (staff_id, question_id) DO UPDATE SET wrong_count = wrong_book.wrong_count + 1, right_streak = 0,
                            cleared_at = NULL, last_answered_at = excluded.last_answered_at
                        """, staffID, question.id, time, time)
            }
            return try db.row("SELECT * FROM wrong_book WHERE staff_id = ? AND question_id = ?", staffID, question.id
            ).map(WrongBookEntry.init(row:))
        }
    }

    /// A person's 错题本; open entries only unless asked, oldest first.
    public func wrongBook(staffID: String, includeCleared: Bool = false) throws -> [WrongBookEntry] {
        try read { db in
            try db.rows("SELECT * FROM wrong_book WHERE staff_id = ? \(includeCleared ? "" : "AND cleared_at IS NULL") ORDER BY added_at, question_id",
                staffID
            ).map(WrongBookEntry.init(row:))
        }
    }

    /// Number of practice answers a person has given, right and total.
    public func practiceCounts(staffID: String) throws -> (right: Int, total: Int) {
        try read { db in
            let row = try db.row("SELECT COALESCE(SUM(correct), 0) AS r, COUNT(*) AS t FROM practice_answer WHERE staff_id = ?",
                staffID)
            return (try row?["r"] ?? 0, try row?["t"] ?? 0)
        }
    }
}
