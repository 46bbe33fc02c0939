import Foundation

/// Where a PostgreSQL results store is: parsed from `postgres://user@host:port/db?sslmode=…`
/// (or `postgresql://`), with the libpq environment defaults (`PGHOST`,
/// `PGPORT`, `PGUSER`, `PGDATABASE`) filling what the URL leaves out.
///
/// A password in the URL is refused: the URL is a command-line argument
/// that `ps` shows to every user of the host. Passwords come from
/// `PostgresPassword` instead.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// libpq's `sslmode`, the subset lawquiz supports.
    public enum TLSMode: String, Sendable, CaseIterable {
        /// Plain connection.
        case disable
        /// TLS when the server offers it, plain otherwise (libpq's default).
        case prefer
        /// TLS, without checking the server's certificate (as libpq's `require`).
        case require
        /// TLS, certificate checked against the system's trusted roots and the host name.
        case verifyFull = "verify-full"
    }

    public var user: String
    /// Host name, IP address, or the folder of a Unix socket (starts with `/`).
    public var host: String
    public var port: Int
    public var database: String
    public var tlsMode: TLSMode
    /// Seconds to wait for a connection before `StoreError.unreachable`.
    public var connectTimeout: Int

    public init(user: String, host: String, port: Int = 5432, database: String, tlsMode: TLSMode = .prefer, connectTimeout: Int = 5) {
        self.user = user
        self.host = host
        self.port = port
        self.database = database
        self.tlsMode = tlsMode
        self.connectTimeout = connectTimeout
    }

    /// Whether `text` names a PostgreSQL store rather than a file path.
    public static func isPostgresURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// Parses a URL; `environment` supplies `PGHOST`/`PGPORT`/`PGUSER`/`PGDATABASE`/`USER`/`PGSSLMODE`/`PGCONNECT_TIMEOUT`
    /// for the parts the URL omits (pass `[:]` where the environment must not count,
    /// such as the installed set-group-id program).
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func refuse(_ reason: String) -> StoreError { .badLocation(location: Self.redacted(text), reason: reason) }
        guard Self.isPostgresURL(text), let schemeEnd = text.range(of: "://") else {
            throw refuse("不是 postgres:// 或 postgresql:// 地址")
        }
        var rest = Substring(text[schemeEnd.upperBound...])
        var query = Substring("")
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        if rest.contains("#") { throw refuse("地址不能含 #") }
        var path = Substring("")
        if let slash = rest.firstIndex(of: "/") {
            path = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var userPart: Substring?
        var hostPart = rest
        if let at = rest.lastIndex(of: "@") {
            userPart = rest[..<at]
            hostPart = rest[rest.index(after: at)...]
        }
        if let userPart, userPart.contains(":") {
            throw refuse("地址中不能含密码（其他用户可在进程列表中看到）；请用 PGPASSWORD 环境变量或 ~/.pgpass 文件")
        }
        var user = try userPart.map { try Self.decode(String($0), in: text) } ?? ""
        var host = ""
        var port: Int?
        if hostPart.hasPrefix("[") {
            guard let close = hostPart.firstIndex(of: "]") else { throw refuse("IPv6 地址缺少 ]") }
            host = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
            let after = hostPart[hostPart.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw refuse("主机名后的内容无法识别") }
                port = try Self.port(String(after.dropFirst()), in: text)
            }
        } else if let colon = hostPart.firstIndex(of: ":") {
            host = try Self.decode(String(hostPart[..<colon]), in: text)
            port = try Self.port(String(hostPart[hostPart.index(after: colon)...]), in: text)
        } else {
            host = try Self.decode(String(hostPart), in: text)
        }
        if host.contains(",") { throw refuse("不支持多个主机") }
        var database = try Self.decode(String(path), in: text)
        if database.contains("/") { throw refuse("数据库名不能含 /") }
        var tlsMode: TLSMode?
        var timeout: Int?
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.decode(String(parts[0]), in: text)
            let value = try parts.count > 1 ? Self.decode(String(parts[1]), in: text) : ""
            switch key {
            case "sslmode":
                guard let mode = TLSMode(rawValue: value) else {
                    throw refuse("sslmode=\(value) 不受支持（可用 disable、prefer、require、verify-full）")
                }
                tlsMode = mode
            case "connect_timeout":
                guard let seconds = Int(value), seconds > 0, seconds <= 3600 else { throw refuse("connect_timeout=\(value) 应为 1 到 3600 的秒数") }
                timeout = seconds
            case "host":
                host = value
            case "port":
                port = try Self.port(value, in: text)
            case "user":
                user = value
            case "dbname":
                database = value
            case "password":
                throw refuse("地址中不能含密码（其他用户可在进程列表中看到）；请用 PGPASSWORD 环境变量或 ~/.pgpass 文件")
            default:
                throw refuse("参数 \(key) 不受支持（可用 sslmode、connect_timeout、host、port、user、dbname）")
            }
        }
        if tlsMode == nil, let text = environment["PGSSLMODE"], !text.isEmpty {
            guard let mode = TLSMode(rawValue: text) else { throw refuse("PGSSLMODE=\(text) 不受支持（可用 disable、prefer、require、verify-full）") }
            tlsMode = mode
        }
        if timeout == nil, let text = environment["PGCONNECT_TIMEOUT"], !text.isEmpty {
            guard let seconds = Int(text), seconds > 0, seconds <= 3600 else { throw refuse("PGCONNECT_TIMEOUT=\(text) 应为 1 到 3600 的秒数") }
            timeout = seconds
        }
        if host.isEmpty { host = environment["PGHOST"] ?? "localhost" }
        if port == nil, let text = environment["PGPORT"], !text.isEmpty { port = try Self.port(text, in: "PGPORT=\(text)") }
        if user.isEmpty { user = environment["PGUSER"] ?? environment["USER"] ?? "" }
        if database.isEmpty { database = environment["PGDATABASE"] ?? user }
        guard !user.isEmpty else { throw refuse("缺少用户名（postgres://用户@主机/数据库）") }
        guard !host.isEmpty, !host.contains(where: { $0.isWhitespace }) else { throw refuse("主机名无效") }
        guard !database.isEmpty else { throw refuse("缺少数据库名") }
        if host.hasPrefix("/"), let mode = tlsMode, mode == .require || mode == .verifyFull {
            throw refuse("Unix 套接字连接不使用 TLS，请去掉 sslmode=\(mode.rawValue)")
        }
        self.init(user: user, host: host, port: port ?? 5432, database: database, tlsMode: tlsMode ?? .prefer, connectTimeout: timeout ?? 5)
    }

    /// Whether the connection goes through a Unix socket in the folder `host`.
    public var isUnixSocket: Bool { host.hasPrefix("/") }

    /// The URL again, for messages (there is never a password in it).
    public var description: String {
        let hostText = isUnixSocket ? "" : (host.contains(":") ? "[\(host)]" : Self.encode(host)) + ":\(port)"
        var query: [String] = []
        if isUnixSocket {
            query.append("host=\(Self.encode(host))")
            query.append("port=\(port)")
        }
        if tlsMode != .prefer { query.append("sslmode=\(tlsMode.rawValue)") }
        if connectTimeout != 5 { query.append("connect_timeout=\(connectTimeout)") }
        return "postgres://\(Self.encode(user))@\(hostText)/\(Self.encode(database))" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// The text of a refused URL for messages: anything between `//` and `@`
    /// after a `:` (a password) replaced by `***`.
    static func redacted(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        var shown = String(text[..<schemeEnd.upperBound])
        if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
            shown += String(authority[..<colon]) + ":***" + String(authority[at...])
        } else {
            shown += String(authority)
        }
        var after = String(rest[authority.endIndex...])
        if let range = after.range(of: "password=") {
            let valueEnd = after[range.upperBound...].firstIndex(of: "&") ?? after.endIndex
            after = String(after[..<range.upperBound]) + "***" + String(after[valueEnd...])
        }
        return shown + after
    }

    private static func decode(_ text: String, in url: String) throws -> String {
        guard let decoded = text.removingPercentEncoding else {
            throw StoreError.badLocation(location: redacted(url), reason: "百分号编码无效：\(text)")
        }
        return decoded
    }

    private static func port(_ text: String, in url: String) throws -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw StoreError.badLocation(location: redacted(url), reason: "端口 \(text) 无效")
        }
        return port
    }

    private static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
