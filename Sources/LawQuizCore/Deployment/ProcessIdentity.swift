import Foundation

/// Who runs the program, as the kernel says (real ids, never the environment):
/// gathered once at start-up by the executable and handed to `Deployment`.
public struct ProcessIdentity: Sendable, Hashable {
    /// Real user id (0 for root).
    public var uid: UInt32
    /// Login name of the real user (getpwuid), or the uid as text when unknown.
    public var login: String
    /// Names of the real user's groups (primary and supplementary); looked up
    /// only for an installed program, the one place they decide anything.
    public var groups: Set<String>
    /// The program runs with an effective group other than the real one: it
    /// was installed set-group-id.
    public var setGroupID: Bool

    public init(uid: UInt32, login: String, groups: Set<String>, setGroupID: Bool) {
        self.uid = uid
        self.login = login
        self.groups = groups
        self.setGroupID = setGroupID
    }
}

/// The configuration file as found on disk, with the facts that decide
/// whether it can be trusted (who may have written it).
public struct ConfigFileFacts: Sendable, Hashable {
    public var path: String
    public var text: String
    /// Owner and permission bits of the file (after following the install link).
    public var ownerUID: UInt32
    public var mode: UInt32
    /// Owner and permission bits of the folder holding it.
    public var folderOwnerUID: UInt32
    public var folderMode: UInt32

    public init(path: String, text: String, ownerUID: UInt32, mode: UInt32, folderOwnerUID: UInt32, folderMode: UInt32) {
        self.path = path
        self.text = text
        self.ownerUID = ownerUID
        self.mode = mode
        self.folderOwnerUID = folderOwnerUID
        self.folderMode = folderMode
    }

    /// Refuses a file (or folder) not owned by root or writable by group or others.
    public func checkTrusted() throws {
        if ownerUID != 0 { throw DeploymentError.insecureConfig(path: path, reason: "文件不属于 root") }
        if mode & 0o022 != 0 { throw DeploymentError.insecureConfig(path: path, reason: "文件可被组或其他用户写入") }
        if folderOwnerUID != 0 || folderMode & 0o022 != 0 {
            throw DeploymentError.insecureConfig(path: path, reason: "所在目录不属于 root 或可被他人写入")
        }
    }
}
