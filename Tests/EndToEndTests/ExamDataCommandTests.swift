import Foundation
import LawQuizCore
import LawQuizStore
import XCTest

/// `exam list`, `exam check`, `roster import/list` and `history` through the
/// built binary, off a terminal.
final class ExamDataCommandTests: XCTestCase {
    var runner = DataCommandRunner()

    override func setUp() {
        runner = DataCommandRunner()
    }

    override func tearDown() {
        runner.cleanUp()
    }

    /// A banks root with the real statutes and banks and its own exams folder.
    func banksWithExams(_ files: [String: String]) throws -> URL { try runner.banksWithExams(files) }

    func testExamListShowsTheShippedExams() throws {
        let output = try runner.run(["exam", "list"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("2023-annual"))
        XCTAssertTrue(output.stdout.contains("2023年度学法考试"))
        XCTAssertTrue(output.stdout.contains("demo"))
        let lines = output.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(Set(lines.prefix(2).map { DisplayWidth.of($0) }).count, 1, "header and rule line up")
    }

    func testExamCheckPassesForShippedExamsAndFailsForAnOversizedOne() throws {
        let ok = try runner.run(["exam", "check", "2023-annual"])
        XCTAssertEqual(ok.status, 0, ok.stderr)
        XCTAssertTrue(ok.stdout.contains("可以组卷"), ok.stdout)
        let cases = try runner.run(["exam", "check", "2024-annual"])
        XCTAssertEqual(cases.status, 0, cases.stderr)
        XCTAssertTrue(cases.stdout.contains("标签 案例") && cases.stdout.contains("可以组卷"), cases.stdout)

        runner.banks = try banksWithExams([
            "huge.yaml": """
                id: huge
                title: 超大考试
                time_limit_minutes: 10
                sections:
                  - { law: archives, type: single, count: 2, points: 1 }
                  - { law: archives, type: judge, count: 998, points: 1 }
                """,
        ])
        let short = try runner.run(["exam", "check", "huge"])
        XCTAssertEqual(short.status, 1)
        XCTAssertTrue(short.stdout.contains("缺 "), short.stdout)
        XCTAssertTrue(short.stdout.contains("无法保证组卷"))
        let unknown = try runner.run(["exam", "check", "nope"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("找不到考试 “nope”"), unknown.stderr)
    }

    func testBrokenExamFileIsReportedWithFileAndLine() throws {
        runner.banks = try banksWithExams([
            "bad.yaml": "id: bad\ntitle: 坏\ntime_limit_minutes: 10\nsections:\n  - { type: essay, count: 1, points: 1 }\n",
        ])
        let list = try runner.run(["exam", "list"])
        XCTAssertEqual(list.status, 1)
        XCTAssertTrue(list.stderr.contains("bad.yaml:5: 题型 “essay” 无效"), list.stderr)
        let check = try runner.run(["exam", "check", "bad"])
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(check.stderr.contains("bad.yaml:5:"), check.stderr)
    }

    /// Issue 9: `points: .inf` and a huge count used to trap `exam list` for everyone.
    func testHostileNumbersInOneExamFileLeaveTheOthersListed() throws {
        let base = "title: 坏\ntime_limit_minutes: 10\nsections:\n"
        runner.banks = try banksWithExams([
            "ok.yaml": "id: ok\n" + base + "  - { type: judge, count: 2, points: 50 }\n",
            "inf.yaml": "id: inf\n" + base + "  - { type: judge, count: 1, points: .inf }\n",
            "huge.yaml": "id: huge\n" + base + "  - { type: judge, count: 9223372036854775807, points: 1 }\n",
            "dup.yaml": "id: ok\n" + base + "  - { type: judge, count: 1, points: 100 }\n",
            "fine.yaml": "id: fine\n" + base + "  - { type: judge, count: 1, points: 100 }\n",
        ])
        let list = try runner.run(["exam", "list"])
        XCTAssertEqual(list.status, 1, list.stderr)
        XCTAssertTrue(list.stderr.contains("inf.yaml:5: 该部分的 points"), list.stderr)
        XCTAssertTrue(list.stderr.contains("huge.yaml:5: 该部分的 count"), list.stderr)
        XCTAssertTrue(list.stderr.contains("考试编号 ok 重复"), list.stderr)
        XCTAssertTrue(list.stderr.contains("dup.yaml") && list.stderr.contains("ok.yaml"), list.stderr)
        XCTAssertTrue(list.stdout.contains("fine"), "the sound exam is still listed: \(list.stdout)")
    }

    func writeCSV(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(at: runner.folder, withIntermediateDirectories: true)
        let url = runner.folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testRosterImportReimportAndList() throws {
        let first = try writeCSV("a.csv", "工号,姓名,部门\n1001,张伟,综合办公室/秘书科\n1002,李娜,生产技术部/安全科\n1003,王芳,财务部\n")
        let imported = try runner.run(["roster", "import", first])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("新增 3 人"), imported.stdout)
        if runner.server == nil {
            XCTAssertTrue(FileManager.default.fileExists(atPath: runner.results.path), "Results folder and file created")
        }

        let second = try writeCSV("b.csv", "工号,姓名,部门\n1001,张伟,综合办公室/秘书科\n1002,李娜,生产技术部/设备科\n1004,赵六,财务部\n")
        let again = try runner.run(["roster", "import", second])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("新增 1 人，变更 1 人，不再列出 1 人，未变 1 人"), again.stdout)
        XCTAssertTrue(again.stdout.contains("新增  1004  赵六"))
        XCTAssertTrue(again.stdout.contains("部门 生产技术部/安全科 → 生产技术部/设备科"))
        XCTAssertTrue(again.stdout.contains("不在册  1003  王芳"))

        let list = try runner.run(["roster", "list"])
        XCTAssertEqual(list.status, 0)
        XCTAssertFalse(list.stdout.contains("王芳"))
        XCTAssertTrue(list.stdout.contains("共 3 人"))
        // Columns line up: the 部门 column starts at the same cell on every row.
        let rows = list.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("共") && !$0.hasPrefix("-") }
        let starts = rows.map { row in DisplayWidth.of(String(row.prefix { !"综生财部".contains($0) })) }
        XCTAssertEqual(Set(starts).count, 1, list.stdout)
        let all = try runner.run(["roster", "list", "--all"])
        XCTAssertTrue(all.stdout.contains("王芳") && all.stdout.contains("不在册"))
        let department = try runner.run(["roster", "list", "--department", "财务部"])
        XCTAssertTrue(department.stdout.contains("赵六") && !department.stdout.contains("张伟"))
    }

    func testRosterImportReadsGBKAndBOM() throws {
        let fixtures = DataCommandRunner.repositoryRoot.appendingPathComponent("Tests/LawQuizCoreTests/Fixtures/roster")
        let gbk = try runner.run(["roster", "import", fixtures.appendingPathComponent("roster-gbk.csv").path])
        XCTAssertEqual(gbk.status, 0, gbk.stderr)
        XCTAssertTrue(gbk.stdout.contains("GBK/GB18030"), gbk.stdout)
        XCTAssertTrue(gbk.stdout.contains("新增 3 人"))
        XCTAssertTrue(gbk.stdout.contains("张伟"))
        let bom = try runner.run(["roster", "import", fixtures.appendingPathComponent("roster-bom.csv").path])
        XCTAssertEqual(bom.status, 0, bom.stderr)
        XCTAssertTrue(bom.stdout.contains("未变 3 人"), "the same people, whatever the encoding: \(bom.stdout)")
        // A GBK file made here with iconv, as Excel on Chinese Windows would save it.
        let source = try writeCSV("new.csv", "工号,姓名,部门\n2001,欧阳娜娜,档案室\n")
        let converted = runner.folder.appendingPathComponent("new-gbk.csv")
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", source]
        XCTAssertTrue(FileManager.default.createFile(atPath: converted.path, contents: nil))
        iconv.standardOutput = try FileHandle(forWritingTo: converted)
        try iconv.run()
        iconv.waitUntilExit()
        XCTAssertNil(String(data: try Data(contentsOf: converted), encoding: .utf8))
        let made = try runner.run(["roster", "import", converted.path])
        XCTAssertTrue(made.stdout.contains("欧阳娜娜"), made.stdout + made.stderr)
    }

    func testRosterErrorsAreLineNumberedAndNothingIsImported() throws {
        let path = try writeCSV("bad.csv", "工号,姓名,部门\n1001,张伟,办公室\n1001,李娜,办公室\n1003,,办公室\n")
        let output = try runner.run(["roster", "import", path])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("bad.csv:3: 工号 1001 重复"), output.stderr)
        XCTAssertTrue(output.stderr.contains("bad.csv:4: 工号 1003 的姓名为空"), output.stderr)
        XCTAssertTrue(try runner.run(["roster", "list"]).stdout.contains("尚未导入花名册"))
        let columns = try runner.run(["roster", "import", try writeCSV("cols.csv", "id,name\n1,a\n")])
        XCTAssertEqual(columns.status, 2)
        XCTAssertTrue(columns.stderr.contains("cols.csv:1: 表头缺少列：部门"), columns.stderr)
        let missing = try runner.run(["roster", "import", "/nonexistent/roster.csv"])
        XCTAssertEqual(missing.status, 2)
    }

    func testHistoryListsAttemptsAndShowsExpiredOnesAsRecordedWithoutWriting() throws {
        let empty = try runner.run(["history", "--staff", "1001"])
        XCTAssertEqual(empty.status, 0)
        XCTAssertTrue(empty.stdout.contains("没有考试记录"))

        // Sit the demo exam through the service, as `exam take` does.
        let catalog = try BankCatalog.load(root: runner.banks)
        let demo = try ExamCatalog.load(folder: runner.banks.appendingPathComponent("exams"), library: catalog.library).definition("demo")
        let store = try runner.openStore()
        let service = AttemptService(store: store, catalog: catalog)
        guard case .session(let sitting) = try service.begin(exam: demo, staffID: "1001") else { return XCTFail() }
        for item in sitting.items.prefix(3) {
            try service.recordAnswer(item.question.answer, attemptID: sitting.attempt.id, itemIndex: item.item.index)
        }
        _ = try service.submit(attemptID: sitting.attempt.id, exam: demo, reason: .byPerson)
        // A second attempt left in progress two hours ago: its deadline has passed.
        let past = ManualWallClock(Date().addingTimeInterval(-7200))
        let late = AttemptService(store: store, catalog: catalog, clock: past)
        guard case .session(let left) = try late.begin(exam: demo, staffID: "1001") else { return XCTFail() }
        try late.recordAnswer(left.items[0].question.answer, attemptID: left.attempt.id, itemIndex: 0)

        let history = try runner.run(["history", "--staff", "1001"])
        XCTAssertEqual(history.status, 0, history.stderr)
        XCTAssertTrue(history.stdout.contains("学法考试体验（5题）（模拟）"), history.stdout)
        XCTAssertTrue(history.stdout.contains("60/100"), history.stdout)
        XCTAssertTrue(history.stdout.contains("合格"))
        XCTAssertTrue(history.stdout.contains("20/100"), "the expired attempt is graded on its saved answer")
        XCTAssertTrue(history.stdout.contains("超时后系统交卷"))
        let everyone = try runner.run(["history"])
        XCTAssertTrue(everyone.stdout.contains("1001"))
        XCTAssertTrue(everyone.stdout.contains("20/100"))
        XCTAssertEqual(try store.attempt(left.attempt.id)?.status, .inProgress, "a listing writes nobody's attempt")
    }

    func testCorruptStoreExitsWithStatus4() throws {
        runner = DataCommandRunner(sqliteOnly: true)
        try FileManager.default.createDirectory(at: runner.results.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(String(repeating: "坏", count: 2000).utf8).write(to: runner.results)
        let output = try runner.run(["roster", "list"])
        XCTAssertEqual(output.status, 4)
        XCTAssertTrue(output.stderr.contains("已损坏"), output.stderr)
    }

    func testSeveralProcessesOpenAFreshStoreAtOnce() throws {
        let path = try writeCSV("r.csv", "工号,姓名,部门\n1001,张伟,办公室\n")
        let runner = self.runner
        let statuses = StatusBox()
        DispatchQueue.concurrentPerform(iterations: 6) { position in
            let output = try? runner.run(position.isMultiple(of: 2) ? ["roster", "import", path] : ["history"])
            statuses.add(output.map { "\($0.status) \($0.stderr)" } ?? "did not run")
        }
        XCTAssertEqual(statuses.all.sorted(), Array(repeating: "0 ", count: 6))
    }
}

final class StatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String] = []
    func add(_ value: String) { lock.withLock { values.append(value) } }
    var all: [String] { lock.withLock { values } }
}
