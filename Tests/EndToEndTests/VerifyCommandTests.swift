import Foundation
import XCTest

/// `lawquiz verify` through the built binary on a store sat the real way,
/// then edited with the sqlite3 shell as someone with write access would.
final class VerifyCommandTests: AdminSampleTestCase {
    /// The edit through the sqlite3 shell, or on the PostgreSQL run as psql would.
    private func sqlite(_ sql: String) throws {
        if let server = runner.server {
            try server.execute(sql.replacingOccurrences(of: "PRAGMA foreign_keys = ON; ", with: ""))
            return
        }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        shell.arguments = ["sqlite3", runner.results.path, sql]
        try shell.run()
        shell.waitUntilExit()
        guard shell.terminationStatus == 0 else { throw XCTSkip("the sqlite3 shell is needed (scripts/setup installs it)") }
    }

    func testACleanStoreVerifiesAndReportsCarryTheHead() throws {
        let output = try runner.run(["verify"])
        XCTAssertEqual(output.status, 0, output.stdout + output.stderr)
        XCTAssertTrue(output.stdout.contains("作答记录 8 份（其中重算成绩 8 份）"), output.stdout)
        XCTAssertTrue(output.stdout.contains("未发现不一致。"), output.stdout)
        let head = try XCTUnwrap(output.stdout.split(separator: "\n").first { $0.hasPrefix("校验码：") }).dropFirst(4)
        XCTAssertEqual(head.count, 64)

        let stats = try runner.run(["stats", "annual"])
        XCTAssertTrue(stats.stdout.contains("校验码：\(head.prefix(16))"), stats.stdout)
        let csv = try runner.run(["stats", "annual", "--format", "csv"])
        XCTAssertTrue(csv.stdout.contains("校验码,\(head),"), csv.stdout)
        let file = runner.folder.appendingPathComponent("annual.json")
        XCTAssertEqual(try runner.run(["export", "annual", "--format", "json", "--output", file.path]).status, 0)
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).contains("\"auditHead\":\"\(head)\""))
        let table = runner.folder.appendingPathComponent("annual.csv")
        let csvExport = try runner.run(["export", "annual", "--format", "csv", "--output", table.path])
        XCTAssertTrue(csvExport.stderr.contains("校验码：\(head)"), "the CSV table itself stays one row per person: " + csvExport.stderr)
        let page = runner.folder.appendingPathComponent("annual.html")
        XCTAssertEqual(try runner.run(["export", "annual", "--format", "html", "--output", page.path]).status, 0)
        XCTAssertTrue(try String(contentsOf: page, encoding: .utf8).contains("校验码：\(head)"))
    }

    func testEditsWithTheSQLiteShellAreEachFoundAndNamed() throws {
        try sqlite("""
            UPDATE attempt SET score = 100, passed = 1, excellent = 1 WHERE id = 4;
            UPDATE response SET answer = CASE answer WHEN 'T' THEN 'F' ELSE 'T' END WHERE attempt_id = 1 AND item_index = 4;
            UPDATE attempt SET deadline = '2099-01-01 00:00:00.000' WHERE id = 2;
            PRAGMA foreign_keys = ON; DELETE FROM attempt WHERE id = 3;
            INSERT INTO attempt (exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, submitted_at, status,
                score, full_marks, passed, excellent, is_formal)
            VALUES ('annual', '年度学法考试', 'x', '1003', 1, '2023-11-15 08:00:00.000', '2023-11-15 08:30:00.000',
                '2023-11-15 08:20:00.000', 'submitted', 100, 100, 1, 1, 1);
            """)
        let output = try runner.run(["verify"])
        XCTAssertEqual(output.status, 1, output.stdout + output.stderr)
        for expected in [
            "作答 #4（1004 赵六，考试 annual）：成绩被改动：数据库中为 100.0，审计链记录为 40.0。",
            "作答 #4（1004 赵六，考试 annual）：成绩 100 分 与按试卷、答案和标准答案重算的 40 分 不符。",
            "作答 #1（1001 张三，考试 annual）：第 5 题答案被改动",
            "作答 #2（1001 张三，考试 annual）：截止时间被改动：数据库中为 2099-01-01 00:00:00.000",
            "作答 #3（1002 李四，考试 annual）：该作答记录已从数据库中删除",
            "（1003 王五，考试 annual）：审计链中没有该作答的开考记录",
        ] {
            XCTAssertTrue(output.stdout.contains(expected), "missing \(expected) in\n\(output.stdout)")
        }
        let mock = try runner.run(["verify", "mock"])
        XCTAssertEqual(mock.status, 0, "the mock exam's one attempt is untouched:\n" + mock.stdout)
        XCTAssertEqual(try runner.run(["verify", "no-such-exam"]).status, 2)
    }
}
