import Foundation
import XCTest
@testable import LawQuizCore

final class DepartmentRollupTests: XCTestCase {
    typealias F = AdminFixtures

    /// 综合办公室 (1 own) with 秘书科 (2) and 档案室 (1, exempt: no one required); 财务处 (2).
    func testTreeRollUpAndUnits() throws {
        let roster = [
            F.person("1", "综合办公室"), F.person("2", "综合办公室/秘书科"), F.person("3", "综合办公室/秘书科"),
            F.person("4", "综合办公室/档案室"), F.person("5", "财务处"), F.person("6", "财务处"),
        ]
        let policy = RequirementPolicy(exemptions: ["4": "借调"])
        let attempts = [F.attempt(1, "2", 90), F.attempt(2, "3", 60), F.attempt(3, "5", 40)]
        let rollup = DepartmentRollup(outcomes: F.outcomes(roster, attempts, policy: policy))
        XCTAssertEqual(rollup.nodes.map(\.department.text), ["（全单位）", "综合办公室", "综合办公室/档案室", "综合办公室/秘书科", "财务处"])
        let root = try XCTUnwrap(rollup.node(.organisation))
        XCTAssertEqual([root.required, root.sat, root.passed, root.excellent], [5, 3, 2, 1])
        XCTAssertEqual([root.unitsRequired, root.unitsSat], [3, 2])
        let office = try XCTUnwrap(rollup.node(DepartmentPath(parsing: "综合办公室")))
        XCTAssertEqual(office.participationRate.text, "2/3 = 66.7%")
        XCTAssertEqual(office.passRateOfSat.text, "2/2 = 100.0%")
        XCTAssertEqual(office.passRateOfRequired.text, "2/3 = 66.7%")
        XCTAssertEqual([office.unitsRequired, office.unitsSat], [2, 1])
        XCTAssertEqual(office.meanScore, 75)
        let archive = try XCTUnwrap(rollup.node(DepartmentPath(parsing: "综合办公室/档案室")))
        XCTAssertEqual(archive.members, 1)
        XCTAssertEqual(archive.required, 0, "a department with no one required still shows, with zeros")
        XCTAssertEqual(archive.participationRate.text, "0/0 = —")
        XCTAssertEqual([archive.unitsRequired, archive.unitsSat], [0, 0])
        let finance = try XCTUnwrap(rollup.node(DepartmentPath(parsing: "财务处")))
        XCTAssertEqual(finance.passRateOfSat.text, "0/1 = 0.0%")
    }

    func testDepartmentPathParsing() {
        XCTAssertEqual(DepartmentPath(parsing: " 综合办公室 ／ 秘书科 /").components, ["综合办公室", "秘书科"])
        XCTAssertTrue(DepartmentPath(parsing: "综合办公室/秘书科").isWithin(DepartmentPath(parsing: "综合办公室")))
        XCTAssertFalse(DepartmentPath(parsing: "综合办公室二部").isWithin(DepartmentPath(parsing: "综合办公室")))
        XCTAssertTrue(DepartmentPath(parsing: "任何部门").isWithin(.organisation))
    }

    /// `DepartmentPath(parsing:)` trims without Foundation: the same result as
    /// Foundation's split-and-trim on random texts of separators, every
    /// whitespace scalar Foundation knows, near misses and combining marks.
    func testParsingMatchesFoundationTrimming() {
        let spaces = (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { CharacterSet.whitespaces.contains($0) }
        XCTAssertEqual(spaces.filter { !String.isBlank($0) }, [], "a whitespace scalar Foundation trims is not trimmed")
        XCTAssertEqual(
            (0...0x10FFFF).compactMap(Unicode.Scalar.init).filter { String.isBlank($0) }.count, spaces.count,
            "a scalar trimmed that Foundation keeps")
        let pieces: [String] = spaces.map { String($0) } + [
            "/", "／", "\\", "甲", "一科", "a", " ", "\n", "\u{301}", "e\u{301}", "/\u{301}", "\u{FEFF}", "\r\n", "综合办公室",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let separators: Set<Character> = ["/", "／", "\\"]
            let expected = text.split(whereSeparator: { separators.contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            XCTAssertEqual(DepartmentPath(parsing: text).components, expected, "\(Array(text.unicodeScalars))")
        }
    }
}
