import Foundation
@testable import LawQuizStore
import XCTest

/// `sslmode` on a server that offers TLS (scripts/pg-cluster gives the test
/// server a self-signed certificate): `require` encrypts, `disable` does
/// not, `verify-full` refuses a certificate no trusted root signed.
final class PostgresTLSTests: XCTestCase {
    private func encrypted(_ engine: PostgresEngine) throws -> Bool {
        defer { engine.close() }
        return try engine.read { db in
            try db.value(Int.self, "SELECT CASE WHEN ssl THEN 1 ELSE 0 END FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        } == 1
    }

    func testRequireEncryptsDisableDoesNotAndVerifyFullChecksTheCertificate() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        var location = database.location
        guard !location.isUnixSocket else { throw XCTSkip("PostgreSQL: the test server is reached through a Unix socket (no TLS)") }
        location.tlsMode = .disable
        XCTAssertFalse(try encrypted(PostgresEngine(location: location, environment: [:])))
        location.tlsMode = .require
        let required: Bool
        do {
            required = try encrypted(PostgresEngine(location: location, environment: [:]))
        } catch StoreError.unreachable(_, let reason) {
            throw XCTSkip("PostgreSQL: the test server offers no TLS (\(reason)); scripts/pg-cluster turns it on when openssl is installed")
        }
        XCTAssertTrue(required)
        location.tlsMode = .verifyFull
        XCTAssertThrowsError(try encrypted(PostgresEngine(location: location, environment: [:]))) { error in
            guard case .unreachable = error as? StoreError else { return XCTFail("\(error)") }
        }
    }
}
