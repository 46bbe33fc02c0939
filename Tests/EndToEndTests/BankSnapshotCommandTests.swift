import Foundation
import XCTest

/// `lawquiz bank snapshot`: the parsed banks left beside them serve a start
/// without a cache (no snapshot of its own written) until a bank changes.
final class BankSnapshotCommandTests: XCTestCase {
    func testSnapshotServesAStartWithoutCacheUntilABankChanges() throws {
        var runner = DataCommandRunner()
        defer { runner.cleanUp() }
        let manager = FileManager.default
        runner.banks = runner.folder.appendingPathComponent("QuestionBanks")
        try manager.createDirectory(at: runner.banks, withIntermediateDirectories: true)
        for part in ["statutes", "banks", "exams"] {
            try manager.copyItem(
                at: DataCommandRunner.repositoryRoot.appendingPathComponent("QuestionBanks/\(part)"),
                to: runner.banks.appendingPathComponent(part))
        }
        let made = try runner.run(["bank", "snapshot"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.stdout.contains("/.catalog/catalog-"), made.stdout)
        XCTAssertEqual(try manager.contentsOfDirectory(atPath: runner.banks.appendingPathComponent(".catalog").path).count, 1)

        let cache = runner.folder.appendingPathComponent("cache")
        func userSnapshots() -> [String] {
            ((try? manager.contentsOfDirectory(atPath: cache.path)) ?? []).filter { $0.hasPrefix("catalog-") }
        }
        let listed = try runner.run(["bank", "list"], environment: ["LAWQUIZ_CACHE": cache.path])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("archives"), listed.stdout)
        XCTAssertEqual(userSnapshots(), [], "served from the banks' snapshot, nothing parsed")

        let bank = runner.banks.appendingPathComponent("banks/archives.yaml")
        try (try String(contentsOf: bank, encoding: .utf8) + "\n# edited\n").write(to: bank, atomically: true, encoding: .utf8)
        XCTAssertEqual(try runner.run(["bank", "list"], environment: ["LAWQUIZ_CACHE": cache.path]).status, 0)
        XCTAssertEqual(userSnapshots().count, 1, "an edited bank misses the snapshot and is parsed")
    }
}
