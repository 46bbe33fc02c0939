import Foundation
import LawQuizStore

/// The end-to-end tests' store on the PostgreSQL run (`LAWQUIZ_TEST_STORE=postgres`,
/// server in `LAWQUIZ_TEST_POSTGRES`): a database of its own per runner,
/// created when the first command runs and dropped by `cleanUp`.
final class ServerDatabase: @unchecked Sendable {
    /// Whether this run puts the stores in PostgreSQL.
    static var requested: Bool { ProcessInfo.processInfo.environment["LAWQUIZ_TEST_STORE"] == "postgres" }

    let name = "lawquiz_e2e_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    private let admin: PostgresEngine
    private let lock = NSLock()
    private var created = false

    /// Nil when the run is not a PostgreSQL run (`always`: whenever a server is configured).
    init?(always: Bool = false) {
        guard Self.requested || always, let url = ProcessInfo.processInfo.environment["LAWQUIZ_TEST_POSTGRES"], !url.isEmpty,
            let admin = try? PostgresEngine(url: url, environment: [:])
        else { return nil }
        self.admin = admin
    }

    /// The URL lawquiz is given (trust authentication: no password).
    var url: String {
        let server = admin.configuration
        return "postgres://\(server.user)@\(server.host):\(server.port)/\(name)"
    }

    func ensureCreated() throws {
        lock.lock()
        defer { lock.unlock() }
        guard !created else { return }
        _ = try admin.autocommit { try $0.execute("CREATE DATABASE \(name)", []) }
        created = true
    }

    /// Runs SQL on the database as psql would (edits behind lawquiz's back).
    func execute(_ sql: String) throws {
        try ensureCreated()
        var location = admin.configuration
        location.database = name
        let engine = PostgresEngine(location: location, environment: [:])
        defer { engine.close() }
        _ = try engine.autocommit { try $0.executeScript(sql) }
    }

    func drop() {
        lock.lock()
        defer { lock.unlock() }
        guard created else { return }
        _ = try? admin.autocommit { try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", []) }
        created = false
    }
}
