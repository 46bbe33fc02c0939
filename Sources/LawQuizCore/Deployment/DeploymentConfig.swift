import Foundation
import Yams

/// The installation's settings, read from the root-owned
/// `$SYSCONFDIR/lawquiz/lawquiz.yaml` written by `make install`. In installed
/// mode these are the only source of paths and zone: nothing comes from the
/// examinee's environment.
public struct DeploymentConfig: Sendable, Hashable {
    /// Folder holding statutes/, banks/ and exams/.
    public var banks: URL
    /// The results store (SQLite file; the state folder's default when `server` is set).
    public var store: URL
    /// `store: postgres://…`: results in a PostgreSQL server.
    public var server: String?
    /// The server password's file (root:lawquiz 0640), when the server needs one.
    public var passwordFile: URL?
    /// The audit chain key of a server store (default: `audit.key` in the state folder).
    public var auditKey: URL
    /// Folder of the parsed-bank cache (inside the state folder, group-only).
    public var cache: URL
    /// Members of this group (and root) are administrators.
    public var adminGroup: String
    /// Zone for exam times written without one; nil: the system's /etc/localtime.
    public var timeZone: TimeZone?
    /// Review policy of formal exams that do not set `review:`.
    public var review: ReviewPolicy
    /// Shared-console accounts: whoever logs in with one gives a 工号 and a PIN.
    public var sharedLogins: [String]

    public init(
        banks: URL, store: URL, cache: URL, adminGroup: String = "lawquiz-admin", timeZone: TimeZone? = nil,
        review: ReviewPolicy = .afterClose, sharedLogins: [String] = []
    ) {
        self.banks = banks
        self.store = store
        self.cache = cache
        auditKey = store.deletingLastPathComponent().appendingPathComponent("audit.key")
        self.adminGroup = adminGroup
        self.timeZone = timeZone
        self.review = review
        self.sharedLogins = sharedLogins
    }

    static let knownKeys: Set<String> = [
        "banks", "store", "cache", "admin_group", "time_zone", "review", "shared_logins", "store_password_file", "audit_key",
    ]

    /// Parses the file's text; every problem names the file and line.
    public static func parse(_ text: String, file: String) throws -> DeploymentConfig {
        func fail(_ message: String, _ node: Node?) -> DeploymentError {
            .invalidConfig(file: file, line: node?.mark?.line ?? 1, message: message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw DeploymentError.invalidConfig(file: file, line: 1, message: "YAML 格式错误：\(error)")
        }
        guard let mapping = root?.mapping else { throw fail("应为键值对（banks: …、store: …）", root) }
        for (key, _) in mapping where !knownKeys.contains(key.string ?? "") {
            throw fail("未知设置 \(key.string ?? "?")（可用：\(knownKeys.sorted().joined(separator: "、"))）", key)
        }
        func path(_ key: String) throws -> URL {
            guard let node = mapping[key] else { throw fail("缺少设置 \(key)", root) }
            guard let text = node.string, text.hasPrefix("/") else { throw fail("\(key) 应为绝对路径", node) }
            return URL(fileURLWithPath: text).standardizedFileURL
        }
        // `store:` is a file path or a postgres:// URL; a server store keeps
        // its state (cache, audit key) in the folder of `cache:` or /var/lib/lawquiz.
        let storeNode = mapping["store"]
        let server = storeNode?.string.flatMap { ProjectPaths.isServerURL($0) ? $0 : nil }
        if let server, URLComponents(string: server)?.password != nil {
            throw fail("store 的地址中不能写密码（ps 可见）；请把密码写入 store_password_file 指定的文件", storeNode)
        }
        let store = server == nil ? try path("store") : URL(fileURLWithPath: "/var/lib/lawquiz/lawquiz.sqlite")
        let cache = mapping["cache"] == nil ? store.deletingLastPathComponent().appendingPathComponent("cache") : try path("cache")
        var config = DeploymentConfig(banks: try path("banks"), store: store, cache: cache)
        if let server {
            config.server = server
            config.auditKey = cache.deletingLastPathComponent().appendingPathComponent("audit.key")
        }
        if mapping["store_password_file"] != nil { config.passwordFile = try path("store_password_file") }
        if mapping["audit_key"] != nil { config.auditKey = try path("audit_key") }
        if let node = mapping["admin_group"] {
            guard let name = node.string, !name.isEmpty else { throw fail("admin_group 应为用户组名", node) }
            config.adminGroup = name
        }
        if let node = mapping["time_zone"], node.string?.isEmpty == false {
            guard let name = node.string, let zone = TimeZone(identifier: name) else {
                throw fail("time_zone 应为时区名，如 Asia/Shanghai", node)
            }
            config.timeZone = zone
        }
        if let node = mapping["review"] {
            guard let policy = node.string.flatMap(ReviewPolicy.init(rawValue:)) else {
                throw fail("review 应为 immediately、after_close 或 never", node)
            }
            config.review = policy
        }
        if let node = mapping["shared_logins"] {
            guard let list = node.sequence, list.allSatisfy({ $0.string?.isEmpty == false }) else {
                throw fail("shared_logins 应为登录名列表，如 [kiosk1, kiosk2]", node)
            }
            config.sharedLogins = list.compactMap(\.string)
        }
        return config
    }
}
