/// The tables of a results store as `store copy` moves them, parents before
/// children (foreign keys), with the columns each migration gives them. A
/// test compares this list with the tables and columns of a migrated SQLite
/// store, so a new migration cannot leave a column behind.
public enum StoreSchema {
    public struct Table: Sendable {
        public var name: String
        public var columns: [String]
        /// The columns holding timestamps (text in SQLite, timestamptz in PostgreSQL).
        public var dates: Set<String>
        /// An integer id the store numbers itself (AUTOINCREMENT / identity):
        /// copied as is, then the target's numbering moves past it.
        public var identity: String?
        /// Order of the copy (the primary key).
        public var order: String
    }

    /// Every table in copy order. `attempt_lease` is left out: a lease is a
    /// live terminal's, meaningless on another store.
    public static let tables: [Table] = [
        Table(
            name: "staff", columns: ["staff_id", "name", "department", "active", "updated_at", "login_name"], dates: ["updated_at"],
            order: "staff_id"),
        Table(
            name: "attempt",
            columns: [
                "id", "exam_id", "exam_title", "definition_hash", "staff_id", "seed", "started_at", "deadline", "submitted_at", "status",
                "submit_reason", "score", "full_marks", "passed", "excellent", "is_formal", "proctor_login", "source", "paper_no",
            ],
            dates: ["started_at", "deadline", "submitted_at"], identity: "id", order: "id"),
        Table(
            name: "paper_item",
            columns: [
                "attempt_id", "item_index", "question_id", "content_hash", "option_order", "answer_key", "points", "section_index", "type",
                "law_id",
            ],
            dates: [], order: "attempt_id, item_index"),
        Table(
            name: "response", columns: ["attempt_id", "item_index", "answer", "answered_at", "marked"], dates: ["answered_at"],
            order: "attempt_id, item_index"),
        Table(name: "answer_sheet", columns: ["attempt_id", "sheet"], dates: [], order: "attempt_id"),
        Table(
            name: "practice_answer",
            columns: ["id", "staff_id", "question_id", "content_hash", "answer", "correct", "from_wrong_book", "answered_at"],
            dates: ["answered_at"], identity: "id", order: "id"),
        Table(
            name: "wrong_book",
            columns: ["staff_id", "question_id", "added_at", "last_answered_at", "wrong_count", "right_streak", "cleared_at"],
            dates: ["added_at", "last_answered_at", "cleared_at"], order: "staff_id, question_id"),
        Table(
            name: "pin", columns: ["staff_id", "salt", "hash", "params", "failed_count", "locked_until", "updated_at"],
            dates: ["locked_until", "updated_at"], order: "staff_id"),
        Table(
            name: "pin_failure", columns: ["id", "staff_id", "login", "failed_at", "locked_until"], dates: ["failed_at", "locked_until"],
            identity: "id", order: "id"),
        Table(
            name: "memory_state",
            columns: ["staff_id", "question_id", "stability", "difficulty", "due_at", "last_review_at", "reps", "lapses"],
            dates: ["due_at", "last_review_at"], order: "staff_id, question_id"),
        Table(
            name: "issued_paper", columns: ["exam_id", "paper_no", "seed", "staff_id", "issued_at", "issued_by"], dates: ["issued_at"],
            order: "exam_id, paper_no"),
        Table(
            name: "audit_entry",
            columns: ["seq", "kind", "attempt_id", "staff_id", "payload", "prev_hash", "entry_hash", "mac", "recorded_at"],
            dates: ["recorded_at"], order: "seq"),
    ]

    /// Tables deliberately not copied.
    public static let notCopied: Set<String> = ["attempt_lease"]
}
