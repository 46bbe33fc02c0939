import Foundation
import XCTest

/// `lawquiz store copy` through the binary: the copy reports and verifies as
/// the source does (on the PostgreSQL run the source is the server store),
/// and a target holding data is refused unless `--replace`.
final class StoreCopyCommandTests: AdminSampleTestCase {
    func testACopyReportsAndVerifiesAsItsSource() throws {
        let target = runner.folder.appendingPathComponent("Copy/target.sqlite").path
        let copy = try runner.run(["store", "copy", "--from", runner.resultsLocation, "--to", target])
        XCTAssertEqual(copy.status, 0, copy.stderr)
        XCTAssertTrue(copy.stdout.contains("attempt"), copy.stdout)
        XCTAssertTrue(copy.stdout.contains("行数一致"), copy.stdout)

        let before = try runner.run(["stats", "annual", "--by", "department"])
        let after = try runner.run(["stats", "annual", "--by", "department", "--results", target])
        XCTAssertEqual(after.status, 0, after.stderr)
        XCTAssertEqual(after.stdout, before.stdout, "same figures and the same 校验码")
        let verified = try runner.run(["verify", "--results", target])
        XCTAssertEqual(verified.status, 0, verified.stdout + verified.stderr)
        XCTAssertTrue(verified.stdout.contains("未发现不一致"), verified.stdout)

        // Refusals the user can correct are input errors (2), not store failures (4).
        let again = try runner.run(["store", "copy", "--from", runner.resultsLocation, "--to", target])
        XCTAssertEqual(again.status, 2, again.stderr)
        XCTAssertTrue(again.stderr.contains("--replace"), again.stderr)
        let keyed = runner.folder.appendingPathComponent("Copy/keyed.sqlite")
        try Data((0..<32).map { _ in UInt8.random(in: 0...255) }).write(to: URL(fileURLWithPath: keyed.path + ".key"))
        let otherKey = try runner.run(["store", "copy", "--from", runner.resultsLocation, "--to", keyed.path])
        XCTAssertEqual(otherKey.status, 2, otherKey.stderr)
        XCTAssertTrue(otherKey.stderr.contains(keyed.path + ".key") && otherKey.stderr.contains("密钥不同"), otherKey.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: keyed.path), "nothing written to a refused target")
        XCTAssertEqual(try runner.run(["store", "copy", "--from", runner.resultsLocation, "--to", runner.resultsLocation]).status, 2)
        let replaced = try runner.run(["store", "copy", "--from", runner.resultsLocation, "--to", target, "--replace"])
        XCTAssertEqual(replaced.status, 0, replaced.stderr)
        let missing = try runner.run(["store", "copy", "--from", runner.folder.appendingPathComponent("none.sqlite").path, "--to", target])
        XCTAssertNotEqual(missing.status, 0)
    }
}
