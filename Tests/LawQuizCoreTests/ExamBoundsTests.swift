import Foundation
import LawQuizCore
import XCTest

/// Numbers in exam files are range-checked with file:line (issue 9): values
/// that used to trap ("Double value cannot be converted to Int") are errors,
/// and one broken file leaves the others listed.
final class ExamBoundsTests: XCTestCase {
    let minimal = """
        id: t1
        title: 测试考试
        time_limit_minutes: 30
        sections:
          - { type: single, count: 5, points: 4 }
          - { type: judge, count: 5, points: 6 }
        """

    func testHostileNumbersAreErrorsWithTheirLine() {
        let points = "count: 5, points: 4"
        for value in [".inf", "-.inf", ".nan", "1e308", "1001", "0"] {
            assertExamError(minimal.replacingOccurrences(of: points, with: "count: 5, points: \(value)"), line: 5, contains: "points（每题分值）")
        }
        for value in ["9223372036854775807", "99999999999999999999", "1001", "-1", "1.5", ".inf"] {
            assertExamError(minimal.replacingOccurrences(of: points, with: "count: \(value), points: 4"), line: 5, contains: "count（题数）应为 1 到 1000")
        }
        for key in ["full_marks", "pass_mark", "excellent_mark"] {
            for value in [".inf", "1e308", ".nan", "-1"] {
                assertExamError(minimal + "\n\(key): \(value)", line: 7, contains: "\(key)")
            }
        }
        assertExamError(minimal.replacingOccurrences(of: "time_limit_minutes: 30", with: "time_limit_minutes: 9223372036854775807"), line: 3, contains: "time_limit_minutes")
        assertExamError(minimal.replacingOccurrences(of: "time_limit_minutes: 30", with: "time_limit_seconds: 1e308"), line: 3, contains: "time_limit_seconds")
        assertExamError(minimal + "\nattempts_allowed: 9223372036854775807", line: 7, contains: "attempts_allowed")
        for time in ["999999999-01-01 00:00", "1899-12-31 23:59", "2200-01-02T00:00:00+08:00"] {
            assertExamError(minimal + "\nopens_at: \(time)", line: 7, contains: "opens_at")
        }
        let many = minimal + "\n" + (1...3).map { _ in "  - { type: multiple, count: 400, points: 1 }" }.joined(separator: "\n")
        assertExamError(many, line: 5, contains: "超过上限 1000 题")
    }

    func testNumberFormattingNeverTraps() {
        XCTAssertEqual(ExamDefinition.number(92), "92")
        XCTAssertEqual(ExamDefinition.number(91.5), "91.5")
        XCTAssertEqual(ExamDefinition.number(.infinity), "inf")
        XCTAssertEqual(ExamDefinition.number(1e308), "1e+308")
        XCTAssertEqual(ExamDefinition.number(.nan), "nan")
    }

    func testOneBrokenFileDoesNotHideTheOthers() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(minimal, to: folder, "t1.yaml")
        try write(minimal.replacingOccurrences(of: "id: t1", with: "id: inf").replacingOccurrences(of: "points: 4", with: "points: .inf"), to: folder, "inf.yaml")
        try write(minimal.replacingOccurrences(of: "id: t1", with: "id: big").replacingOccurrences(of: "count: 5, points: 4", with: "count: 9223372036854775807, points: 4"), to: folder, "big.yaml")
        let catalog = try ExamCatalog.load(folder: folder, library: nil)
        XCTAssertEqual(catalog.definitions.map(\.id), ["t1"])
        XCTAssertEqual(catalog.problems.map { ($0.file as NSString).lastPathComponent }, ["big.yaml", "inf.yaml"])
        XCTAssertTrue(catalog.problems.allSatisfy { $0.line == 5 }, "\(catalog.problems)")
    }

    // MARK: Rules across files (issue 9, point 5)

    func testTwoFilesWithOneIdAreAnErrorNamingBoth() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(minimal.replacingOccurrences(of: "id: t1", with: "id: demo"), to: folder, "demo.yaml")
        try write(minimal.replacingOccurrences(of: "id: t1", with: "id: demo"), to: folder, "zz-copy.yaml")
        try write(minimal, to: folder, "t1.yaml")
        let catalog = try ExamCatalog.load(folder: folder, library: nil)
        XCTAssertEqual(catalog.definitions.map(\.id), ["t1"], "neither copy silently wins")
        XCTAssertEqual(catalog.problems.count, 2)
        let first = folder.appendingPathComponent("demo.yaml").path, second = folder.appendingPathComponent("zz-copy.yaml").path
        XCTAssertEqual(catalog.problems.map(\.file), [first, second])
        XCTAssertTrue(catalog.problems[0].message.contains(second), catalog.problems[0].message)
        XCTAssertTrue(catalog.problems[1].message.contains(first), catalog.problems[1].message)
        XCTAssertThrowsError(try catalog.definition("demo")) { error in
            XCTAssertTrue(error.localizedDescription.contains("考试编号 demo 重复"), error.localizedDescription)
        }
    }

    func testMakeupMustNameAnotherExistingExam() throws {
        assertExamError(minimal + "\nmakeup_of: t1", line: 7, contains: "不能是本考试 t1")
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write(minimal, to: folder, "t1.yaml")
        try write(minimal.replacingOccurrences(of: "id: t1", with: "id: t1-makeup") + "\nmakeup_of: t1", to: folder, "t1-makeup.yaml")
        try write(minimal.replacingOccurrences(of: "id: t1", with: "id: orphan") + "\nmakeup_of: missing", to: folder, "orphan.yaml")
        let catalog = try ExamCatalog.load(folder: folder, library: nil)
        XCTAssertEqual(catalog.definitions.map(\.id), ["t1", "t1-makeup"])
        XCTAssertEqual(catalog.problems.count, 1)
        XCTAssertTrue(catalog.problems[0].message.contains("“missing” 不存在"), catalog.problems[0].message)
        XCTAssertThrowsError(try catalog.definition("orphan"))
    }

    func testIdsFollowTheDocumentedPattern() {
        for valid in ["2023-annual", "demo", "ws1-001", "a.b_c-d", String(repeating: "x", count: 64)] {
            XCTAssertTrue(IdentifierRule.isValid(valid), valid)
        }
        for invalid in ["", "-lead", ".hidden", "a b", "a\nb", "编号", "a\u{200B}b", "ａ", String(repeating: "x", count: 65), "a/b"] {
            XCTAssertFalse(IdentifierRule.isValid(invalid), invalid)
        }
        assertExamError(minimal.replacingOccurrences(of: "id: t1", with: "id: \"t1\\nt2\""), line: 1, contains: "id（考试编号）无效")
        assertExamError(minimal.replacingOccurrences(of: "id: t1", with: "id: " + String(repeating: "x", count: 1000)), line: 1, contains: "最长 64")
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exams-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func write(_ text: String, to folder: URL, _ name: String) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
}
