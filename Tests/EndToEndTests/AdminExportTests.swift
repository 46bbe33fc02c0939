import Foundation
import LawQuizCore
import XCTest

/// `lawquiz export` in each format through the binary, read back.
final class AdminExportTests: AdminSampleTestCase {
    func export(_ format: String, force: Bool = false, extra: [String] = []) throws -> (DataCommandRunner.Output, URL) {
        let url = runner.folder.appendingPathComponent("out.\(format)")
        let output = try runner.run(
            ["export", "annual", "--format", format, "--output", url.path] + (force ? ["--force"] : []) + extra, environment: ["TZ": "Asia/Shanghai"])
        return (output, url)
    }

    func testCSVExport() throws {
        let (output, url) = try export("csv")
        XCTAssertEqual(output.status, 0, output.stderr)
        let data = try Data(contentsOf: url)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let rows = try CSVReader.records(String(decoding: data.dropFirst(3), as: UTF8.self)).map(\.fields)
        XCTAssertEqual(rows.first, ResultRow.headers)
        XCTAssertEqual(rows.dropFirst().map { $0[0] }, ["1002", "1001", "1003", "1004", "1005"], "required people in department order")
        let byID = Dictionary(uniqueKeysWithValues: rows.dropFirst().map { ($0[0], $0) })
        XCTAssertEqual(byID["1001"]?[4], "80")
        XCTAssertEqual(byID["1001"]?[9], "2")
        XCTAssertEqual(byID["1001"]?[10], "最高分：第2次（共2次）")
        XCTAssertEqual(byID["1004"]?[4], "60")
        XCTAssertTrue(byID["1004"]?[10].hasPrefix("补考") ?? false)
        XCTAssertEqual(byID["1005"]?[1], "'=1+2", "formula neutralised")
        XCTAssertEqual(byID["1003"]?[3], "否")
        // Not overwritten without --force; replaced with it.
        let again = try export("csv")
        XCTAssertEqual(again.0.status, 2)
        XCTAssertTrue(again.0.stderr.contains("--force"), again.0.stderr)
        XCTAssertEqual(try Data(contentsOf: url), data)
        XCTAssertEqual(try export("csv", force: true).0.status, 0)
    }

    func testXLSXExport() throws {
        let (output, url) = try export("xlsx", extra: ["--responses"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let reader = try XLSXReader(url: url)
        XCTAssertEqual(reader.sheets.map(\.name), ["汇总", "成绩明细", "部门统计", "未参考名单", "试题分析", "不计入人员", "全部作答", "作答明细"])
        XCTAssertEqual(try reader.rows(sheetNamed: "成绩明细").count, 6)
        XCTAssertEqual(try reader.rows(sheetNamed: "未参考名单").last?.cells, ["财务处", "1003", "王五"])
        let items = try reader.rows(sheetNamed: "试题分析")
        XCTAssertGreaterThan(items.count, 1)
        let summary = try reader.rows(sheetNamed: "汇总")
        XCTAssertEqual(summary.first { $0.cells.first == "参考率" }?.cells[1], "0.8")
        XCTAssertEqual(summary.first { $0.cells.first == "合格分数线" }?.cells[1], "60", "cut-offs as numbers")
        XCTAssertEqual(summary.first { $0.cells.first == "优秀分数线" }?.cells[1], "90")
        // Who sat but does not count, and why.
        let uncounted = try reader.rows(sheetNamed: "不计入人员")
        XCTAssertEqual(uncounted.dropFirst().map { Array($0.cells.prefix(4)) }, [["1006", "钱七", "综合办公室/秘书科", "已不在名单"]])
        // Every attempt, counted or not.
        let all = try reader.rows(sheetNamed: "全部作答")
        XCTAssertEqual(all.count, 8, "7 formal attempts at the exam and its make-up")
        let countedColumn = try XCTUnwrap(all.first?.cells.firstIndex(of: "是否计入"))
        XCTAssertEqual(all.dropFirst().filter { $0.cells[countedColumn] == "是" }.count, 4)
        let first1001 = try XCTUnwrap(all.first { $0.cells[1] == "1001" && $0.cells[countedColumn] == "否" })
        XCTAssertTrue(first1001.cells.last?.contains("未选中") ?? false, "\(first1001.cells)")
        // Each counted answer against its key; the points earned add up to the counted score.
        let responses = try reader.rows(sheetNamed: "作答明细")
        XCTAssertEqual(responses.count, 1 + 4 * 5, "4 counted attempts of 5 questions")
        XCTAssertEqual(responses.first?.cells, ["工号", "姓名", "作答编号", "考试", "题号", "题目编号", "题型", "法律", "分值", "作答", "标准答案", "得分"])
        let earned = responses.dropFirst().filter { $0.cells[0] == "1001" }.compactMap { Double($0.cells[11]) }.reduce(0, +)
        XCTAssertEqual(earned, 80)
        XCTAssertTrue(responses.dropFirst().contains { ["对", "错"].contains($0.cells[10]) }, "judgement keys shown as 对/错")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: runner.folder.path).filter { $0.hasPrefix(".out") }, [], "no temporary file left")
    }

    func testJSONExportReMarksFromTheBank() throws {
        let (output, url) = try export("json")
        XCTAssertEqual(output.status, 0, output.stderr)
        let catalog = try BankCatalog.load(root: DataCommandRunner.repositoryRoot.appendingPathComponent("QuestionBanks"))
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let fields = try XCTUnwrap(root["itemFields"] as? [String])
        let attempts = try XCTUnwrap(root["attempts"] as? [[String: Any]])
        XCTAssertEqual(attempts.count, 7, "every submitted formal attempt, main and make-up, including the person who left")
        XCTAssertEqual(attempts.filter { $0["counted"] as? Bool == true }.count, 4)
        for attempt in attempts {
            var remarked = 0.0
            for item in try XCTUnwrap(attempt["items"] as? [[Any]]) {
                let field = { (name: String) -> Any in item[fields.firstIndex(of: name)!] }
                let question = try XCTUnwrap(catalog.question(try XCTUnwrap(field("questionID") as? String)))
                if field("given") as? String == question.answer.code { remarked += (field("points") as? NSNumber)?.doubleValue ?? 0 }
                XCTAssertEqual(field("key") as? String, question.answer.code)
            }
            XCTAssertEqual(remarked, (attempt["score"] as? NSNumber)?.doubleValue, "attempt \(attempt["id"] ?? "?")")
            XCTAssertNotNil(attempt["seed"] as? String)
        }
    }

    func testHTMLExport() throws {
        let (output, url) = try export("html")
        XCTAssertEqual(output.status, 0, output.stderr)
        let html = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 2, "histogram and participation charts")
        XCTAssertTrue(html.contains("4/5 = 80.0%"))
        XCTAssertTrue(html.contains("王五"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("http://") && html.contains("src="))
    }

    func testRosterImportFromXLSX() throws {
        let workbook = try XLSXWorkbook(timeZone: TimeZone(identifier: "UTC")!)
        let sheet = try workbook.addSheet(named: "花名册")
        try sheet.addRow([.text("工号"), .text("姓名"), .text("部门")])
        try sheet.addRow([.number(2001), .text("周九"), .text("安全处/一科")])
        try sheet.addRow([.text("2002"), .text("吴十"), .text("安全处")])
        let url = runner.folder.appendingPathComponent("roster.xlsx")
        try workbook.save(to: url, title: "花名册")
        let store = runner.folder.appendingPathComponent("xlsx/lawquiz.sqlite")
        let imported = try runner.run(["roster", "import", url.path, "--results", store.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("新增 2 人"), imported.stdout)
        let listed = try runner.run(["roster", "list", "--results", store.path])
        XCTAssertTrue(listed.stdout.contains("2001"), listed.stdout)
        XCTAssertTrue(listed.stdout.contains("吴十"))
        // A broken workbook: a line-numbered error and nothing imported.
        let bad = runner.folder.appendingPathComponent("bad.xlsx")
        try Data("not a zip".utf8).write(to: bad)
        let failed = try runner.run(["roster", "import", bad.path, "--results", store.path])
        XCTAssertEqual(failed.status, 2)
        XCTAssertTrue(failed.stderr.contains("Excel"), failed.stderr)
    }
}
