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
    /// Attempt rows are held (small); the paper items are read in key order
    /// and handed over one attempt at a time.
    public func forEachSubmittedAttempt(
        examIDs: [String], itemsPerPaper: Int, overdue: OverdueAttempts = OverdueAttempts(), _ body: (AttemptDetail) throws -> Void
    ) throws {
        try read { db in
            let attempts = try Self.submittedAttemptRows(db, examIDs: examIDs, overdue: overdue)
            let lookup = AttemptLookup(attempts.map(\.id))
            let answers = AnswerTable(attempts: lookup.count, itemsPerPaper: itemsPerPaper)
            defer { answers.deallocate() }
            try Self.loadAnswers(db, attempts: lookup, into: answers, rowids: nil)
            // Raw columns, short texts interned (question ids, hashes, keys, option
            // orders and laws repeat across papers): no String built per column per row.
            let sql = """
                SELECT attempt_id, item_index, question_id, content_hash, option_order, answer_key, points, section_index, type, law_id
                FROM paper_item WHERE attempt_id BETWEEN ? AND ? ORDER BY attempt_id, item_index
                """
            var texts = ByteInterner()
            var types: [Int: QuestionType] = [:]
            var current: AttemptDetail?
            try db.scan(sql, [.integer(attempts.first?.id ?? 0), .integer(attempts.last?.id ?? -1)]) { rows in
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
    }

    static func submittedAttemptRows(_ db: any StoreConnection, examIDs: [String], overdue: OverdueAttempts) throws -> [AttemptDetail] {
        let marks = examIDs.map { _ in "?" }.joined(separator: ", ")
        let status = overdue.attempts.isEmpty ? "status = 'submitted'" : "status IN ('submitted', 'in_progress')"
        let rows = try db.rows(
            """
                SELECT id, exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, submitted_at, submit_reason,
                    score, full_marks, passed, excellent, status
                FROM attempt WHERE exam_id IN (\(marks)) AND \(status) AND is_formal = 1 ORDER BY id
                """, examIDs.map(\.sqlValue))
        var result: [AttemptDetail] = []
        for row in rows {
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
        return result
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
