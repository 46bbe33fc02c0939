import Foundation
import XCTest

final class BankCommandTests: XCTestCase {
    func testLintCleanOnShippedBanks() throws {
        let result = try DataCommandRunner.runOnce(["bank", "lint"])
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("检查通过"))
    }

    func testLintReportsFileAndLineOnABrokenCopy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = DataCommandRunner.repositoryRoot.appendingPathComponent("QuestionBanks/banks/archives.yaml")
        var lines = try String(contentsOf: source, encoding: .utf8).components(separatedBy: "\n")
        // Break the first question's type and the second evidence line we find.
        let typeLine = try XCTUnwrap(lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("type:") })
        lines[typeLine] = lines[typeLine].replacingOccurrences(of: #"type:.*"#, with: "type: essay", options: .regularExpression)
        let copy = folder.appendingPathComponent("broken.yaml")
        try lines.joined(separator: "\n").write(to: copy, atomically: true, encoding: .utf8)
        let result = try DataCommandRunner.runOnce(["bank", "lint", copy.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("\(copy.path):\(typeLine + 1): 题型 “essay” 无效"), result.stdout)
        XCTAssertTrue(result.stdout.contains("发现 1 个问题"), result.stdout)
    }

    func testTrickWordingIsAWarningThatKeepsExitStatusZero() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-trick-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let copy = folder.appendingPathComponent("trick.yaml")
        try """
            questions:
              - id: tr-001
                type: judge
                law: national-security
                article: 40
                stem: 根据《国家安全法》，香港特别行政区、澳门特别行政区可以履行维护国家安全的责任。
                answer: false
                evidence: 香港特别行政区、澳门特别行政区应当履行维护国家安全的责任。
                explanation: 依据《国家安全法》第四十条第三款。
            """.write(to: copy, atomically: true, encoding: .utf8)
        let result = try DataCommandRunner.runOnce(["bank", "lint", copy.path])
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.contains("\(copy.path):2: tr-001：提示：判断题题干与条文仅差一处情态词"), result.stdout)
        XCTAssertTrue(result.stdout.contains("检查通过") && result.stdout.contains("另有 1 条提示"), result.stdout)
    }

    func testLintingOneFileChecksIdsAgainstItsFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = DataCommandRunner.repositoryRoot.appendingPathComponent("QuestionBanks/banks/archives.yaml")
        let original = folder.appendingPathComponent("archives.yaml")
        try FileManager.default.copyItem(at: source, to: original)
        let copy = folder.appendingPathComponent("copy.yaml")
        try FileManager.default.copyItem(at: source, to: copy)
        let result = try DataCommandRunner.runOnce(["bank", "lint", copy.path])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(result.stdout.contains("重复（同目录的 \(original.path):"), result.stdout)
        // Only the file asked for is reported on; its folder is context.
        let reported = result.stdout.split(separator: "\n").filter { $0.hasPrefix("/") }
        XCTAssertFalse(reported.isEmpty)
        XCTAssertTrue(reported.allSatisfy { $0.hasPrefix(copy.path + ":") }, result.stdout)
    }

    func testLintExitsTwoWhenInputCannotBeRead() throws {
        let result = try DataCommandRunner.runOnce(["bank", "lint", "/nonexistent/bank.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.contains("找不到题库"))
        let fixture = DataCommandRunner.repositoryRoot.appendingPathComponent("Tests/LawQuizCoreTests/Fixtures/malformed/syntax-error.yaml")
        let syntax = try DataCommandRunner.runOnce(["bank", "lint", fixture.path])
        XCTAssertEqual(syntax.status, 2)
        XCTAssertTrue(syntax.stdout.contains("syntax-error.yaml:10: YAML 语法错误"), syntax.stdout)
    }

    func testListAndCoverageJSON() throws {
        let list = try DataCommandRunner.runOnce(["bank", "list", "--format", "json"])
        XCTAssertEqual(list.status, 0)
        let listJSON = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let total = try XCTUnwrap(listJSON["total"] as? [String: Any])
        XCTAssertGreaterThan(total["questions"] as? Int ?? 0, 30)
        let coverage = try DataCommandRunner.runOnce(["bank", "coverage", "--format", "json"])
        XCTAssertEqual(coverage.status, 0)
        let coverageJSON = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(coverage.stdout.utf8)) as? [String: Any])
        let laws = try XCTUnwrap(coverageJSON["laws"] as? [[String: Any]])
        XCTAssertEqual(Set(laws.compactMap { $0["law"] as? String }), ["work-safety", "archives", "national-security"])
        let table = try DataCommandRunner.runOnce(["bank", "coverage"])
        XCTAssertTrue(table.stdout.contains("覆盖率"))
    }
}
