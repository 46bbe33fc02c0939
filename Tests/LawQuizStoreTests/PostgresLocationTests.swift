import Foundation
@testable import LawQuizStore
import XCTest

/// `postgres://` URLs, the password file and where passwords come from: no server needed.
final class PostgresLocationTests: XCTestCase {
    func testFullURL() throws {
        let location = try PostgresLocation(url: "postgresql://exam%20admin@db.example.org:6543/law%E8%80%83?sslmode=require&connect_timeout=3", environment: [:])
        XCTAssertEqual(location, PostgresLocation(user: "exam admin", host: "db.example.org", port: 6543, database: "law考", tlsMode: .require, connectTimeout: 3))
        XCTAssertEqual(location.description, "postgres://exam%20admin@db.example.org:6543/law%E8%80%83?sslmode=require&connect_timeout=3")
    }

    func testDefaultsFromTheEnvironment() throws {
        let environment = ["PGHOST": "pg.local", "PGPORT": "5433", "PGUSER": "clerk", "PGDATABASE": "results", "USER": "someone"]
        XCTAssertEqual(try PostgresLocation(url: "postgres://", environment: environment),
            PostgresLocation(user: "clerk", host: "pg.local", port: 5433, database: "results"))
        // What the URL says wins over the environment.
        XCTAssertEqual(try PostgresLocation(url: "postgres://a@h/d", environment: environment),
            PostgresLocation(user: "a", host: "h", port: 5433, database: "d"))
        // Without PGDATABASE the database is named after the user, as libpq does.
        XCTAssertEqual(try PostgresLocation(url: "postgres://h", environment: ["USER": "zhang"]),
            PostgresLocation(user: "zhang", host: "h", database: "zhang"))
        XCTAssertEqual(try PostgresLocation(url: "postgres://u@", environment: [:]).host, "localhost")
        let tls = ["PGSSLMODE": "verify-full", "PGCONNECT_TIMEOUT": "7"]
        XCTAssertEqual(try PostgresLocation(url: "postgres://u@h/d", environment: tls).tlsMode, .verifyFull)
        XCTAssertEqual(try PostgresLocation(url: "postgres://u@h/d", environment: tls).connectTimeout, 7)
        XCTAssertEqual(try PostgresLocation(url: "postgres://u@h/d?sslmode=disable", environment: tls).tlsMode, .disable)
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://u@h/d", environment: ["PGSSLMODE": "allow"]))
    }

    func testIPv6AndUnixSocket() throws {
        let v6 = try PostgresLocation(url: "postgres://u@[::1]:5500/d?sslmode=disable", environment: [:])
        XCTAssertEqual(v6.host, "::1")
        XCTAssertEqual(v6.port, 5500)
        XCTAssertEqual(v6.description, "postgres://u@[::1]:5500/d?sslmode=disable")
        let socket = try PostgresLocation(url: "postgres://u@%2Fvar%2Frun%2Fpostgresql/d", environment: [:])
        XCTAssertTrue(socket.isUnixSocket)
        XCTAssertEqual(socket.host, "/var/run/postgresql")
        XCTAssertEqual(try PostgresLocation(url: "postgres://u@/d?host=/tmp/pg&port=6000", environment: [:]).host, "/tmp/pg")
        XCTAssertEqual(try PostgresLocation(url: socket.description, environment: [:]), socket)
        XCTAssertThrowsError(try PostgresLocation(url: "postgres://u@/d?host=/tmp/pg&sslmode=require", environment: [:]))
    }

    func testPasswordInTheURLIsRefusedAndNeverShown() {
        for url in ["postgres://u:s3cret@h/d", "postgres://u:s3cret@h:5432/d?sslmode=require", "postgres://u@h/d?password=s3cret"] {
            XCTAssertThrowsError(try PostgresLocation(url: url, environment: [:]), url) { error in
                guard case StoreError.badLocation(let location, _) = error else { return XCTFail("\(error)") }
                XCTAssertFalse(location.contains("s3cret"), location)
                XCTAssertFalse(error.localizedDescription.contains("s3cret"))
                XCTAssertTrue(error.localizedDescription.contains("PGPASSWORD"), error.localizedDescription)
            }
        }
    }

    func testBadURLs() {
        for url in ["mysql://u@h/d", "postgres://u@h:0/d", "postgres://u@h:99999/d", "postgres://u@h:abc/d", "postgres://u@h/d?sslmode=allow",
                    "postgres://u@h/d?connect_timeout=0", "postgres://u@h/d?application_name=x", "postgres://u@h1,h2/d", "postgres://u@h/d/e",
                    "postgres://u@h/d%ZZ", "postgres://@h/d"] {
            XCTAssertThrowsError(try PostgresLocation(url: url, environment: [:]), url) { error in
                guard case StoreError.badLocation = error else { return XCTFail("\(url): \(error)") }
            }
        }
        XCTAssertTrue(PostgresLocation.isPostgresURL("PostgreSQL://x"))
        XCTAssertFalse(PostgresLocation.isPostgresURL("Results/lawquiz.sqlite"))
    }

    func testPassFileFieldsWildcardsAndEscapes() {
        let file = PostgresPassFile(text: """
            # comment line
            other.host:5432:*:u:wrong
            db.example.org:5432:law\\:quiz:u:pa\\:ss\\\\word
            *:*:*:u:fallback
            localhost:6000:*:*:socket
            short:line
            """)
        XCTAssertEqual(file.entries.count, 4)
        let location = PostgresLocation(user: "u", host: "db.example.org", database: "law:quiz")
        XCTAssertEqual(file.password(for: location), "pa:ss\\word")
        XCTAssertEqual(file.password(for: PostgresLocation(user: "u", host: "db.example.org", database: "other")), "fallback")
        XCTAssertNil(file.password(for: PostgresLocation(user: "v", host: "h", database: "d")))
        // A Unix socket connection matches `localhost`.
        XCTAssertEqual(file.password(for: PostgresLocation(user: "v", host: "/run/pg", port: 6000, database: "d")), "socket")
    }

    func testPasswordSources() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-pgpass-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let passFile = folder.appendingPathComponent(".pgpass")
        try "h:5432:d:u:from-file\n".write(to: passFile, atomically: true, encoding: .utf8)
        let location = PostgresLocation(user: "u", host: "h", database: "d")

        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passFile.path)
        XCTAssertEqual(PostgresPassword.resolve(for: location, environment: ["HOME": folder.path]), "from-file")
        XCTAssertEqual(PostgresPassword.resolve(for: location, environment: ["PGPASSFILE": passFile.path]), "from-file")
        XCTAssertEqual(PostgresPassword.resolve(for: location, environment: ["HOME": folder.path, "PGPASSWORD": "from-env"]), "from-env")
        XCTAssertEqual(PostgresPassword.resolve(for: location, given: "from-config", environment: ["HOME": folder.path, "PGPASSWORD": "from-env"]), "from-config")
        XCTAssertEqual(PostgresPassword.resolve(for: location, environment: ["HOME": folder.path, "PGPASSWORD": ""]), "from-file")
        // A password file others can read is ignored, as libpq ignores it.
        for mode in [0o640, 0o604, 0o644] {
            try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: passFile.path)
            XCTAssertNil(PostgresPassword.resolve(for: location, environment: ["HOME": folder.path]), String(mode, radix: 8))
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: passFile.path)
        XCTAssertEqual(PostgresPassword.resolve(for: location, environment: ["HOME": folder.path]), "from-file")
        XCTAssertNil(PostgresPassword.resolve(for: location, environment: [:]))
    }
}
