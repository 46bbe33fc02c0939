import Foundation

/// One roster member's standing for an exam: whether they had to sit and the
/// attempt that counts.
public struct PersonOutcome: Sendable, Hashable {
    public var person: ReportPerson
    public var status: RequirementPolicy.Status
    public var counted: CountedAttempt?

    public init(person: ReportPerson, status: RequirementPolicy.Status, counted: CountedAttempt?) {
        self.person = person
        self.status = status
        self.counted = counted
    }

    public var isRequired: Bool { status == .required }
    /// 参考: required and submitted at least one attempt.
    public var sat: Bool { isRequired && counted != nil }
    public var passed: Bool { sat && counted?.attempt.passed == true }
    public var excellent: Bool { sat && counted?.attempt.excellent == true }
}

/// Everyone's outcome for one exam: the single table every statistic, list
/// and export is derived from, so they cannot disagree.
public struct ExamOutcomes: Sendable {
    /// Roster members, by department then 工号.
    public var people: [PersonOutcome]
    /// Submitted attempts by 工号 not on the roster at all (they never count).
    public var unknownStaff: [String: CountedAttempt]
    /// Departments by `ReportPerson.departmentKey`.
    public var departments: [DepartmentPath]

    public init(people: [PersonOutcome], unknownStaff: [String: CountedAttempt] = [:], departments: [DepartmentPath]) {
        self.people = people
        self.unknownStaff = unknownStaff
        self.departments = departments
    }

    /// Gives every person a department key (keeping the loader's when all have one) and returns the table.
    static func internDepartments(_ roster: inout [ReportPerson]) -> [DepartmentPath] {
        if !roster.isEmpty, roster.allSatisfy({ $0.departmentKey >= 0 }) {
            var table = [DepartmentPath?](repeating: nil, count: (roster.map(\.departmentKey).max() ?? -1) + 1)
            for person in roster where table[person.departmentKey] == nil { table[person.departmentKey] = person.department }
            return table.map { $0 ?? .organisation }
        }
        var keys: [DepartmentPath: Int] = [:]
        var table: [DepartmentPath] = []
        for index in roster.indices {
            let department = roster[index].department
            if let key = keys[department] {
                roster[index].departmentKey = key
            } else {
                keys[department] = table.count
                roster[index].departmentKey = table.count
                table.append(department)
            }
        }
        return table
    }

    /// Joins the roster with each person's submitted attempts. `attempts` may
    /// hold attempts at the main exam and at its make-ups in any order.
    /// (The store chooses in SQL; this is the same rule in Swift, for tests and small inputs.)
    public static func build(
        roster: [ReportPerson], attempts: [ReportAttempt], policy: RequirementPolicy, selector: AttemptSelector
    ) -> ExamOutcomes {
        var byStaff: [String: (main: [ReportAttempt], makeup: [ReportAttempt])] = [:]
        byStaff.reserveCapacity(roster.count)
        for attempt in attempts {
            if attempt.source == .main {
                byStaff[attempt.staffID, default: ([], [])].main.append(attempt)
            } else {
                byStaff[attempt.staffID, default: ([], [])].makeup.append(attempt)
            }
        }
        return build(roster: roster, counted: byStaff.compactMapValues { selector.select(main: $0.main, makeup: $0.makeup) }, policy: policy)
    }

    /// Joins the roster with each 工号's counted attempt; the 工号 not on
    /// the roster become `unknownStaff`.
    public static func build(roster: [ReportPerson], counted: [String: CountedAttempt], policy: RequirementPolicy) -> ExamOutcomes {
        var roster = roster
        let departments = internDepartments(&roster)
        var counted = counted
        var people: [PersonOutcome] = []
        people.reserveCapacity(roster.count)
        for person in roster {
            people.append(PersonOutcome(person: person, status: policy.status(of: person), counted: counted.removeValue(forKey: person.staffID)))
        }
        sortByDepartment(&people, departments: departments)
        return ExamOutcomes(people: people, unknownStaff: counted, departments: departments)
    }

    /// Department tree order, then 工号; departments are ranked once so
    /// 100,000 people sort without comparing paths each time, and the sort
    /// moves positions, not the outcomes (a couple of hundred bytes each,
    /// with their references retained and released at every move).
    static func sortByDepartment(_ people: inout [PersonOutcome], departments: [DepartmentPath]) {
        var rank = [Int](repeating: 0, count: departments.count)
        for (position, key) in departments.indices.sorted(by: { departments[$0] < departments[$1] }).enumerated() { rank[key] = position }
        let ranks = people.map { rank[$0.person.departmentKey] }
        let order = people.withUnsafeBufferPointer { people in
            people.indices.sorted { lhs, rhs in
                ranks[lhs] != ranks[rhs] ? ranks[lhs] < ranks[rhs] : people[lhs].person.staffID < people[rhs].person.staffID
            }
        }
        people = order.map { people[$0] }
    }

    /// 应考 people.
    public var required: [PersonOutcome] { people.filter(\.isRequired) }

    /// 未参考: required people without a submitted attempt.
    public var absent: [PersonOutcome] { people.filter { $0.isRequired && $0.counted == nil } }
}
