import XCTest

final class LawCommandTests: XCTestCase {
    func testVersionAndHelp() throws {
        let version = try DataCommandRunner.runOnce(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
        let help = try DataCommandRunner.runOnce([])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("SUBCOMMANDS"), "off a terminal, lawquiz prints help")
        XCTAssertTrue(help.stdout.contains("law"))
        let lawHelp = try DataCommandRunner.runOnce(["law", "show", "--help"])
        XCTAssertEqual(lawHelp.status, 0)
        XCTAssertTrue(lawHelp.stdout.contains("第二十一条"))
    }

    func testLawList() throws {
        let result = try DataCommandRunner.runOnce(["law", "list"])
        XCTAssertEqual(result.status, 0)
        for expected in ["work-safety", "安全生产法", "119", "archives", "档案法", "53", "national-security", "国家安全法", "84"] {
            XCTAssertTrue(result.stdout.contains(expected), expected)
        }
    }

    func testLawShowAcceptsEveryForm() throws {
        let forms = [["安全生产法", "21"], ["安全生产法", "第二十一条"], ["work-safety", "21"]]
        var outputs: [String] = []
        for form in forms {
            let result = try DataCommandRunner.runOnce(["law", "show"] + form)
            XCTAssertEqual(result.status, 0, result.stderr)
            outputs.append(result.stdout)
        }
        XCTAssertEqual(Set(outputs).count, 1)
        let text = outputs[0]
        XCTAssertTrue(text.contains("第二章 生产经营单位的安全生产保障"))
        XCTAssertTrue(text.contains("第二十一条"))
        for item in ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）及时、如实报告生产安全事故。"] {
            XCTAssertTrue(text.contains(item), item)
        }
        XCTAssertFalse(text.contains("\u{1B}["), "no colour off a terminal")
    }

    func testLawShowErrors() throws {
        let badArticle = try DataCommandRunner.runOnce(["law", "show", "档案法", "54"])
        XCTAssertNotEqual(badArticle.status, 0)
        XCTAssertTrue(badArticle.stderr.contains("第1条至第53条"), badArticle.stderr)
        let badLaw = try DataCommandRunner.runOnce(["law", "show", "刑法", "1"])
        XCTAssertNotEqual(badLaw.status, 0)
        XCTAssertTrue(badLaw.stderr.contains("安全生产法") && badLaw.stderr.contains("刑法"), badLaw.stderr)
    }

    func testLawSearch() throws {
        let result = try DataCommandRunner.runOnce(["law", "search", "主要负责人", "第一责任人"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("《安全生产法》第五条"))
        XCTAssertTrue(result.stdout.contains("共 1 条"))
        let scoped = try DataCommandRunner.runOnce(["law", "search", "档案", "--law", "国家安全法"])
        XCTAssertEqual(scoped.status, 0)
        XCTAssertFalse(scoped.stdout.contains("《档案法》"))
        let none = try DataCommandRunner.runOnce(["law", "search", "不存在的词语组合"])
        XCTAssertTrue(none.stdout.contains("共 0 条"))
    }
}
