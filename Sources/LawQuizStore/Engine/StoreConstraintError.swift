import Foundation

/// A write refused by a constraint of the database, on either engine, so the
/// store can tell "someone else got there first" (a second open attempt, a
/// paper entered twice) from a failure: the database enforces uniqueness,
/// not a check-then-insert that two hosts could both pass.
public enum StoreConstraintError: LocalizedError, Sendable, Equatable {
    /// A unique index or primary key already holds the value. `constraint` is
    /// the index name (`attempt_one_open`, `attempt_paper_once`, or
    /// PostgreSQL's `<table>_pkey` for a primary key).
    case unique(constraint: String)

    public var errorDescription: String? {
        switch self {
        case .unique(let constraint):
            return "结果数据库拒绝了重复的记录（唯一约束 \(constraint)）。"
        }
    }
}
