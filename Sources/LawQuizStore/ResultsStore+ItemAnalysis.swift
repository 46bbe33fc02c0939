import Foundation
import LawQuizCore

/// One paper item of one attempt with the answer given, for per-question
/// statistics (which questions most people get wrong).
public struct AnsweredItem: Sendable, Hashable {
    public var attemptID: Int64
    public var staffID: String
    public var stored: StoredPaperItem
    /// In bank letters; nil when unanswered.
    public var answer: AnswerKey?
}

extension ResultsStore {
    /// Every paper item of the submitted attempts of an exam, with the answer
    /// given, in one query (formal attempts only unless asked).
    public func answeredItems(examID: String, includeInformal: Bool = false) throws -> [AnsweredItem] {
        try read { db in
            let rows = try db.rows("""
                    SELECT \(Self.paperColumns(of: "p")), p.attempt_id, a.staff_id, r.answer FROM paper_item p
                    JOIN attempt a ON a.id = p.attempt_id
                    LEFT JOIN response r ON r.attempt_id = p.attempt_id AND r.item_index = p.item_index
                    WHERE a.exam_id = ? AND a.status = 'submitted' \(includeInformal ? "" : "AND a.is_formal = 1")
                    ORDER BY p.attempt_id, p.item_index
                    """, examID)
            return try rows.map { row in
                let stored = try Self.storedItem(row)
                return AnsweredItem(
                    attemptID: try row["attempt_id"], staffID: try row["staff_id"], stored: stored,
                    answer: (try row["answer"] as String?).flatMap { AnswerKey(code: $0, type: stored.item.type) })
            }
        }
    }
}
