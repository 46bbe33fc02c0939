import Foundation
import GRDB
import LawQuizCore

extension ResultsStore {
    /// Applies a full roster in one transaction: adds new people, updates
    /// changed ones (re-activating anyone listed again), marks people missing
    /// from the file inactive. Nobody is deleted.
    public func importRoster(_ entries: [RosterEntry], at now: Date = Date()) throws -> RosterImportReport {
        try write { db in
            let report = Self.rosterChanges(entries, existing: try Self.staffByID(db))
            // A 登录名 may move from one person to another in one import: free
            // the changed people's names first so the unique index holds.
            for member in report.changed.map(\.before) + report.noLongerListed {
                try db.execute(sql: "UPDATE staff SET login_name = NULL WHERE staff_id = ?", arguments: [member.staffID])
            }
            for member in report.added + report.changed.map(\.after) {
                try db.execute(
                    sql: """
                        INSERT INTO staff (staff_id, name, department, active, updated_at, login_name) VALUES (?, ?, ?, 1, ?, ?)
                        ON CONFLICT (staff_id) DO UPDATE SET name = excluded.name, department = excluded.department,
                            active = 1, updated_at = excluded.updated_at, login_name = excluded.login_name
                        """, arguments: [member.staffID, member.name, member.department, now, member.loginName])
            }
            for member in report.noLongerListed {
                try db.execute(sql: "UPDATE staff SET active = 0, updated_at = ? WHERE staff_id = ?", arguments: [now, member.staffID])
            }
            return report
        }
    }

    /// What `importRoster` would change, without writing (`--dry-run`).
    public func previewRoster(_ entries: [RosterEntry]) throws -> RosterImportReport {
        try read { db in Self.rosterChanges(entries, existing: try Self.staffByID(db)) }
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

    /// The person whose roster entry names this 登录名 (active or not).
    public func staffMember(loginName: String) throws -> StaffMember? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE login_name = ?", arguments: [loginName]).map(StaffMember.init(row:))
        }
    }

    /// Whether any roster has been imported (without one, any 工号 is accepted).
    public func hasRoster() throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff)") ?? false }
    }

    private static func staffByID(_ db: Database) throws -> [String: StaffMember] {
        var existing: [String: StaffMember] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM staff") {
            let member = StaffMember(row: row)
            existing[member.staffID] = member
        }
        return existing
    }

    /// Compares a file's entries with the stored roster.
    static func rosterChanges(_ entries: [RosterEntry], existing: [String: StaffMember]) -> RosterImportReport {
        var report = RosterImportReport()
        var listed = Set<String>()
        for entry in entries {
            listed.insert(entry.staffID)
            let member = StaffMember(staffID: entry.staffID, name: entry.name, department: entry.department, loginName: entry.loginName)
            if let before = existing[entry.staffID] {
                if before == member {
                    report.unchanged += 1
                } else {
                    report.changed.append(.init(before: before, after: member))
                }
            } else {
                report.added.append(member)
            }
        }
        report.noLongerListed = existing.values.filter { $0.isActive && !listed.contains($0.staffID) }
            .sorted { $0.staffID < $1.staffID }
            .map { member in
                var inactive = member
                inactive.isActive = false
                return inactive
            }
        return report
    }
}
