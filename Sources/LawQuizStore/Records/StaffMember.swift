import Foundation

/// A person on the roster. Never deleted (results refer to them); people no
/// longer listed in the latest import are marked inactive.
public struct StaffMember: Sendable, Hashable, Codable {
    /// 工号.
    public var staffID: String
    /// 姓名.
    public var name: String
    /// 部门 path, e.g. `综合办公室/秘书科`.
    public var department: String
    public var isActive: Bool
    /// 登录名 of the person's account on the host, when the roster gives one:
    /// how an installed lawquiz knows who sits without asking.
    public var loginName: String?

    public init(staffID: String, name: String, department: String, isActive: Bool = true, loginName: String? = nil) {
        self.staffID = staffID
        self.name = name
        self.department = department
        self.isActive = isActive
        self.loginName = loginName
    }

    init(row: SQLRow) throws {
        staffID = try row["staff_id"]
        name = try row["name"]
        department = try row["department"]
        isActive = try row["active"]
        loginName = try row["login_name"]
    }
}

/// What a roster import changed.
public struct RosterImportReport: Sendable, Hashable {
    public struct Change: Sendable, Hashable {
        public var before: StaffMember
        public var after: StaffMember
    }

    public var added: [StaffMember] = []
    /// Name or department changed, or re-listed after being inactive.
    public var changed: [Change] = []
    /// Were active, missing from this file: now inactive.
    public var noLongerListed: [StaffMember] = []
    public var unchanged: Int = 0
}
