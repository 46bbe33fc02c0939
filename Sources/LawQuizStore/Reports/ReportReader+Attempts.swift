import Foundation
import GRDB
import LawQuizCore

extension ReportReader {
    /// Number of submitted formal attempts at the exams, for progress.
    public func submittedAttemptCount(examIDs: [String]) throws -> Int {
        let marks = examIDs.map { _ in "?" }.joined(separator: ", ")
        return try read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM attempt WHERE exam_id IN (\(marks)) AND status = 'submitted' AND is_formal = 1",
                arguments: StatementArguments(examIDs)) ?? 0
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
            try Self.loadAnswers(db, attempts: lookup, into: answers, rowids: Int64.min..<Int64.max)
            // Raw columns, short texts interned (question ids, hashes, keys, option
            // orders and laws repeat across papers): no String built per column per row.
            let rows = try RawRows(
                db,
                sql: """
                    SELECT attempt_id, item_index, question_id, content_hash, option_order, answer_key, points, section_index, type, law_id
                    FROM paper_item WHERE attempt_id BETWEEN ? AND ? ORDER BY attempt_id, item_index
                    """, arguments: [attempts.first?.id ?? 0, attempts.last?.id ?? -1])
            var texts = ByteInterner()
            var types: [Int: QuestionType] = [:]
            var current: AttemptDetail?
            while try rows.step() {
                let attemptID = rows.int(0)
                guard let position = lookup.position(of: attemptID) else { continue }
                if current?.id != attemptID {
                    if let finished = current { try body(finished) }
                    current = attempts[position]
                }
                let text = { (column: Int32) -> String in
                    let (key, _) = texts.index(of: rows.bytes(column))
                    return texts.values[key]
                }
                let (typeKey, _) = texts.index(of: rows.bytes(8))
                let type = types[typeKey] ?? QuestionType(rawValue: texts.values[typeKey]) ?? .single
                types[typeKey] = type
                let index = Int(rows.int(1))
                current?.items.append(AttemptDetail.Item(
                    index: index, questionID: text(2), contentHash: text(3), optionOrder: text(4), keyCode: text(5), points: rows.double(6),
                    sectionIndex: Int(rows.int(7)), type: type, lawID: text(9),
                    given: AnswerCode.bits(raw: answers.raw(position: position, item: index), type: type)))
            }
            if let finished = current { try body(finished) }
        }
    }

    static func submittedAttemptRows(_ db: Database, examIDs: [String], overdue: OverdueAttempts) throws -> [AttemptDetail] {
        let marks = examIDs.map { _ in "?" }.joined(separator: ", ")
        let status = overdue.attempts.isEmpty ? "status = 'submitted'" : "status IN ('submitted', 'in_progress')"
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT id, exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, submitted_at, submit_reason,
                    score, full_marks, passed, excellent, status
                FROM attempt WHERE exam_id IN (\(marks)) AND \(status) AND is_formal = 1 ORDER BY id
                """, arguments: StatementArguments(examIDs))
        var result: [AttemptDetail] = []
        while let row = try rows.next() {
            var detail = AttemptDetail(
                id: row[0], examID: row[1], examTitle: row[2], definitionHash: row[3], staffID: row[4],
                seed: UInt64(bitPattern: row[5] as Int64), startedAt: row[6], deadline: row[7], submittedAt: row[8], submitReason: row[9],
                score: row[10] ?? 0, fullMarks: row[11], passed: row[12] ?? false, excellent: row[13] ?? false, items: [])
            if (row[14] as String) != "submitted" {
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
            let rows = try RawRows(
                db,
                sql: """
                    SELECT id, exam_id, staff_id, \(Self.unix("started_at")), \(Self.unix("deadline")), \(Self.unix("submitted_at")),
                        status, submit_reason, score, passed, excellent
                    FROM attempt WHERE exam_id IN (\(marks)) AND is_formal = 1 ORDER BY id
                    """, arguments: StatementArguments(examIDs))
            var exams = ByteInterner()
            var listings: [AttemptListing] = []
            while try rows.step() {
                let (exam, _) = exams.index(of: rows.bytes(1))
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
            return listings
        }
    }

    /// Seconds since 1970 of a stored timestamp column.
    static func unix(_ column: String) -> String { SQLiteReportDialect().unixSeconds(column) }
}
