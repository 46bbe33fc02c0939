import Foundation
import XCTest
@testable import LawQuizCore

/// The CSV line written straight into bytes against the cells of `ResultRow`
/// joined by `CSVFormat.record`, the rule it replaces in the export, on random
/// outcomes: texts to quote or neutralise, make-ups, scores with odd
/// hundredths, time zones with summer time and half-hour shifts.
final class CSVResultLineTests: XCTestCase {
    static let texts = ["张三", "=SUM(A1)", "+86 10", "-5", "@x", "a,b", "say \"hi\"", "x\r\ny", "\tx", "", "李 四", "=\u{301}x"]
    static let departments = ["综合办公室/秘书科", "财务处", "甲 / 一科", "a,b/\"c\"", "=公式/科", "（全单位）", "乙／三科"]
    static let zones = ["Asia/Shanghai", "America/New_York", "Australia/Lord_Howe", "Europe/London", "UTC"]

    func testLineEqualsTheResultRowCells() throws {
        var random = SeededGenerator(seed: 14)
        for zoneID in Self.zones {
            let format = ReportTimeFormat(timeZone: try XCTUnwrap(TimeZone(identifier: zoneID)))
            var encoder = CSVResultLine(timeFormat: format)
            var paths: [Int: DepartmentPath] = [:]
            for index in 0..<3000 {
                let key = Int.random(in: -1..<Self.departments.count, using: &random)
                var department = DepartmentPath(parsing: Self.departments[max(0, key)])
                // A key whose path changed (not in a real stream) is encoded again, not taken from the cache.
                if key >= 0, let known = paths[key], Int.random(in: 0..<10, using: &random) > 0 { department = known }
                if key >= 0 { paths[key] = department }
                let person = ReportPerson(
                    staffID: Self.texts.randomElement(using: &random)! + String(index), name: Self.texts.randomElement(using: &random)!,
                    department: department, departmentKey: key)
                let outcome = PersonOutcome(person: person, status: .required, counted: Self.counted(&random))
                var bytes: [UInt8] = Array("x".utf8)
                encoder.append(outcome, to: &bytes)
                let expected = "x" + CSVFormat.record(ResultRow(outcome: outcome).csvCells(format: format))
                XCTAssertEqual(String(decoding: bytes, as: UTF8.self), expected, "\(zoneID) \(index)")
            }
        }
    }

    /// Rows handed over in 工号 order and grouped by department by the
    /// exporter (`DepartmentLines`) against the same rows in department
    /// order: the same file, with the departments keyed as a store stream
    /// keys them (respelled texts sharing a path) and unkeyed.
    func testRowsInStaffOrderGroupedByDepartmentGiveTheSameFile() throws {
        var random = SeededGenerator(seed: 22)
        let format = ReportTimeFormat(timeZone: try XCTUnwrap(TimeZone(identifier: "Asia/Shanghai")))
        let departments = Self.departments + ["甲/一科", "甲", "（全单位）/甲", "财务处/一科"]
        let roster = (0..<600).map { index in
            ReportPerson(
                staffID: String(format: "S%05d", Int.random(in: 0..<100_000, using: &random)) + "-\(index)", name: Self.texts.randomElement(using: &random)!,
                department: DepartmentPath(parsing: departments.randomElement(using: &random)!), active: Int.random(in: 0..<10, using: &random) > 0)
        }
        var counted: [String: CountedAttempt] = [:]
        for person in roster { counted[person.staffID] = Self.counted(&random) }
        let outcomes = ExamOutcomes.build(roster: roster, counted: counted, policy: RequirementPolicy(departments: [], exemptions: [:]))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func file(_ people: [PersonOutcome], byDepartment: Bool) throws -> Data {
            let url = folder.appendingPathComponent("\(byDepartment).csv")
            try AtomicOutput(destination: url, overwrite: true).write { writer in
                try CSVExporter(timeFormat: format).write(
                    outcomes: { body in for outcome in people { try body(outcome) } }, expected: 0, byDepartment: byDepartment, to: writer)
            }
            return try Data(contentsOf: url)
        }
        let expected = try file(outcomes.people, byDepartment: true)
        let byStaffID = outcomes.people.sorted { $0.person.staffID.utf8.lexicographicallyPrecedes($1.person.staffID.utf8) }
        XCTAssertEqual(try file(byStaffID, byDepartment: false), expected)
        let unkeyed = byStaffID.map { outcome in
            var outcome = outcome
            outcome.person.departmentKey = -1
            return outcome
        }
        XCTAssertEqual(try file(unkeyed, byDepartment: false), expected)
        XCTAssertNotEqual(try file(byStaffID, byDepartment: true), expected, "the fixture's 工号 order is not its department order")
    }

    /// A counted attempt (nil: absent) from the main exam, a make-up or both.
    private static func counted(_ random: inout SeededGenerator) -> CountedAttempt? {
        let selector = AttemptSelector(
            counting: AttemptCounting.allCases.randomElement(using: &random)!,
            makeupCounting: AttemptCounting.allCases.randomElement(using: &random)!,
            makeupRule: MakeupRule.allCases.randomElement(using: &random)!)
        func pick(_ source: AttemptSource) -> AttemptSelector.SidePick? {
            guard Int.random(in: 0..<3, using: &random) > 0 else { return nil }
            // Around 2023, and now and then far in the past or future (years outside 0…9999 included).
            let start = Int.random(in: 0..<20, using: &random) == 0
                ? Double.random(in: -70_000_000_000...260_000_000_000, using: &random)
                : 1_690_000_000 + Double.random(in: 0...40_000_000, using: &random).rounded(.down) + [0, 0.25, 0.999].randomElement(using: &random)!
            let score = [
                Double(Int.random(in: 0...100, using: &random)), Double(Int.random(in: 0...10_000, using: &random)) / 100,
                Double.random(in: -5...100, using: &random), 76.35, 60.25, 0.005, -0.0,
            ].randomElement(using: &random)!
            let submitted = Int.random(in: 0..<8, using: &random) == 0 ? nil : start + Double.random(in: -10...20_000, using: &random)
            let attempt = ReportAttempt(
                id: Int64.random(in: 1...9_999_999, using: &random), examID: source == .main ? "main" : "mk", staffID: "s", score: score,
                passed: Bool.random(using: &random), excellent: Bool.random(using: &random), startedAt: Date(timeIntervalSince1970: start),
                submittedAt: submitted.map(Date.init(timeIntervalSince1970:)), source: source)
            let count = Int.random(in: 1...4, using: &random)
            return AttemptSelector.SidePick(attempt: attempt, ordinal: Int.random(in: 1...count, using: &random), count: count)
        }
        return selector.merge(main: pick(.main), makeup: pick(.makeup))
    }

    /// `ScoreFormat.text`, now digit by digit, against the decimal text it used to trim.
    func testScoreTextEqualsTheTrimmedDecimalText() {
        var random = SeededGenerator(seed: 5)
        func old(_ value: Double) -> String {
            let text = DecimalRounding.text(DecimalRounding.scaled(value, places: 2), places: 2)
            if text.hasSuffix(".00") { return String(text.dropLast(3)) }
            return text.hasSuffix("0") ? String(text.dropLast()) : text
        }
        var values: [Double] = [0, -0.0, 100, 92.5, 76.35, 60.25, 0.005, -0.005, -0.01, -12.3, 1e12, 0.1, 0.9999]
        for _ in 0..<20_000 {
            values.append(Double.random(in: -1000...1000, using: &random))
            values.append(Double(Int.random(in: -100_000...100_000, using: &random)) / 100)
        }
        for value in values { XCTAssertEqual(ScoreFormat.text(value), old(value), "\(value)") }
    }

    /// Department parts are trimmed as `trimmingCharacters(in: .whitespaces)` trims them.
    func testDepartmentTrimmingEqualsFoundations() {
        var random = SeededGenerator(seed: 9)
        let pieces = [" ", "\t", "\u{3000}", "\u{A0}", "\u{2003}", "\u{202F}", "\n", "\r", "\u{301}", "科", "a", "\u{200B}", "\u{FEFF}", "\u{85}", "\u{0B}", "\u{0C}", "\u{1F}", "\u{1680}", "\u{180E}"]
        for _ in 0..<5000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let part = Substring(text)
            XCTAssertEqual(part.trimmingBlanks(), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
        }
    }
}
