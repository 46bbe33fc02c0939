import Foundation
import GRDB
import LawQuizCore

/// The attempt queries. `AttemptService` holds the rules; these only read and
/// write rows, each write in its own committed transaction.
extension ResultsStore {
    /// Inserts an attempt with its paper in one transaction. Fails with
    /// `AttemptError.alreadyInProgress` if another process opened one first.
    func insertAttempt(
        exam: ExamDefinition, staffID: String, paper: Paper, keys: [AnswerKey], startedAt: Date, deadline: Date,
        attemptsCheck: (Int) throws -> Void
    ) throws -> Int64 {
        try write { db in
            if let open = try Int64.fetchOne(
                db, sql: "SELECT id FROM attempt WHERE exam_id = ? AND staff_id = ? AND status = 'in_progress'",
                arguments: [exam.id, staffID])
            {
                throw AttemptError.alreadyInProgress(attemptID: open)
            }
            let used = try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM attempt WHERE exam_id = ? AND staff_id = ?", arguments: [exam.id, staffID]) ?? 0
            try attemptsCheck(used)
            try db.execute(
                sql: """
                    INSERT INTO attempt (exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, status,
                        full_marks, is_formal)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'in_progress', ?, ?)
                    """,
                arguments: [
                    exam.id, exam.title, exam.definitionHash, staffID, Int64(bitPattern: paper.seed), startedAt, deadline,
                    exam.fullMarks, exam.formal,
                ])
            let attemptID = db.lastInsertedRowID
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO paper_item (attempt_id, item_index, question_id, content_hash, option_order, answer_key, points,
                        section_index, type, law_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for (item, key) in zip(paper.items, keys) {
                try insert.execute(arguments: [
                    attemptID, item.index, item.questionID, item.contentHash, item.optionOrder.joined(), key.code, item.points,
                    item.sectionIndex, item.type.rawValue, item.lawID,
                ])
            }
            return attemptID
        }
    }

    /// One attempt.
    public func attempt(_ id: Int64) throws -> AttemptRecord? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM attempt WHERE id = ?", arguments: [id]).map(AttemptRecord.init(row:)) }
    }

    /// A person's attempts at an exam, oldest first.
    public func attempts(examID: String, staffID: String) throws -> [AttemptRecord] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM attempt WHERE exam_id = ? AND staff_id = ? ORDER BY started_at, id",
                arguments: [examID, staffID]
            ).map(AttemptRecord.init(row:))
        }
    }

    /// A person's attempts at every exam, oldest first (`lawquiz history`).
    public func attempts(staffID: String) throws -> [AttemptRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM attempt WHERE staff_id = ? ORDER BY started_at, id", arguments: [staffID])
                .map(AttemptRecord.init(row:))
        }
    }

    /// Every attempt, optionally of one exam, oldest first (statistics, issue 5).
    public func allAttempts(examID: String? = nil) throws -> [AttemptRecord] {
        try read { db in
            if let examID {
                return try Row.fetchAll(db, sql: "SELECT * FROM attempt WHERE exam_id = ? ORDER BY started_at, id", arguments: [examID])
                    .map(AttemptRecord.init(row:))
            }
            return try Row.fetchAll(db, sql: "SELECT * FROM attempt ORDER BY started_at, id").map(AttemptRecord.init(row:))
        }
    }

    /// The paper of an attempt in order, with the frozen answer keys.
    public func paperItems(attemptID: Int64) throws -> [StoredPaperItem] {
        try read { db in try Self.paperItems(db, attemptID: attemptID) }
    }

    /// Saved responses of an attempt, by item index.
    public func responses(attemptID: Int64) throws -> [Int: SavedResponse] {
        try read { db in try Self.responses(db, attemptID: attemptID) }
    }

    /// The paper of an attempt on any connection (the read-only report reader
    /// grades overdue attempts with exactly what submission would read).
    static func paperItems(_ db: Database, attemptID: Int64) throws -> [StoredPaperItem] {
        try Row.fetchAll(db, sql: "SELECT * FROM paper_item WHERE attempt_id = ? ORDER BY item_index", arguments: [attemptID])
            .map(Self.storedItem)
    }

    static func responses(_ db: Database, attemptID: Int64) throws -> [Int: SavedResponse] {
        var result: [Int: SavedResponse] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT r.*, p.type FROM response r JOIN paper_item p USING (attempt_id, item_index) WHERE attempt_id = ?",
            arguments: [attemptID])
        for row in rows {
            let type = QuestionType(rawValue: row["type"]) ?? .single
            let index: Int = row["item_index"]
            result[index] = SavedResponse(
                itemIndex: index, answer: (row["answer"] as String?).flatMap { AnswerKey(code: $0, type: type) },
                answeredAt: row["answered_at"], marked: row["marked"])
        }
        return result
    }

    /// Grades the saved answers of an attempt against its frozen keys: the one
    /// grading path of submission and of reports reading an overdue attempt.
    static func grade(_ db: Database, attemptID: Int64, exam: ExamDefinition) throws -> ExamGrade {
        let stored = try paperItems(db, attemptID: attemptID)
        let answers = try responses(db, attemptID: attemptID).compactMapValues(\.answer)
        return ExamGrade(exam: exam, items: stored.map(\.item), keys: stored.map(\.key), answers: answers)
    }

    /// Grades an attempt on the store's reader.
    public func grade(attemptID: Int64, exam: ExamDefinition) throws -> ExamGrade {
        try read { db in try Self.grade(db, attemptID: attemptID, exam: exam) }
    }

    /// Saves (or replaces) one answer in one IMMEDIATE transaction that also
    /// checks the attempt is open, in time and has the item, so a check and
    /// the write can never be split by another process.
    func saveResponse(attemptID: Int64, itemIndex: Int, answer: AnswerKey?, at time: Date) throws -> ResponseWrite {
        try write { db in
            let check = try Self.checkOpen(db, attemptID: attemptID, itemIndex: itemIndex, now: time)
            guard check == .saved else { return check }
            try db.execute(
                sql: """
                    INSERT INTO response (attempt_id, item_index, answer, answered_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (attempt_id, item_index) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at
                    """, arguments: [attemptID, itemIndex, answer?.code, time])
            return .saved
        }
    }

    /// Sets or clears the review mark of one item, with the same checks.
    func saveMark(attemptID: Int64, itemIndex: Int, marked: Bool, at time: Date) throws -> ResponseWrite {
        try write { db in
            let check = try Self.checkOpen(db, attemptID: attemptID, itemIndex: itemIndex, now: time)
            guard check == .saved else { return check }
            try db.execute(
                sql: """
                    INSERT INTO response (attempt_id, item_index, answer, answered_at, marked) VALUES (?, ?, NULL, ?, ?)
                    ON CONFLICT (attempt_id, item_index) DO UPDATE SET marked = excluded.marked
                    """, arguments: [attemptID, itemIndex, time, marked])
            return .saved
        }
    }

    private static func checkOpen(_ db: Database, attemptID: Int64, itemIndex: Int, now: Date) throws -> ResponseWrite {
        guard let row = try Row.fetchOne(
            db,
            sql: "SELECT status, deadline, (SELECT COUNT(*) FROM paper_item WHERE attempt_id = attempt.id) AS items FROM attempt WHERE id = ?",
            arguments: [attemptID])
        else { return .attemptNotFound }
        guard row["status"] as String == AttemptStatus.inProgress.rawValue else { return .submitted }
        guard now < row["deadline"] as Date else { return .expired }
        let count: Int = row["items"]
        guard (0..<count).contains(itemIndex) else { return .noSuchItem(count: count) }
        return .saved
    }

    /// Stores the grade; a no-op returning the stored record when another
    /// process submitted first, so a score is written exactly once.
    func saveSubmission(attemptID: Int64, grade: ExamGrade, reason: SubmitReason, at time: Date) throws -> AttemptRecord? {
        try write { db in
            try db.execute(
                sql: """
                    UPDATE attempt SET status = 'submitted', submitted_at = ?, submit_reason = ?, score = ?, passed = ?, excellent = ?
                    WHERE id = ? AND status = 'in_progress'
                    """, arguments: [time, reason.rawValue, grade.score, grade.passed, grade.excellent, attemptID])
            return try Row.fetchOne(db, sql: "SELECT * FROM attempt WHERE id = ?", arguments: [attemptID]).map(AttemptRecord.init(row:))
        }
    }

    static func storedItem(_ row: Row) -> StoredPaperItem {
        let type = QuestionType(rawValue: row["type"]) ?? .single
        let order: String = row["option_order"]
        let item = PaperItem(
            index: row["item_index"], questionID: row["question_id"], contentHash: row["content_hash"],
            optionOrder: order.map(String.init), points: row["points"], sectionIndex: row["section_index"], type: type,
            lawID: row["law_id"])
        let key = AnswerKey(code: row["answer_key"], type: type) ?? .options([])
        return StoredPaperItem(item: item, key: key)
    }
}

/// What happened to a response write.
enum ResponseWrite: Equatable {
    case saved
    case attemptNotFound
    case submitted
    case expired
    case noSuchItem(count: Int)
}
