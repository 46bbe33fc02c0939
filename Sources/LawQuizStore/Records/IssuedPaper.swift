import Foundation
import LawQuizCore

/// A printed paper as recorded by `exam print`: its seed draws the paper
/// again, so only the number needs to come back on the answer sheet.
public struct IssuedPaper: Sendable, Hashable {
    public var examID: String
    public var number: Int
    public var seed: UInt64
    /// Set when the paper was made out to a person (`--staff-list`).
    public var staffID: String?
    public var issuedAt: Date
    public var issuedBy: String

    public init(examID: String, number: Int, seed: UInt64, staffID: String?, issuedAt: Date, issuedBy: String) {
        self.examID = examID
        self.number = number
        self.seed = seed
        self.staffID = staffID
        self.issuedAt = issuedAt
        self.issuedBy = issuedBy
    }

    init(row: SQLRow) throws {
        examID = try row["exam_id"]
        number = try row["paper_no"]
        seed = UInt64(bitPattern: try row["seed"] as Int64)
        staffID = try row["staff_id"]
        issuedAt = try row["issued_at"]
        issuedBy = try row["issued_by"]
    }

    /// Six hex digits of SHA-256(exam|number|seed), printed beside the
    /// number: a typing slip in the number is caught by the code not
    /// matching, and the seed cannot be read back from it.
    public var checkCode: String {
        String(AuditDigest.sha256Hex("\(examID)|\(number)|\(seed)").prefix(6))
    }
}
