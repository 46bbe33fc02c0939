/// Who must sit a formal exam (应考): every active roster member by default,
/// narrowed by the exam definition to department subtrees and minus named
/// exemptions (免考). Kept as a value so every report uses one definition.
public struct RequirementPolicy: Sendable, Hashable {
    /// Subtrees whose members must sit; empty means the whole organisation.
    public var departments: [DepartmentPath]
    /// 工号 → reason for the exemption.
    public var exemptions: [String: String]

    public init(departments: [DepartmentPath] = [], exemptions: [String: String] = [:]) {
        self.departments = departments
        self.exemptions = exemptions
    }

    /// Why a person is or is not required to sit.
    public enum Status: Sendable, Hashable {
        case required
        /// Named in the exam's exemptions (免考), with the reason.
        case exempt(String)
        /// Outside the departments the exam applies to.
        case outsideScope
        /// No longer on the roster.
        case inactive

        public var label: String {
            switch self {
            case .required: return "应考"
            case .exempt(let reason): return reason.isEmpty ? "免考" : "免考（\(reason)）"
            case .outsideScope: return "不在考试范围"
            case .inactive: return "已不在名单"
            }
        }
    }

    public func status(of person: ReportPerson) -> Status {
        if !person.active { return .inactive }
        if !covers(person.department) { return .outsideScope }
        if let reason = exemptions[person.staffID] { return .exempt(reason) }
        return .required
    }

    /// Whether the exam applies to a department (no scope: every department).
    public func covers(_ department: DepartmentPath) -> Bool {
        departments.isEmpty || departments.contains { department.isWithin($0) }
    }
}
