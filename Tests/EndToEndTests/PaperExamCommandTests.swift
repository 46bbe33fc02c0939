import Foundation
import LawQuizCore
import XCTest

/// Paper exams through the built binary and pipes: `exam print` → answer
/// sheets keyed into a CSV → `exam enter --import` → `stats` counts them as
/// 线下 beside the online sitters → `verify` stays clean.
final class PaperExamCommandTests: AdminSampleTestCase {
    private func file(_ name: String) -> URL { runner.folder.appendingPathComponent(name) }

    /// The entry string of each paper from the key file, in paper order.
    private func keyLines(_ key: String) -> [String] {
        key.components(separatedBy: "<p>键入格式：").dropFirst().map { String($0.prefix { $0 != "<" }) }
    }

    func testPrintedPapersEnteredFromACSVAreCountedAsPaperAndVerifyClean() throws {
        let printed = try runner.run(["exam", "print", "annual", "--count", "2", "--output", file("papers.html").path, "--key", file("key.html").path])
        XCTAssertEqual(printed.status, 0, printed.stdout + printed.stderr)
        XCTAssertTrue(printed.stdout.contains("已生成 2 份试卷（试卷号 1–2"), printed.stdout)
        let papers = try String(contentsOf: file("papers.html"), encoding: .utf8)
        let key = try String(contentsOf: file("key.html"), encoding: .utf8)
        let answers = keyLines(key)
        XCTAssertEqual(answers.count, 2)
        XCTAssertFalse(papers.contains("键入格式") || papers.contains("标准答案"), "no key in the papers file")
        XCTAssertEqual(papers.components(separatedBy: "答题卡</h1>").count - 1, 2)

        let again = try runner.run(["exam", "print", "annual", "--count", "1", "--output", file("papers.html").path])
        XCTAssertEqual(again.status, 2, "no overwrite without --force")

        // Line 3: a paper never printed; line 4: a 工号 not on the roster. Nothing is stored.
        let sheets = "试卷号,工号,答案\n1,1003,\(answers[0])\n9,1003,AB√√√\n2,9999,\(answers[1])\n"
        try sheets.write(to: file("sheets.csv"), atomically: true, encoding: .utf8)
        let refused = try runner.run(["exam", "enter", "annual", "--import", file("sheets.csv").path])
        XCTAssertEqual(refused.status, 2, refused.stdout + refused.stderr)
        XCTAssertTrue(refused.stderr.contains("sheets.csv:3: 试卷号 9"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("sheets.csv:4: 试卷号 2"), refused.stderr)
        XCTAssertTrue(try runner.run(["stats", "annual"]).stdout.contains("线上 / 线下"), "the split is shown even with no paper attempts")

        let skipped = try runner.run(["exam", "enter", "annual", "--import", file("sheets.csv").path, "--skip-bad"])
        XCTAssertEqual(skipped.status, 0, skipped.stdout + skipped.stderr)
        XCTAssertTrue(skipped.stdout.contains("试卷号 1  1003  王五  100 分"), skipped.stdout)
        XCTAssertTrue(skipped.stdout.contains("已录入 1 份答题卡"), skipped.stdout)
        let twice = try runner.run(["exam", "enter", "annual", "--import", file("sheets.csv").path, "--skip-bad"])
        XCTAssertEqual(twice.status, 2, "paper 1 is entered already, the rest was bad: " + twice.stderr)

        let stats = try runner.run(["stats", "annual", "--format", "csv"])
        XCTAssertTrue(stats.stdout.contains("参考人数,5,"), stats.stdout)
        XCTAssertTrue(stats.stdout.contains("其中 线上 / 线下,4 / 1,"), stats.stdout)
        let departments = try runner.run(["stats", "annual", "--by", "department", "--format", "csv"])
        let finance = try XCTUnwrap(departments.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix("财务处,") }, departments.stdout)
        XCTAssertTrue(finance.hasSuffix(",1"), "其中线下人数 of 财务处: \(finance)")
        let json = file("annual.json")
        XCTAssertEqual(try runner.run(["export", "annual", "--format", "json", "--output", json.path]).status, 0)
        XCTAssertTrue(try String(contentsOf: json, encoding: .utf8).contains("\"satOnPaper\":1"), "the full report counts it too")
        let page = file("annual.html")
        XCTAssertEqual(try runner.run(["export", "annual", "--format", "html", "--output", page.path]).status, 0)
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(html.contains("<th>其中线下</th>"), "the department table has the 线下 column")
        XCTAssertTrue(html.contains("<td>　财务处</td><td class=\"n\">") || html.contains("财务处</td>"), html)
        let workbook = file("annual.xlsx")
        XCTAssertEqual(try runner.run(["export", "annual", "--format", "xlsx", "--output", workbook.path]).status, 0)
        let sheet = try XLSXReader(url: workbook).rows(sheetNamed: "部门统计")
        XCTAssertEqual(sheet.first?.cells.last, "其中线下人数")
        let financeRow = try XCTUnwrap(sheet.first { $0.cells.first?.hasSuffix("财务处") == true }, "\(sheet)")
        XCTAssertEqual(financeRow.cells.last, "1")
        let verify = try runner.run(["verify"])
        XCTAssertEqual(verify.status, 0, verify.stdout + verify.stderr)
        XCTAssertTrue(verify.stdout.contains("未发现不一致。"), verify.stdout)
    }

    func testPapersMadeOutFromAStaffListAreFilledInAndOnlyForThatPerson() throws {
        try "工号,姓名,部门\n1003,王五,财务处\n1004,赵六,财务处\n".write(to: file("list.csv"), atomically: true, encoding: .utf8)
        let printed = try runner.run(["exam", "print", "annual", "--staff-list", file("list.csv").path, "--output", file("papers.html").path])
        XCTAssertEqual(printed.status, 0, printed.stdout + printed.stderr)
        XCTAssertTrue(printed.stdout.contains("已生成 2 份试卷"), printed.stdout)
        let papers = try String(contentsOf: file("papers.html"), encoding: .utf8)
        XCTAssertTrue(papers.contains("<span>1003</span>") && papers.contains("<span>王五</span>") && papers.contains("<span>赵六</span>"))
        let wrongPerson = try runner.run(["exam", "enter", "annual"], input: "1\n1004\n\n")
        XCTAssertTrue(wrongPerson.stdout.contains("试卷号 1 是发给工号 1003 的"), wrongPerson.stdout)
        XCTAssertTrue(wrongPerson.stdout.contains("共录入 0 份答题卡"), wrongPerson.stdout)
        let usage = try runner.run(["exam", "print", "annual", "--output", file("other.html").path])
        XCTAssertEqual(usage.status, 64, "--count or --staff-list is required")
    }

    func testKeyingInOneSheetThroughPipesWithACorrection() throws {
        _ = try runner.run(["exam", "print", "annual", "--count", "1", "--output", file("papers.html").path, "--key", file("key.html").path])
        let answer = try XCTUnwrap(keyLines(try String(contentsOf: file("key.html"), encoding: .utf8)).first)
        let parts = answer.split(separator: " ").map(String.init)
        XCTAssertEqual(parts.count, 2, "单选 then 判断: \(answer)")
        // First judgement part has one answer too few (asked again), question 1 corrected to its key.
        let wrongFirst = parts[0].hasPrefix("A") ? "B" + parts[0].dropFirst() : "A" + parts[0].dropFirst()
        let input = "1\n1003\n\(wrongFirst)\n\(parts[1].dropLast())\n\(parts[1])\n1\n\(parts[0].prefix(1))\n\n\n"
        let output = try runner.run(["exam", "enter", "annual"], input: input)
        XCTAssertEqual(output.status, 0, output.stdout + output.stderr)
        XCTAssertTrue(output.stdout.contains("王五"), output.stdout)
        XCTAssertTrue(output.stdout.contains("只有 2 个答案"), output.stdout)
        XCTAssertTrue(output.stdout.contains("核对：\(wrongFirst) \(parts[1])"), output.stdout)
        XCTAssertTrue(output.stdout.contains("已保存：试卷号 1 1003 王五，得分 100 / 100"), output.stdout)
        XCTAssertTrue(output.stdout.contains("共录入 1 份答题卡"), output.stdout)
    }
}
