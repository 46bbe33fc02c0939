import Foundation

/// Why the deployment refuses to run or to do what was asked. `notPermitted`
/// and `overridesRefused` exit with status 77 (EX_NOPERM, see README).
public enum DeploymentError: LocalizedError, Sendable, Hashable {
    /// An administrator's command run by someone else.
    case notPermitted(command: String, adminGroup: String)
    /// `--banks`, `--results` or `LAWQUIZ_*` given by a non-administrator.
    case overridesRefused(names: [String], adminGroup: String)
    /// The login has no 工号 on the roster and is not a shared-console account.
    case loginNotOnRoster(login: String)
    /// The installed program found no configuration.
    case missingConfig(path: String)
    /// The configuration could be changed by someone other than root.
    case insecureConfig(path: String, reason: String)
    /// The configuration could not be read as settings.
    case invalidConfig(file: String, line: Int, message: String)

    /// Refusals of permission, as opposed to a broken installation.
    public var isPermissionRefusal: Bool {
        switch self {
        case .notPermitted, .overridesRefused, .loginNotOnRoster: return true
        case .missingConfig, .insecureConfig, .invalidConfig: return false
        }
    }

    public var errorDescription: String? {
        switch self {
        case .notPermitted(let command, let group):
            return "lawquiz \(command) 只能由管理员运行（root 或用户组 \(group) 的成员）。如需查看，请联系管理员。"
        case .overridesRefused(let names, let group):
            return "安装模式下只有管理员（root 或用户组 \(group) 的成员）可以指定 \(names.joined(separator: "、"))；"
                + "题库和结果数据库的位置由安装配置 lawquiz.yaml 决定。请去掉这些选项或环境变量后重试。"
        case .loginNotOnRoster(let login):
            return "登录名 \(login) 不在花名册中（花名册的 登录名 列），无法确认你的工号。请联系管理员。"
        case .missingConfig(let path):
            return "找不到安装配置 \(path)。请管理员重新运行 make install。"
        case .insecureConfig(let path, let reason):
            return "安装配置 \(path) 不安全（\(reason)），已拒绝使用。应属于 root，且只有 root 可写。"
        case .invalidConfig(let file, let line, let message):
            return "\(file):\(line): \(message)"
        }
    }
}
