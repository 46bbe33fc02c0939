/// What one department's own people (not its sub-departments) contribute to
/// an exam's figures. The store computes these with one GROUP BY; the
/// in-memory outcomes give the same through `init(outcomes:)`, so the
/// summary and the department tree are derived from counts either way.
public struct DepartmentCounts: Sendable, Hashable {
    /// People on the roster (active).
    public var members = 0
    public var required = 0
    public var sat = 0
    public var passed = 0
    public var excellent = 0
    /// Counted scores of required people who sat.
    public var score = ScoreMean()
    public var exempt = 0
    public var outsideScope = 0
    /// People not required (left, exempt, out of scope) with a counted attempt.
    public var uncountedSitters = 0
    /// Required people whose counted attempt is a make-up.
    public var countedFromMakeup = 0
    /// Required people whose counted attempt was entered from a paper sheet (线下).
    public var satOnPaper = 0

    public init() {}

    /// Adds `count` people with the same standing and counted result.
    public mutating func add(
        status: RequirementPolicy.Status, count: Int = 1, score: Double?, passed: Bool, excellent: Bool, makeup: Bool, paper: Bool = false
    ) {
        switch status {
        case .inactive: break
        case .outsideScope: members += count; outsideScope += count
        case .exempt: members += count; exempt += count
        case .required: members += count; required += count
        }
        guard let score else { return }
        guard status == .required else {
            uncountedSitters += count
            return
        }
        sat += count
        self.score.totalHundredths += DecimalRounding.hundredths(score) * count
        self.score.count += count
        if passed { self.passed += count }
        if excellent { self.excellent += count }
        if makeup { countedFromMakeup += count }
        if paper { satOnPaper += count }
    }

    /// Adds one person's standing and counted result.
    public mutating func add(_ outcome: PersonOutcome) {
        let counted = outcome.counted
        add(
            status: outcome.status, score: counted?.attempt.score, passed: counted?.attempt.passed == true,
            excellent: counted?.attempt.excellent == true, makeup: counted?.isMakeup == true, paper: counted?.attempt.onPaper == true)
    }

    public mutating func merge(_ other: DepartmentCounts) {
        members += other.members
        required += other.required
        sat += other.sat
        passed += other.passed
        excellent += other.excellent
        score.merge(other.score)
        exempt += other.exempt
        outsideScope += other.outsideScope
        uncountedSitters += other.uncountedSitters
        countedFromMakeup += other.countedFromMakeup
        satOnPaper += other.satOnPaper
    }

    /// Every department's own counts from the in-memory outcomes, by department.
    public static func byDepartment(_ outcomes: ExamOutcomes) -> [DepartmentPath: DepartmentCounts] {
        var own = [DepartmentCounts](repeating: DepartmentCounts(), count: outcomes.departments.count)
        var seen = [Bool](repeating: false, count: outcomes.departments.count)
        for outcome in outcomes.people {
            let key = outcome.person.departmentKey
            guard own.indices.contains(key) else { continue }
            seen[key] = true
            own[key].add(outcome)
        }
        var result: [DepartmentPath: DepartmentCounts] = [:]
        for (key, counts) in own.enumerated() where seen[key] { result[outcomes.departments[key], default: DepartmentCounts()].merge(counts) }
        return result
    }
}

/// Counted scores in hundredths of a point with how many people have each:
/// an exam has few distinct scores, so the store returns this instead of a
/// row per person, and median, deviation and histogram follow exactly.
public struct ScoreDistribution: Sendable, Hashable {
    public var counts: [Int: Int] = [:]

    public init() {}

    public init(scores: [Double]) {
        for score in scores { add(hundredths: DecimalRounding.hundredths(score)) }
    }

    public mutating func add(hundredths: Int, count: Int = 1) { counts[hundredths, default: 0] += count }

    /// (hundredths, count) from the lowest score up.
    public var ascending: [(hundredths: Int, count: Int)] { counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    public var total: Int { counts.values.reduce(0, +) }
}
