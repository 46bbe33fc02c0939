import LawQuizCore

/// Per-department counts built from a row per person (`department`,
/// `active`, `exempt` in three columns from `base`): departments are interned
/// once and tallied by integer key, each department's scope decided once, so
/// a roster of 100,000 costs no dictionary look-up by path per row.
struct DepartmentTallies {
    let policy: RequirementPolicy
    var departments = DepartmentInterner()
    /// Counts by department key.
    var counts: [DepartmentCounts] = []
    /// Whether the scope covers each department key.
    private var covered: [Bool] = []

    init(policy: RequirementPolicy) {
        self.policy = policy
    }

    /// The current row's department key (its tally created when new) and the person's standing.
    /// Generic so a pass over SQLite's cursor (`RawRows`) reads the columns inline.
    mutating func standing<Rows: SQLRowCursor>(_ rows: Rows, from base: Int32 = 0) -> (key: Int, status: RequirementPolicy.Status) {
        let key = departments.key(rows, base)
        while covered.count <= key {
            covered.append(policy.covers(departments.paths[covered.count]))
            counts.append(DepartmentCounts())
        }
        let status: RequirementPolicy.Status =
            rows.int(base + 1) == 0 ? .inactive : !covered[key] ? .outsideScope : rows.int(base + 2) != 0 ? .exempt("") : .required
        return (key, status)
    }

    /// The tallies by department path.
    var byDepartment: [DepartmentPath: DepartmentCounts] {
        var result = [DepartmentPath: DepartmentCounts](minimumCapacity: counts.count)
        for (key, tally) in counts.enumerated() { result[departments.paths[key], default: DepartmentCounts()].merge(tally) }
        return result
    }
}
