import Foundation
import XCTest

/// Reports on an exam nobody has sat yet (an empty response table, the day
/// the roster is imported) must work in every format: the item scan once
/// trapped on an empty rowid range.
final class EmptyExamReportTests: XCTestCase {
    var runner = DataCommandRunner()

    override func setUp() {
        runner = DataCommandRunner()
    }

    override func tearDown() {
        runner.cleanUp()
    }

    func testEveryReportOfAnExamNobodySat() throws {
        try FileManager.default.createDirectory(at: runner.folder, withIntermediateDirectories: true)
        let roster = runner.folder.appendingPathComponent("roster.csv")
        try "工号,姓名,部门\n1001,张三,综合办公室\n".write(to: roster, atomically: true, encoding: .utf8)
        XCTAssertEqual(try runner.run(["roster", "import", roster.path]).status, 0)
        let items = try runner.run(["items", "2024-annual"])
        XCTAssertEqual(items.status, 0, items.stderr)
        for format in ["csv", "json", "xlsx", "html"] {
            let file = runner.folder.appendingPathComponent("empty.\(format)")
            let export = try runner.run(["export", "2024-annual", "--format", format, "--output", file.path])
            XCTAssertEqual(export.status, 0, "\(format): \(export.stderr)")
            XCTAssertTrue(FileManager.default.fileExists(atPath: file.path), format)
        }
        let stats = try runner.run(["stats", "2024-annual"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("0/1"), stats.stdout)
    }
}
