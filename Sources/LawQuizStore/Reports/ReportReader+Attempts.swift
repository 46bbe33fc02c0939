import Foundation
import LawQuizCore

extension ReportReader {
    /// Number of submitted formal attempts at the exams, for progress.
    public func submittedAttemptCount(examIDs: [String]) throws -> Int {
        let marks = examIDs.map { _ in "?" }.joined(separator: ", ")
        return try read { db in
            try db.value(
                Int.self, "SELECT COUNT(*) FROM attempt WHERE exam_id IN (\(marks)) AND status = 'submitted' AND is_formal = 1",
                examIDs.map(\.sqlValue)) ?? 0
        }
    }

    /// Streams every submitted formal attempt at the exams, and every overdue
    /// one as it will be recorded, in id order, with its paper and answers.
    /// Read in batches of `batch` attempts by id (their rows, paper items and
    /// answers), so memory stays flat in the number of attempts.
    public func forEachSubmittedAttempt(
        examIDs: [String], itemsPerPaper: Int, overdue: OverdueAttempts = OverdueAttempts(), batch: Int = 2000,
        _ body: (AttemptDetail) throws -> Void
    ) throws {
        try read { db in
            var after: Int64?
            var texts = ByteInterner()
            var types: [Int: QuestionType] = [:]
            while true {
                let (attempts, last) = try Self.submittedAttemptRows(
                    db, examIDs: examIDs, overdue: overdue, after: after, limit: max(1, batch))
                guard let last else { return }
                after = last
                guard let first = attempts.first?.id, let final = attempts.last?.id else { continue }
                try Self.forEachPaper(
                    db, attempts: attempts, ids: first...final, itemsPerPaper: itemsPerPaper, texts: &texts, types: &types, body)
            }
        }
    }

    /// Hands over `attempts` (one batch, in id order) with their paper items
    /// and answers. Short texts are interned (question ids, hashes, keys,
    /// option orders and laws repeat across papers): no String built per
    /// column per row.
    private static func forEachPaper(
        _ db: any StoreConnection, attempts: [AttemptDetail], ids: ClosedRange<Int64>, itemsPerPaper: Int, texts interned: inout ByteInterner,
        types known: inout [Int: QuestionType], _ body: (AttemptDetail) throws -> Void
    ) throws {
        var texts = interned, types = known
        defer { (interned, known) = (texts, types) }
        let lookup = AttemptLookup(attempts.map(\.id))
        let answers = AnswerTable(attempts: lookup.count, itemsPerPaper: itemsPerPaper)
        defer { answers.deallocate() }
        try loadAnswers(db, attempts: lookup, into: answers, attemptIDs: ids)
        let sql = """
            SELECT attempt_id, item_index, question_id, content_hash, option_order, answer_key, points, section_index, type, law_id
            FROM paper_item WHERE attempt_id BETWEEN ? AND ? ORDER BY attempt_id, item_index
            """
        var current: AttemptDetail?
        try db.scan(sql, [.integer(ids.lowerBound), .integer(ids.upperBound)]) { rows in
          while try rows.step() {
            let attemptID = rows.int(0)
            guard let position = lookup.position(of: attemptID) else { continue }
            if current?.id != attemptID {
                if let finished = current { try body(finished) }
                current = attempts[position]
            }
            let text = { (column: Int32) -> String in
                let (key, _) = rows.withBytes(column) { texts.index(of: $0) }
                return texts.values[key]
            }
            let (typeKey, _) = rows.withBytes(8) { texts.index(of: $0) }
            let type = types[typeKey] ?? QuestionType(rawValue: texts.values[typeKey]) ?? .single
            types[typeKey] = type
            let index = Int(rows.int(1))
            current?.items.append(AttemptDetail.Item(
                index: index, questionID: text(2), contentHash: text(3), optionOrder: text(4), keyCode: text(5), points: rows.double(6),
                sectionIndex: Int(rows.int(7)), type: type, lawID: text(9),
                given: AnswerCode.bits(raw: answers.raw(position: position, item: index), type: type)))
          }
        }
        if let finished = current { try body(finished) }
    }

    /// The next `limit` attempt rows by id after `after` (any exam: a window
    /// of the primary key, which the planner reads in order, where a filter on
    /// the exam would sort the whole exam's attempts per batch), those of the
    /// exams returned, and the last id read (nil when none is left). Still-open
    /// attempts not yet overdue are not returned, so a batch may be empty
    /// before the end.
    static func submittedAttemptRows(
        _ db: any StoreConnection, examIDs: [String], overdue: OverdueAttempts, after: Int64?, limit: Int
    ) throws -> (attempts: [AttemptDetail], last: Int64?) {
        let marks = examIDs.map { _ in "?" }.joined(separator: ", ")
        let status = overdue.attempts.isEmpty ? "status = 'submitted'" : "status IN ('submitted', 'in_progress')"
        let rows = try db.rows(
            """
                SELECT id, exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, submitted_at, submit_reason,
                    score, full_marks, passed, excellent, status,
                    CASE WHEN exam_id IN (\(marks)) AND \(status) AND is_formal = 1 THEN 1 ELSE 0 END
                FROM attempt WHERE id > ? ORDER BY id LIMIT ?
                """, examIDs.map(\.sqlValue) + [.integer(after ?? Int64.min), .integer(Int64(limit))])
        var result: [AttemptDetail] = []
        var last: Int64?
        for row in rows {
            last = try row[0]
            guard (try row[15] as Int64) == 1 else { continue }
            var detail = AttemptDetail(
                id: try row[0], examID: try row[1], examTitle: try row[2], definitionHash: try row[3], staffID: try row[4],
                seed: UInt64(bitPattern: try row[5] as Int64), startedAt: try row[6], deadline: try row[7], submittedAt: try row[8],
                submitReason: try row[9], score: try row[10] ?? 0, fullMarks: try row[11], passed: try row[12] ?? false,
                excellent: try row[13] ?? false, items: [])
            if (try row[14] as String) != "submitted" {
                guard let recorded = overdue.attempts[detail.id] else { continue }
                detail.submittedAt = recorded.submittedAt
                detail.submitReason = OverdueAttempts.submitReason
                detail.score = recorded.score
                detail.passed = recorded.passed
                detail.excellent = recorded.excellent
            }
            result.append(detail)
        }
        return (result, last)
    }
}

extension ReportReader {
    /// Every formal attempt at the exams in id order — submitted, overdue
    /// (graded as `overdue` says) and still open — for the 全部作答 sheet.
    public func attemptListings(examIDs: [String], overdue: OverdueAttempts) throws -> [AttemptListing] {
        let marks = examIDs.map { _ in "?" }.joined(separator: ", ")
        return try read { db in
            let unix = db.dialect.unixSeconds
            let sql = """
                SELECT id, exam_id, staff_id, \(unix("started_at")), \(unix("deadline")), \(unix("submitted_at")),
                    status, submit_reason, score, passed, excellent
                FROM attempt WHERE exam_id IN (\(marks)) AND is_formal = 1 ORDER BY id
                """
            var exams = ByteInterner()
            var listings: [AttemptListing] = []
            try db.scan(sql, examIDs.map(\.sqlValue)) { rows in
              while try rows.step() {
                let (exam, _) = rows.withBytes(1) { exams.index(of: $0) }
                var listing = AttemptListing(
                    id: rows.int(0), examID: exams.values[exam], staffID: rows.string(2), startedAt: Self.date(rows.double(3)),
                    deadline: Self.date(rows.double(4)), submittedAt: rows.isNull(5) ? nil : Self.date(rows.double(5)),
                    state: rows.string(6) == "submitted" ? .submitted(how: SubmitReason(rawValue: rows.string(7))?.title ?? "已交卷") : .inProgress,
                    score: rows.isNull(8) ? nil : rows.double(8), passed: rows.isNull(9) ? nil : rows.int(9) != 0,
                    excellent: rows.isNull(10) ? nil : rows.int(10) != 0)
                if listing.state == .inProgress, let recorded = overdue.attempts[listing.id] {
                    listing.state = .overdue
                    listing.submittedAt = recorded.submittedAt
                    listing.score = recorded.score
                    listing.passed = recorded.passed
                    listing.excellent = recorded.excellent
                }
                listings.append(listing)
              }
            }
            return listings
        }
    }
}
