import Foundation
import XCTest
import Yams

@testable import LawQuizCore

/// `BankYAMLComposer` must give exactly the nodes Yams gives — text, style,
/// tag, mark of every node — and leave to Yams everything it does not take.
final class BankYAMLComposerTests: XCTestCase {
    private func describe(_ node: Node) -> String {
        let mark = node.mark.map { "\($0.line):\($0.column)" } ?? "-"
        switch node {
        case .scalar(let scalar):
            return "S(\(scalar.string.debugDescription) \(scalar.style) \(scalar.tag) \(mark))"
        case .sequence(let sequence):
            return "Q(\(sequence.style) \(sequence.tag) \(mark) [" + sequence.map(describe).joined(separator: ", ") + "])"
        case .mapping(let mapping):
            return "M(\(mapping.style) \(mapping.tag) \(mark) {" + mapping.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "})"
        case .alias:
            return "A"
        }
    }

    /// Composed by both; nil when the composer left it to Yams.
    @discardableResult
    private func assertSameAsYams(_ yaml: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) -> Bool? {
        let yams = Result { try Yams.compose(yaml: yaml, .basic) }
        guard let composed = BankYAMLComposer.compose(yaml: yaml, constructor: .default) else { return nil }
        switch yams {
        case .failure(let error):
            XCTFail("\(name): composed, but Yams fails: \(error)", file: file, line: line)
        case .success(let root):
            XCTAssertEqual(composed.root.map(describe), root.map(describe), name, file: file, line: line)
        }
        return true
    }

    func testMarksAreYamsMarks() {
        XCTAssertEqual(MemoryLayout<Mark>.size, MemoryLayout<(Int, Int)>.size)
        XCTAssertEqual(MemoryLayout<Mark>.stride, MemoryLayout<(Int, Int)>.stride)
    }

    func testShippedBanksAndExamsAreComposedAsYamsDoes() throws {
        for folder in ["banks", "exams"] {
            let directory = TestPaths.questionBanks.appendingPathComponent(folder)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".yaml") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                XCTAssertEqual(assertSameAsYams(text, file), true, "\(file) should not need Yams")
            }
        }
    }

    func testFixturesAreComposedAsYamsDoesOrLeftToIt() throws {
        let directory = TestPaths.fixtures.appendingPathComponent("malformed")
        var composed = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".yaml") {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
                let text = String(data: data, encoding: .utf8)
            else { continue }
            if assertSameAsYams(text, file) != nil { composed += 1 }
        }
        XCTAssertGreaterThan(composed, 10)
    }

    func testEdgeCases() {
        let composedTexts = [
            "", "a", "# only a comment\n", "---\na: 1\n...\n", "a: 1\nb:\n  - x\n  - 'y'\n  - \"z\"\n", "{a: [1, 2], b: {c: d}}",
            "s: |\n  line\n  more\nf: >\n  folded\n", "q: \"\\uFEFFbom\"\nr: \"\\ufeff\\ufeff\"\n", "k: ~\nn: null\ne:\n", "\"quoted key\": 1\n'k2': 2\n",
            "emoji: 😀\n中文: 全角：冒号\n", "- a\n- - b\n  - c\n- {x: y}\n", "a: \"nul\\0byte\"\n",
        ]
        // Past 16 keys the composer keeps them in a set: distinct keys composed, a repeated one left to Yams.
        let manyKeys = (1...20).map { "k\($0): \($0)\n" }.joined()
        for text in composedTexts + [manyKeys] { XCTAssertEqual(assertSameAsYams(text, text.debugDescription), true, text.debugDescription) }
        XCTAssertNil(assertSameAsYams(manyKeys + "k18: again\n", "20 keys and a repeated one"))
        XCTAssertNil(assertSameAsYams("k2: 0\n" + manyKeys, "a repeated key among the first 16"))
        let leftToYams = [
            "a: 1\na: 2\n", "a: 1\n\"a\": 2\n", "? [x]\n: 1\n", "a: &x 1\nb: *x\n", "a: !!str 1\n", "!!map {a: 1}", "--- a\n--- b\n",
            "a: [1, 2\n", "a:\n  b: 1\n c: 2\n", "a: *missing\n", "\"a\\q\": 1\n", "a: \"\\uD800\"\n",
        ]
        for text in leftToYams { XCTAssertNil(assertSameAsYams(text, text.debugDescription), text.debugDescription) }
    }

    /// Shipped bank text with random small edits (YAML's indicators, spaces,
    /// line breaks, quotes put in or taken out): composed as Yams does, or left to it.
    func testEditedBankTextIsComposedAsYamsDoesOrLeftToIt() throws {
        let file = TestPaths.questionBanks.appendingPathComponent("banks/work-safety-cases.yaml")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).prefix(60)
        let original = Array(lines.joined(separator: "\n").unicodeScalars)
        let pieces: [String] = [":", ": ", "-", "- ", " ", "  ", "\n", "\"", "'", "#", "&a ", "*a", "!!str ", "[", "]", "{", "}", ",", "|", ">", "?", "\t", "\u{FEFF}", "：", "---\n"]
        var generator = SplitMix64(seed: 20_261_129)
        var composed = 0
        for _ in 0..<400 {
            var scalars = original
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let at = Int.random(in: 0..<scalars.count, using: &generator)
                if Bool.random(using: &generator) {
                    scalars.insert(contentsOf: pieces.randomElement(using: &generator)?.unicodeScalars ?? "".unicodeScalars, at: at)
                } else {
                    scalars.removeSubrange(at..<min(scalars.count, at + Int.random(in: 1...4, using: &generator)))
                }
            }
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars)
            if assertSameAsYams(String(text), "edit") != nil { composed += 1 }
        }
        XCTAssertGreaterThan(composed, 40, "most edits still parse; the composer should take those")
    }
}
