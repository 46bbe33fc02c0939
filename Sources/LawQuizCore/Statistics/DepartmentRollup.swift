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
        /// Counted scores of those who sat, summed exactly.
        public var score = ScoreMean()
        /// Departments in the subtree with required staff of their own, and those where one of them sat.
        public var unitsRequired: Int = 0
        public var unitsSat: Int = 0
        /// People on the roster in the subtree (required or not), so a
        /// department where no one is required still shows up with zeros;
        /// people who left the roster are not members.
        public var members: Int = 0
        /// Of `sat`, those whose counted attempt was a paper one (线下);
        /// 0 where the figures were not split by source.
        public var satOnPaper: Int = 0

        mutating func add(_ entry: DepartmentCounts) {
            required += entry.required
            sat += entry.sat
            satOnPaper += entry.satOnPaper
            passed += entry.passed
            excellent += entry.excellent
            score.merge(entry.score)
            members += entry.members
            if entry.required > 0 { unitsRequired += 1 }
            if entry.sat > 0 { unitsSat += 1 }
        }

        public var depth: Int { department.depth }
        public var absent: Int { required - sat }
        public var participationRate: Rate { Rate(sat, of: required) }
        public var passRateOfSat: Rate { Rate(passed, of: sat) }
        public var passRateOfRequired: Rate { Rate(passed, of: required) }
        public var excellenceRateOfSat: Rate { Rate(excellent, of: sat) }
        public var excellenceRateOfRequired: Rate { Rate(excellent, of: required) }
        public var scoreTotal: Double { score.total }
        /// The mean rounded half up to one decimal (`ScoreMean`).
        public var meanScore: Double? { score.value }
    }

    /// Tree order: the organisation first, each department before its sub-departments.
    public var nodes: [Node]

    public init(outcomes: ExamOutcomes) {
        self.init(counts: DepartmentCounts.byDepartment(outcomes))
    }

    /// Rolls each department's own counts up into itself and every ancestor;
    /// departments without people on the roster are left out.
    public init(counts: [DepartmentPath: DepartmentCounts]) {
        var nodes: [DepartmentPath: Node] = [.organisation: Node(department: .organisation)]
        for (department, entry) in counts where entry.members > 0 {
            // Each node updated in place: one look-up per path (hashing a path hashes
            // every Chinese component with normalisation), not a read and a write.
            for path in department.selfAndAncestors {
                nodes[path, default: Node(department: path)].add(entry)
            }
        }
        self.nodes = nodes.values.sorted { $0.department < $1.department }
    }

    /// The row for one department, if it is in the roster.
    public func node(_ department: DepartmentPath) -> Node? {
        nodes.first { $0.department == department }
    }
}

extension DepartmentRollup.Node {
    private enum CodingKeys: String, CodingKey {
        case department, depth, members, required, sat, satOnPaper, absent, passed, excellent, scoreTotal, meanScore, unitsRequired, unitsSat
        case participationRate, passRateOfSat, passRateOfRequired, excellenceRateOfSat, excellenceRateOfRequired
    }

    /// Encodes the counts with their derived rates, so JSON readers need not recompute them.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(department, forKey: .department)
        try c.encode(depth, forKey: .depth)
        try c.encode(members, forKey: .members)
        try c.encode(required, forKey: .required)
        try c.encode(sat, forKey: .sat)
        if satOnPaper > 0 { try c.encode(satOnPaper, forKey: .satOnPaper) }
        try c.encode(absent, forKey: .absent)
        try c.encode(passed, forKey: .passed)
        try c.encode(excellent, forKey: .excellent)
        try c.encode(scoreTotal, forKey: .scoreTotal)
        try c.encodeIfPresent(meanScore, forKey: .meanScore)
        try c.encode(unitsRequired, forKey: .unitsRequired)
        try c.encode(unitsSat, forKey: .unitsSat)
        try c.encode(participationRate, forKey: .participationRate)
        try c.encode(passRateOfSat, forKey: .passRateOfSat)
        try c.encode(passRateOfRequired, forKey: .passRateOfRequired)
        try c.encode(excellenceRateOfSat, forKey: .excellenceRateOfSat)
        try c.encode(excellenceRateOfRequired, forKey: .excellenceRateOfRequired)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        department = try c.decode(DepartmentPath.self, forKey: .department)
        members = try c.decode(Int.self, forKey: .members)
        required = try c.decode(Int.self, forKey: .required)
        sat = try c.decode(Int.self, forKey: .sat)
        satOnPaper = try c.decodeIfPresent(Int.self, forKey: .satOnPaper) ?? 0
        passed = try c.decode(Int.self, forKey: .passed)
        excellent = try c.decode(Int.self, forKey: .excellent)
        score = ScoreMean(totalHundredths: DecimalRounding.hundredths(try c.decode(Double.self, forKey: .scoreTotal)), count: sat)
        unitsRequired = try c.decode(Int.self, forKey: .unitsRequired)
        unitsSat = try c.decode(Int.self, forKey: .unitsSat)
    }
}
