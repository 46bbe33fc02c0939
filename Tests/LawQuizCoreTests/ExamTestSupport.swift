import Foundation
import LawQuizCore
import XCTest

/// Locations of the repository's exam data for the exam, paper and grading tests.
enum ExamTestPaths {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let questionBanks = repositoryRoot.appendingPathComponent("QuestionBanks")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}

/// The real banks, loaded once per test process (they only grow; tests must
/// not depend on exact counts).
enum SharedCatalog {
    static let result: Result<BankCatalog, Error> = Result { try BankCatalog.load(root: ExamTestPaths.questionBanks) }

    static func get() throws -> BankCatalog { try result.get() }
}

/// Parses exam YAML text for a test, failing the test with the loader's message.
func parseExam(_ yaml: String, library: LawLibrary? = nil, file: String = "test.yaml") throws -> ExamDefinition {
    try ExamDefinitionLoader.parse(yaml, file: file, library: library, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
}

/// Asserts that parsing fails with a message containing `fragment` at `line`.
func assertExamError(
    _ yaml: String, line: Int, contains fragment: String, library: LawLibrary? = nil,
    file: StaticString = #filePath, testLine: UInt = #line
) {
    do {
        _ = try parseExam(yaml, library: library)
        XCTFail("expected an error containing \(fragment)", file: file, line: testLine)
    } catch let error as ExamDefinitionError {
        XCTAssertEqual(error.line, line, "line of: \(error.message)", file: file, line: testLine)
        XCTAssertTrue(error.message.contains(fragment), "message: \(error.message)", file: file, line: testLine)
        XCTAssertTrue(error.errorDescription?.hasPrefix("test.yaml:\(line): ") ?? false, file: file, line: testLine)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: testLine)
    }
}
