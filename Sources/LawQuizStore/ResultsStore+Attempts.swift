import Foundation
import LawQuizCore

/// The attempt queries. `AttemptService` holds the rules; these only read and
/// write rows, each write in its own committed transaction.
extension ResultsStore {
    /// Inserts an attempt with its paper in one transaction. Fails with
    /// `AttemptError.alreadyInProgress` if another process opened one first.
    /// A paper attempt (`paperNumber` given) carries `source = 'paper'`.
    /// `lease`: the session starting it takes the attempt in the same
    /// commit (one disk sync fewer before the first question).
    func insertAttempt(
        exam: ExamDefinition, staffID: String, paper: Paper, keys: [AnswerKey], startedAt: Date, deadline: Date,
        paperNumber: Int? = nil, lease: SessionLease? = nil, attemptsCheck: (Int) throws -> Void
    ) throws -> Int64 {
        try write { db in
            if let open = try db.value(Int64.self, "SELECT id FROM attempt WHERE exam_id = ? AND staff_id = ? AND status = 'in_progress'",
                exam.id, staffID)
            {
                throw AttemptError.alreadyInProgress(attemptID: open)
            }
            let used = try db.value(Int.self, "SELECT COUNT(*) FROM attempt WHERE exam_id = ? AND staff_id = ?", exam.id, staffID) ?? 0
            try attemptsCheck(used)
            // The unique index attempt_one_open refuses a second open attempt
            // even from a host that skipped the check above.
            guard let attemptID = try db.value(Int64.self, """
                    INSERT INTO attempt (exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, status,
                        full_marks, is_formal, source, paper_no)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'in_progress', ?, ?, ?, ?)
                    RETURNING id
                    """,
                exam.id, exam.title, exam.definitionHash, staffID, Int64(bitPattern: paper.seed), startedAt, deadline,
                    exam.fullMarks, exam.formal, paperNumber == nil ? SittingMode.online.rawValue : SittingMode.paper.rawValue,
                    paperNumber)
            else { throw StoreError.sqlite(path: engine.location, message: "INSERT … RETURNING id 未返回编号") }
            // The paper's rows are sent without waiting for each (one wait, not one per item, under the write lock).
            for (item, key) in zip(paper.items, keys) {
                try db.enqueue(
                    """
                    INSERT INTO paper_item (attempt_id, item_index, question_id, content_hash, option_order, answer_key, points,
                        section_index, type, law_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    attemptID, item.index, item.questionID, item.contentHash, item.optionOrder.joined(), key.code, item.points,
                    item.sectionIndex, item.type.rawValue, item.lawID)
            }
            if let record = try db.row("SELECT * FROM attempt WHERE id = ?", attemptID).map(AttemptRecord.init(row:)) {
                let stored = zip(paper.items, keys).map { StoredPaperItem(item: $0, key: $1) }
                try audit(db, AuditChain.started(record, paper: stored), attemptID: attemptID, staffID: staffID, at: startedAt)
            }
            if let lease { try Self.insertLease(db, attemptID: attemptID, lease, now: startedAt) }
            return attemptID
        }
    }

    /// One attempt.
    public func attempt(_ id: Int64) throws -> AttemptRecord? {
        try read { db in try db.row("SELECT * FROM attempt WHERE id = ?", id).map(AttemptRecord.init(row:)) }
    }

    /// A person's attempts at an exam, oldest first.
    public func attempts(examID: String, staffID: String) throws -> [AttemptRecord] {
        try read { db in
            try db.rows("SELECT * FROM attempt WHERE exam_id = ? AND staff_id = ? ORDER BY started_at, id",
                examID, staffID
            ).map(AttemptRecord.init(row:))
        }
    }

    /// A person's attempts at every exam, oldest first (`lawquiz history`).
    public func attempts(staffID: String) throws -> [AttemptRecord] {
        try read { db in
            try db.rows("SELECT * FROM attempt WHERE staff_id = ? ORDER BY started_at, id", staffID)
                .map(AttemptRecord.init(row:))
        }
    }

    /// Every attempt, optionally of one exam, oldest first (statistics, issue 5).
    public func allAttempts(examID: String? = nil) throws -> [AttemptRecord] {
        try read { db in
            if let examID {
                return try db.rows("SELECT * FROM attempt WHERE exam_id = ? ORDER BY started_at, id", examID)
                    .map(AttemptRecord.init(row:))
            }
            return try db.rows("SELECT * FROM attempt ORDER BY started_at, id").map(AttemptRecord.init(row:))
        }
    }

    /// The paper of an attempt in order, with the frozen answer keys.
    public func paperItems(attemptID: Int64) throws -> [StoredPaperItem] {
        try read { db in try Self.paperItems(db, attemptID: attemptID) }
    }

    /// The paper of an attempt on any connection (submission, the read-only
    /// report reader grading overdue attempts, `verify` reading 150,000
    /// papers in one go): a cached statement and columns by position.
    static func paperItems(_ db: any StoreConnection, attemptID: Int64) throws -> [StoredPaperItem] {
        try db.rows("SELECT \(paperColumns(of: nil)) FROM paper_item WHERE attempt_id = ? ORDER BY item_index", attemptID)
            .map(storedItem)
    }

    /// Saved answer codes of an attempt by item index (marks aside).
    static func answerCodes(_ db: any StoreConnection, attemptID: Int64) throws -> [Int: String] {
        var codes: [Int: String] = [:]
        let sql = "SELECT item_index, answer FROM response WHERE attempt_id = ? AND answer IS NOT NULL ORDER BY item_index"
        for row in try db.rows(sql, attemptID) { codes[try row[0]] = try row[1] }
        return codes
    }

    /// Saved responses of an attempt, by item index.
    public func responses(attemptID: Int64) throws -> [Int: SavedResponse] {
        try read { db in try Self.responses(db, attemptID: attemptID) }
    }

    static func responses(_ db: any StoreConnection, attemptID: Int64) throws -> [Int: SavedResponse] {
        var result: [Int: SavedResponse] = [:]
        let rows = try db.rows("SELECT r.*, p.type FROM response r JOIN paper_item p USING (attempt_id, item_index) WHERE attempt_id = ?",
            attemptID)
        for row in rows {
            let type = QuestionType(rawValue: try row["type"]) ?? .single
            let index: Int = try row["item_index"]
            result[index] = SavedResponse(
                itemIndex: index, answer: (try row["answer"] as String?).flatMap { AnswerKey(code: $0, type: type) },
                answeredAt: try row["answered_at"], marked: try row["marked"])
        }
        return result
    }

    /// Grades the saved answers of an attempt against its frozen keys: the one
    /// grading path of submission and of reports reading an overdue attempt.
    static func grade(_ db: any StoreConnection, attemptID: Int64, exam: ExamDefinition) throws -> ExamGrade {
        let stored = try paperItems(db, attemptID: attemptID)
        let answers = try responses(db, attemptID: attemptID).compactMapValues(\.answer)
        return ExamGrade(exam: exam, items: stored.map(\.item), keys: stored.map(\.key), answers: answers)
    }

    /// Grades an attempt on the store's reader.
    public func grade(attemptID: Int64, exam: ExamDefinition) throws -> ExamGrade {
        try read { db in try Self.grade(db, attemptID: attemptID, exam: exam) }
    }

    /// Saves (or replaces) one answer in one IMMEDIATE transaction that also
    /// checks the attempt is open, in time (deadline + `grace`), has the item
    /// and is still held by `lease`, so a check and the write can never be
    /// split by another process. An answer equal to the one stored, under
    /// the same lease, changes nothing and logs nothing: a write retried
    /// after its commit's reply was lost (`BusyRetry`) is not recorded twice.
    func saveResponse(
        attemptID: Int64, itemIndex: Int, answer: AnswerKey?, at time: Date, grace: TimeInterval = 0, lease: String? = nil
    ) throws -> ResponseWrite {
        try write { db in
            let open = try Self.checkOpen(db, attemptID: attemptID, itemIndex: itemIndex, now: time, grace: grace, lease: lease)
            guard open.outcome == .saved, open.storedAnswer != answer?.code else { return open.outcome }
            try db.enqueue("""
                    INSERT INTO response (attempt_id, item_index, answer, answered_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (attempt_id, item_index) DO UPDATE SET answer = excluded.answer, answered_at = excluded.answered_at
                    """, attemptID, itemIndex, answer?.code, time)
            try AuditChain.append(
                db, after: open.head, key: auditKey,
                payload: AuditChain.answer(attemptID: attemptID, staffID: open.staffID, itemIndex: itemIndex, answer: answer, at: time),
                attemptID: attemptID, staffID: open.staffID, at: time)
            return .saved
        }
    }

    /// Sets or clears the review mark of one item, with the same checks.
    func saveMark(
        attemptID: Int64, itemIndex: Int, marked: Bool, at time: Date, grace: TimeInterval = 0, lease: String? = nil
    ) throws -> ResponseWrite {
        try write { db in
            let open = try Self.checkOpen(db, attemptID: attemptID, itemIndex: itemIndex, now: time, grace: grace, lease: lease)
            guard open.outcome == .saved else { return open.outcome }
            try db.execute("""
                    INSERT INTO response (attempt_id, item_index, answer, answered_at, marked) VALUES (?, ?, NULL, ?, ?)
                    ON CONFLICT (attempt_id, item_index) DO UPDATE SET marked = excluded.marked
                    """, attemptID, itemIndex, time, marked)
            return .saved
        }
    }

    /// What a response write found, read in one statement under the write
    /// lock: whether the attempt takes the write, whose it is (for the audit
    /// entry), the answer stored for the item and the audit chain's head.
    private struct OpenCheck {
        var outcome: ResponseWrite
        var staffID = ""
        var storedAnswer: String?
        var head: AuditChain.Head?
    }

    private static func checkOpen(
        _ db: any StoreConnection, attemptID: Int64, itemIndex: Int, now: Date, grace: TimeInterval, lease: String?
    ) throws -> OpenCheck {
        guard let row = try db.row("""
                SELECT status, deadline, staff_id, (SELECT COUNT(*) FROM paper_item WHERE attempt_id = attempt.id) AS items,
                    (SELECT token FROM attempt_lease WHERE attempt_id = attempt.id) AS holder,
                    (SELECT answer FROM response WHERE attempt_id = attempt.id AND item_index = ?) AS stored,
                    \(AuditChain.headColumns)
                FROM attempt WHERE id = ?
                """,
            itemIndex, attemptID)
        else { return OpenCheck(outcome: .attemptNotFound) }
        var check = OpenCheck(outcome: .saved, staffID: try row["staff_id"], storedAnswer: try row["stored"], head: try AuditChain.head(from: row))
        let count: Int = try row["items"]
        if try row["status"] as String != AttemptStatus.inProgress.rawValue {
            check.outcome = .submitted
        } else if let lease, try row["holder"] as String? != lease {
            check.outcome = .leaseLost
        } else if now >= (try row["deadline"] as Date).addingTimeInterval(grace) {
            check.outcome = .expired
        } else if !(0..<count).contains(itemIndex) {
            check.outcome = .noSuchItem(count: count)
        }
        return check
    }

    /// Stores the grade and the answer sheet and feeds the memory model from it; a no-op
    /// returning the stored record when another process (or this one, before
    /// its reply was lost) submitted first, so a score is written, logged and
    /// learnt from exactly once.
    func saveSubmission(
        attemptID: Int64, grade: ExamGrade, reason: SubmitReason, at time: Date, lease: String? = nil
    ) throws -> AttemptRecord? {
        try write { db in
            guard try Self.holdsLease(db, attemptID: attemptID, token: lease) else { throw AttemptError.sessionTakenOver(attemptID: attemptID) }
            let changed = try db.execute("""
                    UPDATE attempt SET status = 'submitted', submitted_at = ?, submit_reason = ?, score = ?, passed = ?, excellent = ?
                    WHERE id = ? AND status = 'in_progress'
                    """, time, reason.rawValue, grade.score, grade.passed, grade.excellent, attemptID) > 0
            let record = try db.row("SELECT * FROM attempt WHERE id = ?", attemptID).map(AttemptRecord.init(row:))
            if changed, let record {
                // The answer sheet reports read (v7), from the rows, in this commit.
                _ = try db.execute(AnswerSheet.insertSQL(db.dialect, oneAttempt: true), [.integer(attemptID)])
                try audit(db, AuditChain.submitted(record), attemptID: attemptID, staffID: record.staffID, at: time)
                try Self.applyExamReviews(grade, staffID: record.staffID, at: time, in: db)
            }
            return record
        }
    }

    /// The paper_item columns `storedItem` reads, in its order (qualified
    /// with a table alias for joins); further columns may follow them.
    static func paperColumns(of alias: String?) -> String {
        ["item_index", "question_id", "content_hash", "option_order", "answer_key", "points", "section_index", "type", "law_id"]
            .map { column in (alias.map { "\($0)." } ?? "") + column }.joined(separator: ", ")
    }

    /// A row starting with `paperColumns`, by position.
    static func storedItem(_ row: SQLRow) throws -> StoredPaperItem {
        let type = QuestionType(rawValue: try row[7]) ?? .single
        let order: String = try row[3]
        let item = PaperItem(
            index: try row[0], questionID: try row[1], contentHash: try row[2], optionOrder: order.map(String.init), points: try row[5],
            sectionIndex: try row[6], type: type, lawID: try row[8])
        let key = AnswerKey(code: try row[4], type: type) ?? .options([])
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
    /// Another terminal took the attempt over.
    case leaseLost
}
