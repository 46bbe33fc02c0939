import Foundation
import GRDB
import LawQuizCore

extension ResultsStore {
    /// Applies a full roster in one transaction: adds new people, updates
    /// changed ones (re-activating anyone listed again), marks people missing
    /// from the file inactive. Nobody is deleted.
    public func importRoster(_ entries: [RosterEntry], at now: Date = Date()) throws -> RosterImportReport {
        try write { db in
            var existing: [String: StaffMember] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM staff") {
                let member = StaffMember(row: row)
                existing[member.staffID] = member
            }
            var report = RosterImportReport()
            var listed = Set<String>()
            for entry in entries {
                listed.insert(entry.staffID)
                let member = StaffMember(staffID: entry.staffID, name: entry.name, department: entry.department)
                if let before = existing[entry.staffID] {
                    if before == member {
                        report.unchanged += 1
                        continue
                    }
                    report.changed.append(.init(before: before, after: member))
                } else {
                    report.added.append(member)
                }
                try db.execute(
                    sql: """
                        INSERT INTO staff (staff_id, name, department, active, updated_at) VALUES (?, ?, ?, 1, ?)
                        ON CONFLICT (staff_id) DO UPDATE SET name = excluded.name, department = excluded.department,
                            active = 1, updated_at = excluded.updated_at
                        """, arguments: [member.staffID, member.name, member.department, now])
            }
            for member in existing.values.sorted(by: { $0.staffID < $1.staffID }) where member.isActive && !listed.contains(member.staffID) {
                try db.execute(sql: "UPDATE staff SET active = 0, updated_at = ? WHERE staff_id = ?", arguments: [now, member.staffID])
                var inactive = member
                inactive.isActive = false
                report.noLongerListed.append(inactive)
            }
            return report
        }
    }

    /// The roster sorted by department then 工号; inactive people only when asked.
    public func roster(includeInactive: Bool = false) throws -> [StaffMember] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM staff \(includeInactive ? "" : "WHERE active = 1") ORDER BY department, staff_id"
            ).map(StaffMember.init(row:))
        }
    }

    /// One person, active or not.
    public func staffMember(_ staffID: String) throws -> StaffMember? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE staff_id = ?", arguments: [staffID]).map(StaffMember.init(row:))
        }
    }

    /// Whether any roster has been imported (without one, any 工号 is accepted).
    public func hasRoster() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff)") ?? false }
    }
}
