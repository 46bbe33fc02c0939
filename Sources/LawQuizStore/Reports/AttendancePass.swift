import LawQuizCore

/// `absent`'s two passes: the sitters' 工号 in byte order
/// (`ReportQueries.sitters`) into a `SortedBytes`, then the roster
/// (`ReportQueries.attendance`), each required 工号 looked up there, the 应考
/// and 参考 counts tallied per department and the 未参考 people kept. The
/// passes are generic over the cursor and `read` hands SQLite's `RawRows`
/// over as its own type, so the column reads of 100,000 rows are inlined
/// instead of called through the `SQLRowCursor` existential.
struct AttendancePass {
    private var staffIDs = SortedBytes()
    private(set) var tallies: DepartmentTallies
    /// Required people with no submitted or overdue attempt, in roster order.
    private(set) var absent: [ReportPerson] = []

    init(policy: RequirementPolicy) {
        tallies = DepartmentTallies(policy: policy)
    }

    /// Reads a scan's rows with `body`, on SQLite's cursor as its concrete type.
    static func read(_ rows: any SQLRowCursor, _ body: (RawRows) throws -> Void, _ other: (any SQLRowCursor) throws -> Void) rethrows {
        if let raw = rows as? RawRows { try body(raw) } else { try other(rows) }
    }

    /// The sitters' query: one 工号 per row (column 0), ascending.
    mutating func readSitters<Rows: SQLRowCursor>(_ rows: Rows) throws {
        while try rows.step() { rows.withBytes(0) { staffIDs.append($0) } }
    }

    /// The attendance query: department, active, exempt, 工号, name.
    mutating func readRoster<Rows: SQLRowCursor>(_ rows: Rows) throws {
        while try rows.step() {
            let (key, status) = tallies.standing(rows)
            tallies.counts[key].add(status: status, score: nil, passed: false, excellent: false, makeup: false)
            guard status == .required else { continue }
            if rows.withBytes(3, { staffIDs.contains($0) }) {
                tallies.counts[key].sat += 1
            } else {
                absent.append(ReportPerson(
                    staffID: rows.string(3), name: rows.string(4), department: tallies.departments.paths[key], departmentKey: key))
            }
        }
    }
}
