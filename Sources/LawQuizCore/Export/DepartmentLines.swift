/// Export lines held per department and written out in department tree
/// order. The store hands the roster over in 工号 order (its primary-key
/// index, no sort); each department's lines then keep 工号 order, which is
/// the order of `ExamOutcomes.people`, without the store sorting the
/// joined rows by department (at 75,000 attempts that sort was a quarter
/// of the export's CPU time). Memory: the lines' bytes, the file's size.
struct DepartmentLines {
    /// Department key (`ReportPerson.departmentKey`) → its path and group.
    private var groupOfKey: [(path: DepartmentPath, group: Int)?] = []
    private var groupOfPath: [DepartmentPath: Int] = [:]
    private var paths: [DepartmentPath] = []
    /// The bytes of each group's lines, in arrival order.
    var lines: [[UInt8]] = []

    /// The group of `person`'s department: by the department key when the
    /// stream interned it (checked against the path), else by the path.
    mutating func group(of person: ReportPerson) -> Int {
        let key = person.departmentKey
        if key >= 0, key < groupOfKey.count, let known = groupOfKey[key], known.path == person.department { return known.group }
        let group: Int
        if let found = groupOfPath[person.department] {
            group = found
        } else {
            group = paths.count
            groupOfPath[person.department] = group
            paths.append(person.department)
            lines.append([])
        }
        if key >= 0 {
            if key >= groupOfKey.count { groupOfKey += Array(repeating: nil, count: key + 1 - groupOfKey.count) }
            groupOfKey[key] = (person.department, group)
        }
        return group
    }

    /// Writes every group's lines, departments in tree order.
    func write(to writer: ByteWriter) throws {
        for group in paths.indices.sorted(by: { paths[$0] < paths[$1] }) { try writer.write(lines[group]) }
    }
}
