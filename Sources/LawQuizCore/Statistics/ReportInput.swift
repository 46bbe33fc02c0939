import Foundation

/// A roster member as the reports see them. Kept separate from the store's
/// record so statistics can be computed (and tested) on plain values.
public struct ReportPerson: Sendable, Hashable {
    public var staffID: String
    public var name: String
    public var department: DepartmentPath
    /// False once the person is no longer listed in the roster (left, moved on):
    /// they stay in the store because results refer to them, but are not required.
    public var active: Bool
    /// Index of the department in the roster's department table, when the
    /// loader interned them (-1 otherwise): grouping 100,000 people by an
    /// integer is much cheaper than hashing Chinese path strings.
    public var departmentKey: Int

    public init(staffID: String, name: String, department: DepartmentPath, active: Bool = true, departmentKey: Int = -1) {
        self.staffID = staffID
        self.name = name
        self.department = department
        self.active = active
        self.departmentKey = departmentKey
    }
}

/// Whether an attempt belongs to the exam itself or to its make-up (补考).
public enum AttemptSource: String, Sendable, Hashable, Codable {
    case main
    case makeup
}

/// One submitted attempt, reduced to what the reports need.
public struct ReportAttempt: Sendable, Hashable {
    public var id: Int64
    public var examID: String
    public var staffID: String
    public var score: Double
    /// As decided when the attempt was marked (cut-offs inclusive).
    public var passed: Bool
    public var excellent: Bool
    public var startedAt: Date
    public var submittedAt: Date?
    public var source: AttemptSource
    /// Entered from a printed paper's answer sheet (线下) rather than sat online.
    public var onPaper: Bool

    public init(
        id: Int64, examID: String, staffID: String, score: Double, passed: Bool, excellent: Bool,
        startedAt: Date, submittedAt: Date? = nil, source: AttemptSource = .main, onPaper: Bool = false
    ) {
        self.id = id
        self.examID = examID
        self.staffID = staffID
        self.score = score
        self.passed = passed
        self.excellent = excellent
        self.startedAt = startedAt
        self.submittedAt = submittedAt
        self.source = source
        self.onPaper = onPaper
    }

    /// Time taken from start to submission, when both are known.
    public var duration: TimeInterval? {
        guard let submittedAt else { return nil }
        return max(0, submittedAt.timeIntervalSince(startedAt))
    }
}
