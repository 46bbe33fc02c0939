import Foundation
import XCTest

/// A bank file with a YAML error drops its questions; exam take and practice
/// must say so instead of failing with a puzzling shortage.
final class BrokenBankSessionTests: XCTestCase {
    private var runner = DataCommandRunner()

    override func setUpWithError() throws {
        let copy = runner.folder.appendingPathComponent("QuestionBanks")
        try FileManager.default.createDirectory(at: runner.folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: runner.banks, to: copy)
        // The 档案法 case bank would otherwise fill the shortage the broken file leaves.
        try FileManager.default.removeItem(at: copy.appendingPathComponent("banks/archives-cases.yaml"))
        let file = copy.appendingPathComponent("banks/archives.yaml")
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let stem = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("    stem:") })
        lines[stem] = "    stem: [unclosed"
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        runner.banks = copy
    }

    override func tearDown() {
        runner.cleanUp()
    }

    func testExamTakeNamesTheBankProblem() throws {
        let result = try runner.run(["exam", "take", "demo", "--staff", "B1"], environment: ["LAWQUIZ_CACHE": "off"])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("1 个题库问题"), result.stderr)
        XCTAssertTrue(result.stderr.contains("lawquiz bank lint"), result.stderr)
        XCTAssertFalse(result.stderr.contains("Fatal error"), result.stderr)
    }

    func testPracticeNamesTheBankProblem() throws {
        let result = try runner.run(
            ["practice", "--staff", "B1", "--law", "档案法"], environment: ["LAWQUIZ_CACHE": "off"])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("1 个题库问题"), result.stderr)
    }
}
