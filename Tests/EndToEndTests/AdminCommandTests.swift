import Foundation
import LawQuizCore
import LawQuizStore
import XCTest

/// `stats`, `absent`, `items` and `export` run through the built binary on a
/// small store sat the real way (see AdminSampleStore for the fixture).
final class AdminCommandTests: AdminSampleTestCase {
    func run(_ arguments: [String]) throws -> DataCommandRunner.Output {
        try runner.run(arguments, environment: ["TZ": "Asia/Shanghai", "COLUMNS": "100"])
    }

    func testStatsSummaryWithBothDenominators() throws {
        let output = try run(["stats", "annual"])
        XCTAssertEqual(output.status, 0, output.stderr)
        for line in [
            "参考率                   4/5 = 80.0%", "合格率（按参考人数）  4/4 = 100.0%", "合格率（按应考人数）   4/5 = 80.0%",
            "优秀率（按参考人数）   2/4 = 50.0%", "优秀率（按应考人数）   2/5 = 40.0%",
        ] {
            let normalised = output.stdout.replacingOccurrences(of: " ", with: "")
            XCTAssertTrue(normalised.contains(line.replacingOccurrences(of: " ", with: "")), "missing \(line) in\n\(output.stdout)")
        }
        XCTAssertTrue(output.stdout.contains("90–100"))
        XCTAssertTrue(output.stdout.contains("█"))
        XCTAssertTrue(output.stdout.contains("补考：取正考与补考中较高分（annual-makeup）"))
    }

    func testStatsJSON() throws {
        let output = try run(["stats", "annual", "--format", "json", "--by", "department"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(root["summary"] as? [String: Any])
        XCTAssertEqual(summary["required"] as? Int, 5)
        XCTAssertEqual(summary["sat"] as? Int, 4)
        XCTAssertEqual(summary["passed"] as? Int, 4)
        XCTAssertEqual(summary["excellent"] as? Int, 2)
        XCTAssertEqual(summary["exempt"] as? Int, 1)
        XCTAssertEqual(summary["countedFromMakeup"] as? Int, 1)
        XCTAssertEqual(summary["uncountedSitters"] as? Int, 1, "1006 left the roster")
        XCTAssertEqual((summary["participationRate"] as? [String: Any])?["text"] as? String, "4/5 = 80.0%")
        let departments = try XCTUnwrap(root["departments"] as? [[String: Any]])
        let archive = try XCTUnwrap(departments.first { $0["department"] as? String == "综合办公室/档案室" })
        XCTAssertEqual(archive["required"] as? Int, 0, "a department with no one required")
        let office = try XCTUnwrap(departments.first { $0["department"] as? String == "综合办公室" })
        XCTAssertEqual(office["required"] as? Int, 2)
        XCTAssertEqual(office["unitsRequired"] as? Int, 2)
    }

    func testStatsByDepartmentLawAndType() throws {
        let departments = try run(["stats", "annual", "--by", "department"])
        XCTAssertEqual(departments.status, 0, departments.stderr)
        XCTAssertTrue(departments.stdout.contains("档案室"))
        XCTAssertTrue(departments.stdout.contains("0/0 = —"))
        let laws = try run(["stats", "annual", "--by", "law", "--format", "csv"])
        XCTAssertEqual(laws.status, 0, laws.stderr)
        let records = try CSVReader.records(laws.stdout).map(\.fields)
        XCTAssertEqual(records.first?.first, "法律")
        // Counted attempts: 1001 (4 right), 1002 (5), 1004 make-up (3), 1005 (5): 20 items, 17 right.
        let total = records.dropFirst().reduce(0) { $0 + (Int($1[1]) ?? 0) }
        let right = records.dropFirst().reduce(0) { $0 + (Int($1[2]) ?? 0) }
        XCTAssertEqual([total, right], [20, 17])
        let types = try run(["stats", "annual", "--by", "type"])
        XCTAssertTrue(types.stdout.contains("判断题"), types.stdout)
    }

    func testAbsentList() throws {
        let table = try run(["absent", "annual"])
        XCTAssertEqual(table.status, 0, table.stderr)
        XCTAssertTrue(table.stdout.contains("1003"))
        XCTAssertTrue(table.stdout.contains("王五"))
        XCTAssertFalse(table.stdout.contains("1007"), "exempt people are not absent")
        XCTAssertFalse(table.stdout.contains("1006"), "people who left are not absent")
        let csv = try run(["absent", "annual", "--format", "csv"])
        XCTAssertEqual(try CSVReader.records(csv.stdout).map(\.fields), [["部门", "工号", "姓名"], ["财务处", "1003", "王五"]])
    }

    func testStatsAndAbsentWriteCSVFiles() throws {
        let file = runner.folder.appendingPathComponent("stats.csv")
        let stats = try run(["stats", "annual", "--by", "department", "--output", file.path])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertEqual(stats.stdout, "", "the CSV goes to the file")
        let bytes = try Data(contentsOf: file)
        XCTAssertEqual(Array(bytes.prefix(3)), CSVFormat.byteOrderMark)
        XCTAssertTrue(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("部门,"))
        let again = try run(["stats", "annual", "--output", file.path])
        XCTAssertNotEqual(again.status, 0, "no overwrite without --force")
        XCTAssertEqual(try Data(contentsOf: file), bytes)
        let absentFile = runner.folder.appendingPathComponent("absent.csv")
        let absent = try run(["absent", "annual", "-o", absentFile.path])
        XCTAssertEqual(absent.status, 0, absent.stderr)
        let text = String(decoding: try Data(contentsOf: absentFile).dropFirst(3), as: UTF8.self)
        XCTAssertEqual(try CSVReader.records(text).map(\.fields), [["部门", "工号", "姓名"], ["财务处", "1003", "王五"]])
        XCTAssertEqual(try run(["stats", "annual", "--format", "json", "--output", file.path, "--force"]).status, 64)
    }

    func testStatsJSONDatesAreISO8601() throws {
        let output = try run(["stats", "annual", "--format", "json"])
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let generated = try XCTUnwrap((root["exam"] as? [String: Any])?["generatedAt"] as? String)
        XCTAssertNotNil(ISO8601DateFormatter().date(from: generated), generated)
    }

    /// 1003 starts the exam, answers everything right and never comes back:
    /// once the deadline has passed every report counts them, nothing is written.
    func testOverdueAttemptCountsEverywhereWithoutWriting() throws {
        let library = try LawLibrary.load(from: sample.banksRoot.appendingPathComponent("statutes"))
        let catalog = try BankCatalog.load(root: sample.banksRoot)
        let exam = try ExamCatalog.load(folder: sample.banksRoot.appendingPathComponent("exams"), library: library).definition("annual")
        let store = try runner.openStore()
        let service = AttemptService(store: store, catalog: catalog, clock: ManualWallClock(Date().addingTimeInterval(-3600)))
        guard case .session(let open) = try service.begin(exam: exam, staffID: "1003") else { return XCTFail("no session") }
        for item in open.items { try service.recordAnswer(item.question.answer, attemptID: open.attempt.id, itemIndex: item.item.index) }
        let stats = try run(["stats", "annual", "--format", "json"])
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(root["summary"] as? [String: Any])
        XCTAssertEqual(summary["sat"] as? Int, 5)
        XCTAssertEqual(summary["excellent"] as? Int, 3)
        let absent = try run(["absent", "annual", "--format", "csv"])
        XCTAssertFalse(absent.stdout.contains("1003"), absent.stdout)
        let json = runner.folder.appendingPathComponent("r.json")
        XCTAssertEqual(try run(["export", "annual", "--format", "json", "-o", json.path]).status, 0)
        let export = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let attempt = try XCTUnwrap((export["attempts"] as? [[String: Any]])?.first { $0["id"] as? Int == Int(open.attempt.id) })
        XCTAssertEqual(attempt["score"] as? Int, 100)
        XCTAssertEqual(attempt["submitReason"] as? String, "expired")
        XCTAssertEqual(attempt["counted"] as? Bool, true)
        XCTAssertEqual(try store.attempt(open.attempt.id)?.status, .inProgress, "reports write nothing")
    }

    func testItemsReport() throws {
        let output = try run(["items", "annual"])
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("内部一致性系数"))
        XCTAssertTrue(output.stdout.contains("难度系数F"))
        let json = try run(["items", "annual", "--format", "json"])
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((root["test"] as? [String: Any])?["attempts"] as? Int, 4)
        let items = try XCTUnwrap(root["items"] as? [[String: Any]])
        XCTAssertEqual(items.reduce(0) { $0 + ($1["drawn"] as? Int ?? 0) }, 20)
        XCTAssertTrue(items.allSatisfy { $0["article"] is Int }, "articles come from the banks")
        let help = try run(["items", "--help"])
        XCTAssertTrue(help.stdout.contains("Moodle"))
        XCTAssertTrue(help.stdout.contains("Cronbach"))
    }

    func testErrorsLeaveTheStoreAlone() throws {
        // A file store is compared byte for byte (a server store: the verify below).
        let before = runner.server == nil ? try Data(contentsOf: runner.results) : Data()
        let unknown = try run(["stats", "nope"])
        XCTAssertNotEqual(unknown.status, 0)
        XCTAssertTrue(unknown.stderr.contains("错误："), unknown.stderr)
        let mock = try run(["stats", "mock"])
        XCTAssertEqual(mock.status, 2)
        XCTAssertTrue(mock.stderr.contains("不是正式考试"), mock.stderr)
        if runner.server == nil { XCTAssertEqual(try Data(contentsOf: runner.results), before) }
        let missing = runner.folder.appendingPathComponent("none/lawquiz.sqlite")
        let absentStore = try runner.run(["stats", "annual", "--results", missing.path])
        XCTAssertEqual(absentStore.status, 4)
        XCTAssertTrue(absentStore.stderr.contains("不存在"), absentStore.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path), "nothing created")
        let corrupt = runner.folder.appendingPathComponent("corrupt.sqlite")
        let garbage = Data(repeating: 0x5A, count: 8192)
        try garbage.write(to: corrupt)
        let broken = try runner.run(["stats", "annual", "--results", corrupt.path])
        XCTAssertEqual(broken.status, 4)
        XCTAssertTrue(broken.stderr.contains("损坏"), broken.stderr)
        XCTAssertEqual(try Data(contentsOf: corrupt), garbage)
    }

    func testEmptyRosterAndNoOneRequired() throws {
        let empty = runner.folder.appendingPathComponent("empty/lawquiz.sqlite")
        let created = try runner.run(["roster", "list", "--results", empty.path])
        XCTAssertEqual(created.status, 0, created.stderr)
        let noRoster = try runner.run(["stats", "annual", "--results", empty.path])
        XCTAssertEqual(noRoster.status, 2)
        XCTAssertTrue(noRoster.stderr.contains("尚未导入花名册"), noRoster.stderr)
        let scoped = AdminSampleStore.annual + "\nrequired_departments: [不存在的部门]\n"
        try scoped.replacingOccurrences(of: "id: annual\n", with: "id: scoped\n")
            .write(to: sample.banksRoot.appendingPathComponent("exams/scoped.yaml"), atomically: true, encoding: .utf8)
        let nobody = try run(["stats", "scoped"])
        XCTAssertEqual(nobody.status, 2)
        XCTAssertTrue(nobody.stderr.contains("没有应考人员"), nobody.stderr)
    }
}
