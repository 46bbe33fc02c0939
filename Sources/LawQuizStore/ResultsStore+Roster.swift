import Foundation
import LawQuizCore

extension ResultsStore {
    /// Rows written per transaction by `importRoster`: small enough that the
    /// write lock is held for milliseconds, so exam sessions committing
    /// answers meanwhile never wait long (a 1,000,000-row roster in one
    /// transaction held it for many seconds).
    public static let rosterBatchSize = 500

    /// Applies a full roster: adds new people, updates changed ones
    /// (re-activating anyone listed again), marks people missing from the file
    /// inactive (their 登录名 freed). Nobody is deleted. Written in batches of
    /// `batchSize` rows, each its own transaction; the last one also appends
    /// the audit entry (counts and a hash of the file's content). `afterBatch`
    /// is called with the rows written so far, outside any transaction.
    public func importRoster(
        _ entries: [RosterEntry], at now: Date = Date(), batchSize: Int = rosterBatchSize,
        afterBatch: (Int) -> Void = { _ in }
    ) throws -> RosterImportReport {
        let report = try previewRoster(entries)
        let changes: [StaffMember] = report.added + report.changed.map(\.after) + report.noLongerListed
        var payload = AuditPayload(kind: .rosterImported)
        payload.add("added", Int64(report.added.count))
        payload.add("changed", Int64(report.changed.count))
        payload.add("inactive", Int64(report.noLongerListed.count))
        payload.add("unchanged", Int64(report.unchanged))
        payload.add("content", AuditDigest.sha256Hex(entries.map {
            "\($0.staffID)\t\($0.name)\t\($0.department)\t\($0.loginName ?? "")"
        }.joined(separator: "\n")))
        let size = max(1, batchSize)
        // A 登录名 may move from one person to another in one import: free the
        // changed people's names first so the unique index holds.
        let freed = (report.changed.map(\.before) + report.noLongerListed).filter { $0.loginName != nil }
        for start in stride(from: 0, to: freed.count, by: size) {
            try write { db in
                for member in freed[start..<min(freed.count, start + size)] {
                    try db.execute("UPDATE staff SET login_name = NULL WHERE staff_id = ?", member.staffID)
                }
            }
        }
        var start = 0
        repeat {
            let chunk = changes[start..<min(changes.count, start + size)]
            try write { db in
                for member in chunk {
                    try db.execute("""
                            INSERT INTO staff (staff_id, name, department, active, updated_at, login_name) VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT (staff_id) DO UPDATE SET name = excluded.name, department = excluded.department,
                                active = excluded.active, updated_at = excluded.updated_at, login_name = excluded.login_name
                            """,
                        member.staffID, member.name, member.department, member.isActive, now,
                            member.isActive ? member.loginName : nil)
                }
                if chunk.endIndex == changes.endIndex { try audit(db, payload, attemptID: nil, staffID: nil, at: now) }
            }
            start = chunk.endIndex
            afterBatch(start)
        } while start < changes.count
        return report
    }

    /// What `importRoster` would change, without writing (`--dry-run`).
    public func previewRoster(_ entries: [RosterEntry]) throws -> RosterImportReport {
        try read { db in Self.rosterChanges(entries, existing: try Self.staffByID(db)) }
    }

    /// The roster sorted by department then 工号; inactive people only when asked.
    public func roster(includeInactive: Bool = false) throws -> [StaffMember] {
        try read { db in
            try db.rows("SELECT * FROM staff \(includeInactive ? "" : "WHERE active = 1") ORDER BY department, staff_id"
            ).map(StaffMember.init(row:))
        }
    }

    /// One person, active or not.
    public func staffMember(_ staffID: String) throws -> StaffMember? {
        try read { db in
            try db.row("SELECT * FROM staff WHERE staff_id = ?", staffID).map(StaffMember.init(row:))
        }
    }

    /// The person whose roster entry names this 登录名 (active or not).
    public func staffMember(loginName: String) throws -> StaffMember? {
        try read { db in
            try db.row("SELECT * FROM staff WHERE login_name = ?", loginName).map(StaffMember.init(row:))
        }
    }

    /// Whether any roster has been imported (without one, any 工号 is accepted).
    public func hasRoster() throws -> Bool {
        try read { db in try db.value(Bool.self, "SELECT EXISTS (SELECT 1 FROM staff)") ?? false }
    }

    private static func staffByID(_ db: any StoreConnection) throws -> [String: StaffMember] {
        var existing: [String: StaffMember] = [:]
        for row in try db.rows("SELECT * FROM staff") {
            let member = try StaffMember(row: row)
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
