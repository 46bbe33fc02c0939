import Foundation
import XCTest

/// `stats` and `absent` are read without the argument parser in their plain
/// forms (ReportArguments): the same arguments written in forms only the
/// parser reads (`--by=…`, `--`) give the same output, and every other form
/// still gets the parser's answer.
final class ReportArgumentsTests: AdminSampleTestCase {
    func run(_ arguments: [String]) throws -> DataCommandRunner.Output {
        try runner.run(arguments, environment: ["TZ": "Asia/Shanghai", "COLUMNS": "100"])
    }

    func testPlainFormsGiveWhatTheParserGives() throws {
        for (plain, parsed) in [
            (["stats", "annual"], ["stats", "--", "annual"]),
            (["stats", "annual", "--by", "department", "--width", "60"], ["stats", "annual", "--by=department", "--width=60"]),
            (["stats", "annual", "--format", "json", "--by", "department"], ["stats", "--format=json", "annual", "--by=department"]),
            (["stats", "annual", "--by", "law", "--format", "csv"], ["stats", "annual", "--by=law", "--format=csv"]),
            (["stats", "annual", "--format", "csv", "--makeup-rule", "replace", "--no-pager"],
             ["stats", "annual", "--format=csv", "--makeup-rule=replace", "--no-pager"]),
            (["absent", "annual"], ["absent", "--", "annual"]),
            (["absent", "annual", "--format", "csv", "--width", "60", "--makeup-rule", "replace"],
             ["absent", "annual", "--format=csv", "--width=60", "--makeup-rule=replace"]),
            (["stats", "nosuch"], ["stats", "--", "nosuch"]),
            // A repeated option is left to the parser (the last one counts).
            (["stats", "annual", "--format", "json", "--format", "csv"], ["stats", "annual", "--format=csv"]),
        ] {
            let fast = try run(plain), slow = try run(parsed)
            XCTAssertEqual(fast.status, slow.status, "\(plain): " + fast.stderr + slow.stderr)
            XCTAssertEqual(Self.withoutGenerationTime(fast.stdout), Self.withoutGenerationTime(slow.stdout), "\(plain) against \(parsed)")
            XCTAssertEqual(fast.stderr, slow.stderr, "\(plain) against \(parsed)")
        }
        XCTAssertEqual(try run(["stats", "nosuch"]).status, 2)
        for arguments in [
            ["stats", "annual", "--by", "school"], ["stats", "annual", "--width", "5"], ["stats", "annual", "--width", "x"],
            ["absent", "annual", "--by", "department"], ["absent", "annual", "--format", "json"], ["stats", "annual", "annual"],
            ["absent"], ["stats", "annual", "--width"],
        ] {
            let refused = try run(arguments)
            XCTAssertEqual(refused.status, 64, "\(arguments): " + refused.stdout + refused.stderr)
            XCTAssertTrue(refused.stderr.contains("Usage") || refused.stderr.contains("用法"), "\(arguments): " + refused.stderr)
        }
        // ReportArguments reads the options into a `ReportRequest` by hand: an
        // option added to either command must be read there too (or its plain
        // form would go without it), so the options are pinned here.
        let common: Set<String> = ["--makeup-rule", "--format", "--width", "--no-pager", "--output", "--force", "--banks", "--results", "--version", "--help"]
        for (command, options) in [("stats", common.union(["--by"])), ("absent", common)] {
            let help = try run([command, "--help"])
            XCTAssertEqual(help.status, 0, help.stderr)
            let shown = help.stdout.split(separator: "\n").compactMap { line -> String? in
                line.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
                    .first(where: { $0.hasPrefix("--") && $0.dropFirst(2).allSatisfy { $0.isASCII && ($0.isLetter || $0 == "-") } })
            }
            XCTAssertEqual(Set(shown), options, "\(command)'s options changed: update ReportArguments to set every one\n" + help.stdout)
        }
    }

    private static func withoutGenerationTime(_ text: String) -> String {
        text.replacingOccurrences(of: "\"generatedAt\" *: *\"[^\"]*\"", with: "", options: .regularExpression)
    }
}
