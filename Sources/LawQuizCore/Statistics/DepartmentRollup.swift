import Foundation

/// The same figures for every node of the department tree, each node counting
/// everyone in its subtree, so a head of department sees their own total and
/// the office sees which unit is behind.
public struct DepartmentRollup: Sendable, Hashable, Codable {
    public struct Node: Sendable, Hashable, Codable {
        public var department: DepartmentPath
        public var required: Int = 0
        public var sat: Int = 0
        public var passed: Int = 0
        public var excellent: Int = 0
        public var scoreTotal: Double = 0
        /// Departments in the subtree with required staff of their own, and those where one of them sat.
        public var unitsRequired: Int = 0
        public var unitsSat: Int = 0
        /// Roster members in the subtree (required or not), so a department
        /// where no one is required still shows up with zeros.
        public var members: Int = 0

        public var depth: Int { department.depth }
        public var absent: Int { required - sat }
        public var participationRate: Rate { Rate(sat, of: required) }
        public var passRateOfSat: Rate { Rate(passed, of: sat) }
        public var passRateOfRequired: Rate { Rate(passed, of: required) }
        public var excellenceRateOfSat: Rate { Rate(excellent, of: sat) }
        public var excellenceRateOfRequired: Rate { Rate(excellent, of: required) }
        public var meanScore: Double? { sat == 0 ? nil : scoreTotal / Double(sat) }
    }

    /// Tree order: the organisation first, each department before its sub-departments.
    public var nodes: [Node]

    public init(outcomes: ExamOutcomes) {
        struct Own { var required = 0, sat = 0, passed = 0, excellent = 0, members = 0, total = 0.0 }
        var own: [DepartmentPath: Own] = [:]
        for outcome in outcomes.people {
            var entry = own[outcome.person.department] ?? Own()
            entry.members += 1
            if outcome.isRequired {
                entry.required += 1
                if let counted = outcome.counted {
                    entry.sat += 1
                    entry.total += counted.attempt.score
                    if counted.attempt.passed { entry.passed += 1 }
                    if counted.attempt.excellent { entry.excellent += 1 }
                }
            }
            own[outcome.person.department] = entry
        }
        var nodes: [DepartmentPath: Node] = [.organisation: Node(department: .organisation)]
        for (department, entry) in own {
            for path in department.selfAndAncestors {
                var node = nodes[path] ?? Node(department: path)
                node.required += entry.required
                node.sat += entry.sat
                node.passed += entry.passed
                node.excellent += entry.excellent
                node.scoreTotal += entry.total
                node.members += entry.members
                if entry.required > 0 { node.unitsRequired += 1 }
                if entry.sat > 0 { node.unitsSat += 1 }
                nodes[path] = node
            }
        }
        self.nodes = nodes.values.sorted { $0.department < $1.department }
    }

    /// The row for one department, if it is in the roster.
    public func node(_ department: DepartmentPath) -> Node? {
        nodes.first { $0.department == department }
    }
}
