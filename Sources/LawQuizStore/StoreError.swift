import Foundation

/// Failures of the results store, with messages that say what to do. The
/// executable maps any of these to exit status 4.
public enum StoreError: LocalizedError, Sendable, Equatable {
    /// The folder for the database could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// The file could not be opened (permissions, not a regular file, …).
    case cannotOpen(path: String, reason: String)
    /// The file is not an SQLite database or is damaged.
    case corrupt(path: String)
    /// Another process held the database longer than the busy timeout.
    case locked(path: String)
    /// The disk is full; nothing was written.
    case diskFull(path: String)
    /// The database was made by a newer lawquiz.
    case newerSchema(path: String)
    /// An SQLite file of another program (tables, but none of ours): left untouched.
    case foreignDatabase(path: String, tables: [String])
    /// Any other SQLite error.
    case sqlite(path: String, message: String)
    /// The audit chain's key file could not be read or created.
    case auditKey(path: String, reason: String)
    /// A stored column held a value of another type (a damaged or edited store).
    case badColumn(name: String, value: String)
    /// The database server cannot be reached (down, restarting, network);
    /// a session retries this with backoff.
    case unreachable(path: String, reason: String)
    /// The server refused the login (user, password or database).
    case authentication(path: String, reason: String)
    /// A `--results` location that is neither a file path nor a valid
    /// `postgres://` URL.
    case badLocation(location: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .cannotCreateFolder(let path, let reason):
            return "无法创建结果目录 \(path)：\(reason)。请检查权限，或用 --results 指定其他位置。"
        case .cannotOpen(let path, let reason):
            return "无法打开结果数据库 \(path)：\(reason)。请检查文件权限，或用 --results 指定其他位置。"
        case .corrupt(let path):
            return "结果数据库 \(path) 已损坏或不是 LawQuiz 数据库。请从备份恢复该文件，或用 --results 指定其他文件；原文件未作改动。"
        case .locked(let path):
            return "结果数据库 \(path) 正被其他程序长时间占用（已等待 10 秒）。请稍后重试；本次未写入任何数据。"
        case .diskFull(let path):
            return "磁盘已满，无法写入结果数据库 \(path)。请清理磁盘后重试；已保存的数据不受影响。"
        case .newerSchema(let path):
            return "结果数据库 \(path) 由更新版本的 lawquiz 创建，请升级 lawquiz 后再使用。"
        case .foreignDatabase(let path, let tables):
            let shown = tables.prefix(5).joined(separator: "、") + (tables.count > 5 ? " 等" : "")
            return "\(path) 是其他程序的 SQLite 数据库（含表 \(shown)），不是 LawQuiz 结果数据库；文件未作改动。请用 --results 指定其他文件。"
        case .sqlite(let path, let message):
            return "结果数据库 \(path) 出错：\(message)"
        case .auditKey(let path, let reason):
            return "审计校验密钥 \(path) \(reason)。请检查文件权限，或请管理员从备份恢复该文件。"
        case .badColumn(let name, let value):
            return "结果数据库中的列 \(name) 含有无法识别的值（\(value)）。数据库可能已损坏或被改动，请运行 lawquiz verify 检查。"
        case .unreachable(let path, let reason):
            return "无法连接结果数据库服务器 \(path)：\(reason)。请检查服务器是否运行、网络是否通畅后重试。"
        case .authentication(let path, let reason):
            return "结果数据库服务器 \(path) 拒绝登录：\(reason)。请检查用户名、密码（PGPASSWORD 或 ~/.pgpass）和数据库名。"
        case .badLocation(let location, let reason):
            return "结果存储位置 \(location) 无效：\(reason)。请给出文件路径或 postgres://用户@主机:端口/数据库。"
        }
    }
}
