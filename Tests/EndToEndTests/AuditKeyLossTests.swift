import Foundation
import XCTest

/// A store whose audit key file was deleted (on either engine): lawquiz
/// refuses to go on, naming the file and saying to restore it, rather than
/// signing with a new key that would make `verify` call every entry forged.
final class AuditKeyLossTests: AdminSampleTestCase {
    func testAMissingKeyOfAStoreWithEntriesIsRefusedUntilRestored() throws {
        let key = runner.auditKeyFile
        let saved = try Data(contentsOf: key)
        try FileManager.default.removeItem(at: key)
        for (arguments, input) in [(["verify"], ""), (["exam", "take", "mock", "--staff", "1001"], ":q\n"), (["history"], "")] {
            let refused = try runner.run(arguments, input: input)
            XCTAssertEqual(refused.status, 4, "\(arguments): \(refused.stdout) \(refused.stderr)")
            XCTAssertTrue(refused.stderr.contains(key.path), refused.stderr)
            XCTAssertTrue(refused.stderr.contains("从备份") && refused.stderr.contains("审计记录"), refused.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: key.path), "\(arguments) made a new key")
        }
        try saved.write(to: key)
        let verified = try runner.run(["verify"])
        XCTAssertEqual(verified.status, 0, verified.stdout + verified.stderr)
        XCTAssertTrue(verified.stdout.contains("未发现不一致"), verified.stdout)
    }

    /// A new store still gets its key made on first use.
    func testANewStoreMakesItsKey() throws {
        let fresh = DataCommandRunner()
        defer { fresh.cleanUp() }
        let listed = try fresh.run(["history"])
        XCTAssertEqual(listed.status, 0, listed.stdout + listed.stderr)
        XCTAssertEqual(try Data(contentsOf: fresh.auditKeyFile).count, 32)
    }
}
