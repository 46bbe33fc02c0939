import XCTest
import Yams

@testable import LawQuizCore

/// `MappingFields` replaces `Node.Mapping`'s subscript in the bank reader:
/// it must answer every key as that subscript does.
final class MappingFieldsTests: XCTestCase {
    private func assertSameAnswers(_ yaml: String, probes: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let root = try XCTUnwrap(try Yams.compose(yaml: yaml, .basic), file: file, line: line)
        let mapping = try XCTUnwrap(root.mapping, file: file, line: line)
        let fields = MappingFields(mapping)
        for probe in probes {
            XCTAssertEqual(fields[probe], mapping[probe], "\(probe) in \(yaml.debugDescription)", file: file, line: line)
        }
    }

    func testPlainQuotedAndTaggedKeys() throws {
        try assertSameAnswers(
            """
            id: q1
            "type": single
            'law': 安全生产法
            !!str stem: 题干
            !!int 5: five
            ! article: 21
            !custom evidence: 原文
            ? [a, b]
            : list key
            ? {k: v}
            : map key
            "": empty
            ~: null key
            tags: [a, b]
            """,
            probes: ["id", "type", "law", "stem", "5", "article", "evidence", "", "~", "tags", "a", "k", "missing", "ID", " id"])
    }

    func testDraftPlaceholdersAddedThroughTheSubscript() throws {
        let root = try XCTUnwrap(try Yams.compose(yaml: "id: d1\ntype: judge\nstem: 题干\n", .basic))
        let completed = try XCTUnwrap(DraftQuestion.completed(root)?.mapping)
        let fields = MappingFields(completed)
        for probe in ["law", "article", "evidence", "id", "citations"] {
            XCTAssertEqual(fields[probe], completed[probe], probe)
        }
        XCTAssertEqual(fields["law"]?.string, "draft")
    }

    func testKeyNodeIsTheFirstKeyWithThatText() throws {
        let root = try XCTUnwrap(try Yams.compose(yaml: "a: 1\n\"b\": 2\n", .basic))
        let fields = MappingFields(try XCTUnwrap(root.mapping))
        XCTAssertEqual(fields.keyNode("b")?.mark?.line, 2)
        XCTAssertNil(fields.keyNode("c"))
    }

    func testEveryShippedQuestionReadsTheSame() throws {
        for file in try FileManager.default.contentsOfDirectory(atPath: TestPaths.questionBanks.appendingPathComponent("banks").path) where file.hasSuffix(".yaml") {
            let text = try String(contentsOf: TestPaths.questionBanks.appendingPathComponent("banks").appendingPathComponent(file), encoding: .utf8)
            let questions = try XCTUnwrap(try Yams.compose(yaml: text, .basic)?.mapping?["questions"]?.sequence)
            for question in questions {
                let mapping = try XCTUnwrap(question.mapping)
                let fields = MappingFields(mapping)
                for key in BankLoader.knownKeys.union(["title", "questions", "x"]) {
                    XCTAssertEqual(fields[key], mapping[key], "\(file): \(key)")
                }
            }
        }
    }
}
