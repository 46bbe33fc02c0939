import Foundation
import LawQuizCore
import XCTest

/// `practice --due` and `progress` through the built binary, off a terminal.
final class StudyCommandTests: XCTestCase {
    var runner = DataCommandRunner()

    override func setUp() {
        runner = DataCommandRunner()
    }

    override func tearDown() {
        runner.cleanUp()
    }

    func testDailyPracticeThenProgress() throws {
        let before = try runner.run(["progress", "--staff", "S1"])
        XCTAssertEqual(before.status, 0, before.stderr)
        XCTAssertTrue(before.stdout.contains("还没有练习记录"), before.stdout)

        let daily = try runner.run(
            ["practice", "--due", "--staff", "S1", "--law", "档案法", "--type", "判断", "--budget-new", "3"], input: "对\n对\n对\n")
        XCTAssertEqual(daily.status, 0, daily.stderr)
        XCTAssertTrue(daily.stdout.contains("今日练习：3 道题"), daily.stdout)
        let comeBack = daily.stdout.split(separator: "\n").filter { $0.wholeMatch(of: /\d+ 天后再练/) != nil }
        XCTAssertEqual(comeBack.count, 3, daily.stdout)
        XCTAssertTrue(daily.stdout.contains("本次练习答题 3 道"), daily.stdout)

        let progress = try runner.run(["progress", "--staff", "S1"])
        XCTAssertEqual(progress.status, 0, progress.stderr)
        XCTAssertTrue(progress.stdout.contains("已练过 3 道"), progress.stdout)
        XCTAssertTrue(progress.stdout.contains("档案法"), progress.stdout)
        XCTAssertTrue(progress.stdout.contains("第一章"), progress.stdout)
        XCTAssertTrue(progress.stdout.contains("连续学习 1 天"), progress.stdout)
        XCTAssertTrue(progress.stdout.contains("│"), "bars")

        // The same day with no new budget: nothing is due yet, which is not an error.
        let nothing = try runner.run(["practice", "--due", "--staff", "S1", "--budget-new", "0"], input: "")
        XCTAssertEqual(nothing.status, 0, nothing.stderr)
        XCTAssertTrue(nothing.stdout.contains("今天没有到期的题"), nothing.stdout)

        let departments = try runner.run(["progress", "--by", "department"])
        XCTAssertEqual(departments.status, 0, departments.stderr)
        XCTAssertTrue(departments.stdout.contains("1/1 人在练"), departments.stdout)

        // The printable report shows the same study figures by department (people on the roster).
        let roster = runner.folder.appendingPathComponent("roster.csv")
        try "工号,姓名,部门\nS1,张三,综合办公室\nS2,李四,综合办公室\n".write(to: roster, atomically: true, encoding: .utf8)
        XCTAssertEqual(try runner.run(["roster", "import", roster.path]).status, 0)
        let page = runner.folder.appendingPathComponent("report.html")
        let export = try runner.run(["export", "2024-annual", "--format", "html", "--output", page.path])
        XCTAssertEqual(export.status, 0, export.stderr)
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(html.contains("各部门学习掌握程度（今日练习）"), html)
        XCTAssertTrue(html.contains("<th>在练</th>"), html)
        XCTAssertTrue(html.contains("<td>综合办公室</td><td class=\"n\">2</td><td class=\"n\">1</td>"), html)
    }

    /// An exam opening in 10 days on one law: progress says how many days of
    /// daily practice cover that law's questions not yet mastered.
    func testExamOpeningSoon() throws {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        let opens = formatter.string(from: Date().addingTimeInterval(10 * 86_400))
        runner.banks = try runner.banksWithExams([
            "soon.yaml": """
                id: soon
                title: 档案法考试
                time_limit_minutes: 5
                opens_at: \(opens) 09:00
                sections:
                  - { law: archives, type: judge, count: 2, points: 50 }
                """
        ])
        let daily = try runner.run(["practice", "--due", "--staff", "S2", "--budget-new", "2"], input: "对\n对\n")
        XCTAssertEqual(daily.status, 0, daily.stderr)
        let progress = try runner.run(["progress", "--staff", "S2", "--budget-new", "5"])
        XCTAssertEqual(progress.status, 0, progress.stderr)
        XCTAssertTrue(progress.stdout.contains("考试「档案法考试」10 天后开放"), progress.stdout)
        // Only 档案法 counts: at most 2 of its questions are mastered, the rest unseen at 5 a day.
        let line = try XCTUnwrap(progress.stdout.split(separator: "\n").first { $0.contains("档案法考试") })
        XCTAssertTrue(line.contains("来不及"), String(line))
    }

    /// A question missed twice (今日练习, then the 错题本) marks its article in `law show --staff`.
    func testLawShowMarksAnArticleKeptMissed() throws {
        let catalog = try BankCatalog.load(root: DataCommandRunner.repositoryRoot.appendingPathComponent("QuestionBanks"))
        let first = try XCTUnwrap(catalog.questions.filter { $0.lawID == "archives" && $0.type == .judge }
            .min { ($0.article, $0.id) < ($1.article, $1.id) })
        let wrong = first.answer == .judgement(true) ? "错\n" : "对\n"
        let daily = try runner.run(
            ["practice", "--due", "--staff", "S3", "--law", "档案法", "--type", "判断", "--budget-new", "1"], input: wrong)
        XCTAssertEqual(daily.status, 0, daily.stderr)
        XCTAssertTrue(daily.stdout.contains("回答错误"), daily.stdout)
        let before = try runner.run(["law", "show", "档案法", String(first.article), "--staff", "S3"])
        XCTAssertFalse(before.stdout.contains("已答错"), "once is not yet a pattern")
        _ = try runner.run(["practice", "--wrong", "--staff", "S3"], input: wrong)
        let shown = try runner.run(["law", "show", "档案法", String(first.article), "--staff", "S3"])
        XCTAssertEqual(shown.status, 0, shown.stderr)
        XCTAssertTrue(shown.stdout.contains("工号 S3 依据本条的题已答错 2 次"), shown.stdout)
    }

    /// On a terminal the menu's first practice choice (the default) is 今日练习.
    func testMenuOffersDailyPracticeFirst() throws {
        let report = try TerminalDriver.run([], steps: [
            .expect("请选择 [1-4/q]："), .type("2\r"), .expect("工号："), .type("MENU2\r"),
            .expect("1 今日练习"), .type("\r"), .expect("今日练习：5 道题"), .expect("答案> "), .type(":q\r"),
            .expect("请选择 [1-4/q]："), .type("q\r"),
        ], runner: runner)
        XCTAssertNil(report.failure, report.transcript)
        XCTAssertEqual(report.status, 0, report.transcript)
    }

    func testBadCombinationsAreUsageErrors() throws {
        XCTAssertEqual(try runner.run(["practice", "--due", "--wrong", "--staff", "S1"]).status, 64)
        XCTAssertEqual(try runner.run(["practice", "--due", "--budget-due", "-1", "--staff", "S1"]).status, 64)
        XCTAssertEqual(try runner.run(["progress"]).status, 64)
    }
}
