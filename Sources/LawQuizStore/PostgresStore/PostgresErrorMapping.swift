import Foundation
import PostgresNIO

/// postgres-nio and SwiftNIO errors as the store's errors: what a session
/// retries (`.unreachable`, `.locked`), what the store catches
/// (`StoreConstraintError`), and the rest with the server's own message.
enum PostgresErrorMapping {
    /// What the engine does with the connection after an error.
    struct Mapped {
        let error: any Error
        /// The connection is gone or unusable: drop it, reconnect next time.
        let dropConnection: Bool
    }

    static func map(_ error: any Error, location: String) -> Mapped {
        if error is StoreError || error is StoreConstraintError { return Mapped(error: error, dropConnection: false) }
        guard let psql = error as? PSQLError else {
            // NIO's own errors (refused, reset, timed out, closed channel): the server is not there.
            return Mapped(error: StoreError.unreachable(path: location, reason: reason(of: error)), dropConnection: true)
        }
        switch psql.code {
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? ""
            let message = psql.serverInfo?[.message] ?? "服务器错误"
            let detail = state.isEmpty ? message : "\(message)（SQLSTATE \(state)）"
            switch state {
            case "57P01", "57P02", "57P03":
                return Mapped(error: StoreError.unreachable(path: location, reason: detail), dropConnection: true)
            case _ where state.hasPrefix("08"):
                return Mapped(error: StoreError.unreachable(path: location, reason: detail), dropConnection: true)
            case "28P01", "28000", "3D000":
                return Mapped(error: StoreError.authentication(path: location, reason: detail), dropConnection: true)
            case "40001", "40P01", "55P03":
                return Mapped(error: StoreError.locked(path: location), dropConnection: false)
            case "23505":
                let constraint = psql.serverInfo?[.constraintName] ?? ""
                return Mapped(error: StoreConstraintError.unique(constraint: constraint), dropConnection: false)
            case "53100":
                return Mapped(error: StoreError.diskFull(path: location), dropConnection: false)
            default:
                return Mapped(error: StoreError.sqlite(path: location, message: detail), dropConnection: false)
            }
        case .authMechanismRequiresPassword:
            return Mapped(
                error: StoreError.authentication(path: location, reason: "服务器要求密码，但 PGPASSWORD、~/.pgpass 和配置中都没有"),
                dropConnection: true)
        case .unsupportedAuthMechanism, .saslError:
            return Mapped(error: StoreError.authentication(path: location, reason: "登录方式不受支持或校验失败"), dropConnection: true)
        case .sslUnsupported:
            return Mapped(error: StoreError.unreachable(path: location, reason: "服务器不支持 TLS（sslmode 要求加密）"), dropConnection: true)
        case .failedToAddSSLHandler, .receivedUnencryptedDataAfterSSLRequest:
            return Mapped(error: StoreError.unreachable(path: location, reason: "TLS 连接失败"), dropConnection: true)
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            let underlying = psql.underlying.map { "：" + reason(of: $0) } ?? ""
            return Mapped(error: StoreError.unreachable(path: location, reason: "连接已断开\(underlying)"), dropConnection: true)
        default:
            return Mapped(error: StoreError.sqlite(path: location, message: "\(psql.code)"), dropConnection: true)
        }
    }

    /// A short reason for a NIO error (refused, timed out, …).
    private static func reason(of error: any Error) -> String {
        if let psql = error as? PSQLError { return "\(psql.code)" }
        if let channel = error as? ChannelError, case .connectTimeout = channel { return "连接超时" }
        if let channel = error as? ChannelError, case .ioOnClosedChannel = channel { return "连接已断开" }
        if let io = error as? IOError {
            return io.errnoCode == ECONNREFUSED ? "连接被拒绝（服务器未运行？）" : "\(io.description)"
        }
        let text = String(describing: error)
        if text.contains("connectTimeout") { return "连接超时" }
        if text.contains("refused") || text.contains("ECONNREFUSED") { return "连接被拒绝（服务器未运行？）" }
        return text
    }
}
