import Foundation
import LawQuizCore
import XCTest

final class BankLintTests: XCTestCase {
    private func lint(_ paths: [String]) throws -> [BankDiagnostic] {
        BankLinter(library: try TestPaths.library()).lint(BankLoader.load(paths: paths))
    }

    /// Each malformed fixture names, in its first line, the `line: message` it must produce.
    func testEveryMalformedFixtureProducesItsMessage() throws {
        let folder = TestPaths.fixtures.appendingPathComponent("malformed")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 20)
        for name in files {
            let path = folder.appendingPathComponent(name).path
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let header = String(decoding: data.prefix(while: { $0 != 0x0A }), as: UTF8.self)
            let expectation = try XCTUnwrap(header.range(of: "# expect: ").map { String(header[$0.upperBound...]) }, name)
            let parts = expectation.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let line = try XCTUnwrap(Int(parts[0]), name)
            let diagnostics = try lint([path])
            XCTAssertTrue(
                diagnostics.contains { $0.file == path && $0.line == line && $0.message.contains(parts[1]) },
                "\(name): expected \(line): \(parts[1]); got \(diagnostics.map(\.description))")
        }
    }

    func testValidFixturePasses() throws {
        XCTAssertEqual(try lint([TestPaths.fixtures.appendingPathComponent("valid.yaml").path]).map(\.description), [])
    }

    func testMissingFolderIsUnreadable() throws {
        let diagnostics = try lint(["/nonexistent/banks"])
        XCTAssertEqual(diagnostics.count, 1)
        XCTAssertEqual(diagnostics.first?.severity, .unreadable)
        XCTAssertTrue(diagnostics.first?.message.contains("找不到题库") ?? false)
    }

    func testSyntaxErrorsAndNonUTF8AreUnreadable() throws {
        let folder = TestPaths.fixtures.appendingPathComponent("malformed")
        for name in ["syntax-error.yaml", "not-utf8.yaml"] {
            let diagnostics = try lint([folder.appendingPathComponent(name).path])
            XCTAssertEqual(diagnostics.map(\.severity), [.unreadable], name)
        }
    }

    func testAllProblemsInAFileAreReported() throws {
        let text = """
            questions:
              - id: a
                type: essay
                law: work-safety
                article: 5
                stem: x
                answer: A
                evidence: y
                explanation: z
              - id: b
                type: judge
                law: archives
                article: 99
                stem: 档案
                answer: true
                evidence: 档案
                explanation: 依据
            """
        let (bank, loadProblems) = BankLoader.parse(text, file: "inline.yaml")
        let all = BankLinter(library: try TestPaths.library())
            .lint(BankCollection(banks: bank.map { [$0] } ?? [], diagnostics: loadProblems))
        XCTAssertEqual(all.map(\.line), [3, 10])
    }

    func testShippedBanksAreClean() throws {
        let diagnostics = try lint([TestPaths.questionBanks.appendingPathComponent("banks").path])
        XCTAssertEqual(diagnostics.map(\.description), [])
    }

    func testOneFileIsCheckedAgainstTheOtherBanksOfItsFolder() throws {
        let banks = TestPaths.questionBanks.appendingPathComponent("banks")
        let name = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: banks.path).filter { $0.hasSuffix(".yaml") }.sorted().first)
        let shipped = BankLoader.load(paths: [banks.appendingPathComponent(name).path])
        let takenID = try XCTUnwrap(shipped.questions.first?.id)
        let text = """
            questions:
              - id: \(takenID)
                type: judge
                law: archives
                article: 1
                stem: 一道新题
                answer: true
                evidence: 档案
                explanation: 依据
            """
        let (bank, _) = BankLoader.parse(text, file: banks.appendingPathComponent("new.yaml").path)
        let linter = BankLinter(library: try TestPaths.library())
        let single = BankCollection(banks: bank.map { [$0] } ?? [], diagnostics: [])
        let found = linter.duplicateIDs(in: single, against: BankLoader.load(paths: [banks.path]))
        XCTAssertEqual(found.map(\.line), [2])
        XCTAssertTrue(found.first?.message.contains("题目编号 \(takenID) 重复（同目录的 \(banks.appendingPathComponent(name).path):") == true, "\(found)")
        // The shipped file itself does not clash with its own copy in the folder.
        XCTAssertEqual(linter.duplicateIDs(in: shipped, against: BankLoader.load(paths: [banks.path])).map(\.description), [])
    }
}
