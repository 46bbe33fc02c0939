import Foundation
import LawQuizCore
import XCTest

/// Every listing and session screen fits the terminal it is shown on: run on
/// a pseudo-terminal of 80 and of 60 columns, no printed line is wider. The
/// widest line through a pipe (tables unlimited, as before this rule) is
/// printed beside it for comparison.
final class TerminalWidthTests: XCTestCase {
    var sample: AdminSampleStore!
    var runner: DataCommandRunner { sample.runner }

    override func setUpWithError() throws {
        sample = try AdminSampleStore(annualTitle: "2026 年度全市机关工作人员学法用法考试（安全生产法、档案法、国家安全法）")
    }

    override func tearDownWithError() throws {
        sample?.runner.cleanUp()
    }

    static let listings: [[String]] = [
        ["history"], ["history", "--staff", "1001"], ["exam", "list"], ["bank", "list"], ["bank", "coverage"],
        ["stats", "annual"], ["stats", "annual", "--by", "department"], ["stats", "annual", "--by", "law"],
        ["stats", "annual", "--by", "type"], ["absent", "annual"], ["items", "annual"], ["roster", "list", "--all"],
        ["law", "list"], ["law", "search", "档案", "利用"], ["law", "show", "安全生产法", "21"],
    ]

    /// Widest line of a transcript in display cells.
    static func widest(_ text: String) -> Int {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayWidth.of(String($0)) }.max() ?? 0
    }

    private func onTerminal(_ arguments: [String], columns: Int, steps: [TerminalDriver.Step] = []) throws -> TerminalDriver.Report {
        try TerminalDriver.run(
            arguments, steps: steps, runner: runner, size: (columns, 24),
            environment: ["TZ": "Asia/Shanghai", "LAWQUIZ_PAGER": "cat", "LAWQUIZ_BANKS": sample.banksRoot.path])
    }

    func testEveryListingFitsEightyAndSixtyColumns() throws {
        var figures: [String] = []
        for arguments in Self.listings {
            let piped = try runner.run(arguments, environment: ["TZ": "Asia/Shanghai"])
            XCTAssertEqual(piped.status, 0, "\(arguments): \(piped.stderr)")
            var row = "\(arguments.joined(separator: " ")): pipe \(Self.widest(piped.stdout))"
            for columns in [80, 60] {
                let report = try onTerminal(arguments, columns: columns)
                XCTAssertNil(report.failure, report.transcript)
                XCTAssertEqual(report.status, 0, "\(arguments) at \(columns): \(report.transcript)")
                for line in report.transcript.split(separator: "\n") where DisplayWidth.of(String(line)) > columns {
                    XCTFail("\(arguments) at \(columns) columns: \(DisplayWidth.of(String(line))) cells: \(line)")
                }
                row += ", \(columns) cols \(Self.widest(report.transcript))"
            }
            figures.append(row)
        }
        print("widest line per command (cells):\n  " + figures.joined(separator: "\n  "))
    }

    /// The rules screen, the question, the answer map, :h, the submit
    /// confirmation and the result screen at 80 and 60 columns.
    func testExamScreensFitEightyAndSixtyColumns() throws {
        for (columns, exam, staff, answer) in [(80, "annual", "1003", "A"), (60, "mock", "1007", "对")] {
            let report = try onTerminal(["exam", "take", exam, "--staff", staff], columns: columns, steps: [
                .expect("答案> "), .type(answer + "\r"), .expect("答案> "), .type(":l\r"), .expect("答题卡"), .expect("答案> "),
                .type(":h\r"), .expect("命令："), .expect("答案> "), .type(":s\r"), .expect("未作答"), .type("y\r"), .expect("得分"),
            ])
            XCTAssertNil(report.failure, report.transcript)
            XCTAssertEqual(report.status, 0, report.transcript)
            for line in report.transcript.split(separator: "\n") where DisplayWidth.of(String(line)) > columns {
                XCTFail("\(columns) columns: \(DisplayWidth.of(String(line))) cells: \(line)")
            }
            print("exam take at \(columns) cols: widest line \(Self.widest(report.transcript))")
        }
    }

    /// An error message on a terminal wraps like everything else.
    func testErrorsWrapOnATerminal() throws {
        let report = try onTerminal(["exam", "take", "mock", "--staff", "1003"], columns: 60)
        XCTAssertEqual(report.status, 2, report.transcript)
        XCTAssertTrue(report.transcript.contains("不能再次参加"), report.transcript)
        for line in report.transcript.split(separator: "\n") where DisplayWidth.of(String(line)) > 60 {
            XCTFail("\(DisplayWidth.of(String(line))) cells: \(line)")
        }
    }

    /// Practice: question, feedback with the article and the summary at 60 columns.
    func testPracticeScreensFitSixtyColumns() throws {
        let report = try onTerminal(["practice", "--staff", "1003", "--type", "单选", "--count", "2"], columns: 60, steps: [
            .expect("答案> "), .type("A\r"), .expect("答案> "), .type("B\r"), .expect("本次练习答题"),
        ])
        XCTAssertNil(report.failure, report.transcript)
        for line in report.transcript.split(separator: "\n") where DisplayWidth.of(String(line)) > 60 {
            XCTFail("\(DisplayWidth.of(String(line))) cells: \(line)")
        }
    }

    /// The menu: the law table and the exam list at 60 columns.
    func testMenuFitsSixtyColumns() throws {
        let report = try onTerminal([], columns: 60, steps: [
            .expect("请选择"), .type("1\r"), .expect("回车返回"), .type("\r"), .expect("请选择"), .type("3\r"),
            .expect("回车返回"), .type("\r"), .expect("请选择"), .type("q\r"),
        ])
        XCTAssertNil(report.failure, report.transcript)
        XCTAssertTrue(report.transcript.contains("国家安全法）"), report.transcript)
        for line in report.transcript.split(separator: "\n") where DisplayWidth.of(String(line)) > 60 {
            XCTFail("\(DisplayWidth.of(String(line))) cells: \(line)")
        }
    }

    /// Long output goes through $LAWQUIZ_PAGER on a terminal taller than the
    /// screen; --no-pager and pipes bypass it.
    func testLongOutputGoesThroughThePager() throws {
        let environment = ["LAWQUIZ_PAGER": "sed s/^/PAGED:/", "LAWQUIZ_BANKS": sample.banksRoot.path]
        let paged = try TerminalDriver.run(["law", "search", "档案", "利用"], steps: [], runner: runner, size: (80, 24), environment: environment)
        XCTAssertEqual(paged.status, 0, paged.transcript)
        XCTAssertTrue(paged.transcript.contains("PAGED:共 "), paged.transcript)
        let bypassed = try TerminalDriver.run(
            ["law", "search", "档案", "利用", "--no-pager"], steps: [], runner: runner, size: (80, 24), environment: environment)
        XCTAssertFalse(bypassed.transcript.contains("PAGED:"), bypassed.transcript)
        XCTAssertTrue(bypassed.transcript.contains("共 "), bypassed.transcript)
        let short = try TerminalDriver.run(["law", "show", "档案法", "1"], steps: [], runner: runner, size: (80, 24), environment: environment)
        XCTAssertFalse(short.transcript.contains("PAGED:"), "a screenful is printed as it is: \(short.transcript)")
        let piped = try runner.run(["law", "search", "档案", "利用"], environment: environment)
        XCTAssertFalse(piped.stdout.contains("PAGED:"), piped.stdout)
    }
}

/// Escape sequences in titles, names and 工号 never reach the terminal.
final class TerminalSanitiserTests: XCTestCase {
    func testHostileExamTitleIsShownInert() throws {
        let sample = try AdminSampleStore(annualTitle: #""\e]0;evil\a\e[2J年度学法考试""#)
        defer { sample.runner.cleanUp() }
        for arguments in [["exam", "list"], ["history"], ["stats", "annual"], ["stats", "annual", "--by", "department"], ["absent", "annual"]] {
            let output = try sample.runner.run(arguments)
            XCTAssertEqual(output.status, 0, "\(arguments): \(output.stderr)")
            XCTAssertFalse(output.stdout.utf8.contains(0x1B), "\(arguments) printed ESC: \(output.stdout)")
            XCTAssertFalse(output.stdout.utf8.contains(0x07), "\(arguments) printed BEL")
            XCTAssertTrue(output.stdout.contains("^[]0;evil^G^[[2J年度学法考试"), "\(arguments): \(output.stdout)")
        }
    }

    func testEchoedArgumentsInErrorsAreShownInert() throws {
        let runner = DataCommandRunner()
        defer { runner.cleanUp() }
        for (arguments, status) in [(["law", "show", "\u{1B}[2J安全", "1"], 2), (["law", "list", "--x\u{1B}]0;evil\u{07}"], 64)] {
            let output = try runner.run(arguments)
            XCTAssertEqual(output.status, Int32(status), output.stderr)
            XCTAssertFalse((output.stdout + output.stderr).utf8.contains(0x1B), "\(arguments): \(output.stderr)")
            XCTAssertTrue(output.stderr.contains("^["), output.stderr)
        }
    }

    func testStaffIDWithControlCharactersIsRefusedBeforeAnythingIsStored() throws {
        let runner = DataCommandRunner()
        defer { runner.cleanUp() }
        for arguments in [
            ["exam", "take", "demo", "--staff", "\u{1B}]0;evil\u{07}\u{1B}[2J9999"], ["practice", "--staff", "10\u{200B}01"],
            ["history", "--staff", "\u{1B}[2J1001"],
        ] {
            let output = try runner.run(arguments, input: "A\n")
            XCTAssertEqual(output.status, 2, "\(arguments): \(output.stdout) \(output.stderr)")
            XCTAssertTrue(output.stderr.contains("工号含有"), output.stderr)
            XCTAssertFalse((output.stdout + output.stderr).utf8.contains(0x1B), "\(arguments)")
        }
        let history = try runner.run(["history"])
        XCTAssertTrue(history.stdout.contains("还没有考试记录"), history.stdout)
    }
}
