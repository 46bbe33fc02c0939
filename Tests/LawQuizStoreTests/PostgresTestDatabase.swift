import Foundation
@testable import LawQuizStore
import XCTest

/// The PostgreSQL server of the live tests: `LAWQUIZ_TEST_POSTGRES` holds
/// the URL of a superuser on a throw-away cluster (`scripts/test` starts
/// one). Each test gets a database of its own, dropped afterwards.
final class PostgresTestDatabase {
    let admin: PostgresEngine
    let location: PostgresLocation
    let name: String

    /// Skips the test when no server is configured.
    init() throws {
        guard let url = ProcessInfo.processInfo.environment["LAWQUIZ_TEST_POSTGRES"], !url.isEmpty else {
            throw XCTSkip("PostgreSQL: LAWQUIZ_TEST_POSTGRES not set (a postgres:// URL of a superuser on a throw-away cluster; scripts/test starts one)")
        }
        admin = try PostgresEngine(url: url)
        name = "lawquiz_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        var location = admin.configuration
        location.database = name
        self.location = location
        _ = try admin.autocommit { try $0.execute("CREATE DATABASE \(name)", []) }
    }

    /// A new engine (its own connection) on this test's database.
    func engine(environment: [String: String] = [:]) -> PostgresEngine {
        PostgresEngine(location: location, environment: environment)
    }

    /// The server process of `engine`'s connection.
    func backendPID(_ engine: PostgresEngine) throws -> Int64 {
        try engine.read { try $0.value(Int64.self, "SELECT pg_backend_pid()::bigint") } ?? 0
    }

    func drop() {
        _ = try? admin.autocommit { try $0.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", []) }
        admin.close()
    }
}
