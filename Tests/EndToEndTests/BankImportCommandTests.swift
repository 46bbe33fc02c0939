import Foundation
import XCTest

/// `bank import`, `bank export`, `bank ground` and `law cite` through the built binary.
final class BankImportCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-bankio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    private func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        return path(name)
    }

    func testImportWritesALintCleanBankWithGroundingWarningsAndRefusesToOverwrite() throws {
        let csv = try write("题库.csv", """
            安全生产法学法题库
            题型,题干,选项A,选项B,选项C,选项D,正确答案,解析
            单选题,生产经营单位的安全生产第一责任人是（ ）。,分管负责人,主要负责人,安全员,工会主席,B,
            判断,从业人员有依法获得安全生产保障的权利。,,,,,√,

            """)
        let runner = DataCommandRunner()
        defer { runner.cleanUp() }
        let output = path("office.yaml")
        let imported = try runner.run(["bank", "import", csv, "--output", output])
        XCTAssertEqual(imported.status, 0, imported.stdout + imported.stderr)
        XCTAssertTrue(imported.stdout.contains("已导入 2 道题（单选 1，多选 0，判断 1）"), imported.stdout)
        let yaml = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(yaml.contains("grounding: auto"), yaml)
        XCTAssertTrue(yaml.contains("article: 5"), yaml)
        let lint = try runner.run(["bank", "lint", output])
        XCTAssertEqual(lint.status, 0, lint.stdout)
        XCTAssertTrue(lint.stdout.contains("\(output):4: 警告：office-001 的条文依据为自动定位（《安全生产法》第五条"), lint.stdout)
        XCTAssertTrue(lint.stdout.contains("2 道自动定位的题目待核对"), lint.stdout)

        let again = try runner.run(["bank", "import", csv, "--output", output])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("已存在"), again.stderr)
        XCTAssertEqual(try String(contentsOfFile: output, encoding: .utf8), yaml)
        XCTAssertEqual(try runner.run(["bank", "import", csv, "--output", output, "--force"]).status, 0)
    }

    func testImportWithProblemsWritesNothingUnlessSkipBad() throws {
        let gift = try write("bank.gift", """
            ::a:: 生产经营单位的主要负责人是本单位安全生产第一责任人。{T}

            ::b:: 坏题 {~%30%甲 ~%30%乙 ~丙}

            ::c:: 请简述。{}

            """)
        let runner = DataCommandRunner()
        defer { runner.cleanUp() }
        let output = path("gift.yaml")
        let refused = try runner.run(["bank", "import", gift, "--output", output])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stdout.contains("\(gift):3: 答案权重无法识别"), refused.stdout)
        XCTAssertTrue(refused.stdout.contains("\(gift):5: 提示：问答题（essay）不受支持，已跳过"), refused.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output))
        let skipped = try runner.run(["bank", "import", gift, "--output", output, "--skip-bad"])
        XCTAssertEqual(skipped.status, 1)
        XCTAssertTrue(skipped.stdout.contains("已导入 1 道题"), skipped.stdout)
        XCTAssertEqual(try runner.run(["bank", "lint", output]).status, 0)

        // A cell with an escape sequence is reported, and echoed inert.
        let hostile = try write("hostile.csv", "题型,题干,答案\n判断,从业人员有依法获得安全生产保障的权利。,\u{1B}]0;owned\u{07}\n")
        let echoed = try runner.run(["bank", "import", hostile, "--output", path("h.yaml")])
        XCTAssertEqual(echoed.status, 1)
        XCTAssertFalse(echoed.stdout.contains("\u{1B}"), echoed.stdout)
        XCTAssertTrue(echoed.stdout.contains("^[]0;owned^G"), echoed.stdout)

        let unreadable = try runner.run(["bank", "import", path("missing.csv"), "--output", path("x.yaml")])
        XCTAssertEqual(unreadable.status, 2)
    }

    func testExportEveryFormatAndImportItBack() throws {
        let runner = DataCommandRunner()
        defer { runner.cleanUp() }
        let bank = DataCommandRunner.repositoryRoot.appendingPathComponent("QuestionBanks/banks/archives.yaml").path
        for (format, name) in [("gift", "a.gift"), ("moodle-xml", "a.xml"), ("excel", "a.xlsx"), ("aiken", "a.txt")] {
            let exported = try runner.run(["bank", "export", bank, "--format", format, "--output", path(name)])
            XCTAssertEqual(exported.status, 0, format + exported.stdout + exported.stderr)
            let back = try runner.run(["bank", "import", path(name), "--format", format, "--output", path("back-\(format).yaml")])
            XCTAssertEqual(back.status, 0, format + back.stdout)
            if format == "aiken" {
                XCTAssertTrue(exported.stdout.contains("未导出多选和判断题"), exported.stdout)
            } else {
                XCTAssertTrue(back.stdout.contains("已导入 \(exported.stdout.split(separator: " ")[1]) 道题"), back.stdout + exported.stdout)
            }
        }
        let again = try runner.run(["bank", "export", bank, "--format", "gift", "--output", path("a.gift")])
        XCTAssertEqual(again.status, 2, "an existing output is kept without --force")
    }

    func testGroundADraftAndCite() throws {
        let draft = try write("draft.yaml", """
            questions:
              - id: d-1
                type: judge
                stem: 国家安全工作应当坚持总体国家安全观。
                answer: true
                explanation: 待核对。
              - id: d-2
                type: judge
                law: archives
                article: 1
                grounding: reviewed
                stem: 从业人员有依法获得安全生产保障的权利。
                answer: true
                evidence: 为了加强档案管理
                explanation: 人工核对过的题目不改动（即便条文选得不对）。

            """)
        let runner = DataCommandRunner()
        defer { runner.cleanUp() }
        let grounded = try runner.run(["bank", "ground", draft])
        XCTAssertEqual(grounded.status, 0, grounded.stdout + grounded.stderr)
        let yaml = try String(contentsOfFile: draft, encoding: .utf8)
        XCTAssertTrue(yaml.contains("law: national-security"), yaml)
        XCTAssertTrue(yaml.contains("grounding: auto"), yaml)
        XCTAssertTrue(yaml.contains("law: archives\n    article: 1\n    grounding: reviewed"), "a reviewed question is kept: \(yaml)")
        let all = try runner.run(["bank", "ground", draft, "--all"])
        XCTAssertEqual(all.status, 0)
        XCTAssertTrue(try String(contentsOfFile: draft, encoding: .utf8).contains("law: archives"), "--all still keeps reviewed ones")
        let lint = try runner.run(["bank", "lint", draft])
        XCTAssertEqual(lint.status, 0, lint.stdout)
        XCTAssertTrue(lint.stdout.contains("1 道自动定位的题目待核对"), lint.stdout)

        let cite = try runner.run(["law", "cite", "生产经营单位的主要负责人是本单位安全生产第一责任人", "--limit", "2"])
        XCTAssertEqual(cite.status, 0)
        XCTAssertTrue(cite.stdout.hasPrefix("《安全生产法》第五条"), cite.stdout)
        let narrowed = try runner.run(["law", "cite", "主要负责人", "--law", "档案法"])
        XCTAssertTrue(narrowed.stdout.split(separator: "\n").filter { $0.hasPrefix("《") }.allSatisfy { $0.hasPrefix("《档案法》") }, narrowed.stdout)
    }
}
