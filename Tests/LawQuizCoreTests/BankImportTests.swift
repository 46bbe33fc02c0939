import Foundation
import XCTest
import ZIPFoundation

@testable import LawQuizCore

/// Files written the way other tools write them, read by `bank import`.
final class BankImportTests: XCTestCase {
    private static let library = Result { try TestPaths.library() }
    private var library: LawLibrary { get throws { try Self.library.get() } }
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// Converts a file to GBK the way a Windows text editor saves it, with iconv (glibc's, always installed).
    private func gbk(from source: String, to destination: String) throws {
        guard let iconv = ["/usr/bin/iconv", "/bin/iconv"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("iconv (Debian: libc-bin) is needed to write a GBK file")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: iconv)
        process.arguments = ["-f", "UTF-8", "-t", "GBK", source, "-o", destination]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
    }

    /// An office 题库 in Excel: a title row above the header, header variants, A–D columns.
    func testExcelBankWithTitleRowAndHeaderVariants() throws {
        let url = folder.appendingPathComponent("题库.xlsx")
        let workbook = try XLSXWorkbook(timeZone: TimeZone(identifier: "UTC")!)
        let sheet = try workbook.addSheet(named: "单位题库")
        try sheet.addRow([.text("2023 年度安全生产法学法考试题库")])
        try sheet.addRow(["题目类型", "试题", "A", "B", "C", "D", "正确选项", "答案解析", "法条", "难度", "知识点"].map(XLSXCell.text))
        try sheet.addRow(["单选题", "生产经营单位的安全生产第一责任人是（ ）。", "分管负责人", "主要负责人", "安全员", "工会主席", "B", "", "《安全生产法》第五条", "易", "责任制"].map(XLSXCell.text))
        try sheet.addRow(["多选", "下列属于国家安全工作应当坚持的有（ ）。", "以人民安全为宗旨", "以政治安全为根本", "以经济安全为基础", "以个人利益为先", "A,B、C", "", "", "3", "原则，宗旨"].map(XLSXCell.text))
        try sheet.addRow(["判断", "生产经营单位的从业人员有依法获得安全生产保障的权利。", "", "", "", "", "√", "", "", "", ""].map(XLSXCell.text))
        try sheet.addRow(["判断", "档案工作实行统一领导、分级管理的原则。", "", "", "", "", "也许", "", "", "", ""].map(XLSXCell.text))
        let second = try workbook.addSheet(named: "判断题")
        try second.addRow(["题型", "题目内容", "答案", "条号", "法律"].map(XLSXCell.text))
        try second.addRow(["判断", "工会依法对安全生产工作进行监督。", "T", "第七条", "安全生产法"].map(XLSXCell.text))
        try workbook.save(to: url, title: "题库")
        let importer = BankImporter(library: try library)
        let named = try importer.read(path: url.path, format: .excel, sheet: "判断题")
        XCTAssertEqual(named.issues, [])
        XCTAssertEqual(named.questions.map(\.question.article), [7])
        XCTAssertThrowsError(try importer.read(path: url.path, format: .excel, sheet: "没有这张表"))
        XCTAssertEqual(ImportFormat.guess(path: url.path, data: try Data(contentsOf: url)), .excel)
        let bank = try importer.read(path: url.path, format: .excel)
        XCTAssertEqual(bank.problems.map(\.description), ["\(url.path):单位题库!G6: 判断题答案“也许”无法识别，应为 正确/错误、对/错、√/× 或 T/F"])
        let questions = bank.questions.map(\.question)
        XCTAssertEqual(questions.map(\.type), [.single, .multiple, .judge])
        XCTAssertEqual(questions[0].lawID, "work-safety")
        XCTAssertEqual(questions[0].article, 5)
        XCTAssertEqual(questions[0].difficulty, 1)
        XCTAssertEqual(questions[1].answer, .options(["A", "B", "C"]))
        XCTAssertEqual(questions[1].tags, ["原则", "宗旨"])
        XCTAssertEqual(questions[2].answer, .judgement(true))
        let completed = importer.complete(bank, bankID: "office")
        XCTAssertEqual(completed.issues, [])
        XCTAssertEqual(completed.questions.map(\.id), ["office-001", "office-002", "office-003"])
        XCTAssertEqual(completed.questions[0].grounding, .auto, "the article came with the row, the evidence was cut automatically")
        XCTAssertNil(completed.questions[0].confidence)
        XCTAssertEqual(completed.questions[1].lawID, "national-security")
        XCTAssertEqual(completed.questions[2].article, 6)
        XCTAssertEqual(completed.grounded, 2)
        XCTAssertTrue(completed.questions.allSatisfy { $0.explanation.hasPrefix("依据《") })
    }

    /// A workbook laid out the way Excel and WPS save one: shared strings (with
    /// rich-text and phonetic runs), numbers as numbers, a title merged across
    /// the columns, empty cells left out.
    func testExcelStyleWorkbookWithSharedStringsAndMergedTitle() throws {
        let strings = ["安全生产法题库", "题型", "题干", "选项A", "选项B", "选项C", "正确答案", "条款", "难度",
                       "单选", "生产经营单位的主要负责人是本单位安全生产（ ）。", "第一责任人", "直接责任人", "监督人", "A", "判断",
                       "工会依法对安全生产工作进行监督。", "对"]
        var shared = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        for (index, text) in strings.enumerated() {
            // Excel splits formatted text into runs and keeps pinyin guides in <rPh>.
            shared += index == 10
                ? "<si><r><rPr><b/></rPr><t>生产经营单位的主要负责人</t></r><r><t>是本单位安全生产（ ）。</t></r><rPh sb=\"0\" eb=\"1\"><t>ｼｮｳ</t></rPh></si>"
                : "<si><t>\(text)</t></si>"
        }
        shared += "</sst>"
        func s(_ reference: String, _ index: Int) -> String { "<c r=\"\(reference)\" t=\"s\"><v>\(index)</v></c>" }
        let sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
            + "<row r=\"1\">" + s("A1", 0) + "</row>"
            + "<row r=\"3\">" + (1...8).map { s(XLSXSheetWriter.column($0 - 1) + "3", $0) }.joined() + "</row>"
            + "<row r=\"4\">" + s("A4", 9) + s("B4", 10) + s("C4", 11) + s("D4", 12) + s("E4", 13) + s("F4", 14)
            + "<c r=\"G4\"><v>5</v></c><c r=\"H4\"><v>2</v></c></row>"
            + "<row r=\"5\">" + s("A5", 15) + s("B5", 16) + s("F5", 17) + "<c r=\"G5\"><v>7.0</v></c></row>"
            + #"</sheetData><mergeCells count="1"><mergeCell ref="A1:H1"/></mergeCells></worksheet>"#
        let url = folder.appendingPathComponent("wps.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        let parts = [
            "[Content_Types].xml": #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            "xl/workbook.xml": #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="题库" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            "xl/_rels/workbook.xml.rels": #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            "xl/sharedStrings.xml": shared,
            "xl/worksheets/sheet1.xml": sheet,
        ]
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        let bank = try BankImporter(library: try library).read(path: url.path, format: .excel)
        XCTAssertEqual(bank.issues, [])
        let questions = bank.questions.map(\.question)
        XCTAssertEqual(questions.map(\.stem), ["生产经营单位的主要负责人是本单位安全生产（ ）。", "工会依法对安全生产工作进行监督。"])
        XCTAssertEqual(questions[0].options.map(\.text), ["第一责任人", "直接责任人", "监督人"])
        XCTAssertEqual(questions.map(\.article), [5, 7])
        XCTAssertEqual(questions.map(\.difficulty), [2, nil])
        XCTAssertEqual(bank.questions.map(\.place), ["\(url.path):题库!A4", "\(url.path):题库!A5"])
        // 条款 without a law: the law whose article of that number fits the question best.
        let completed = BankImporter(library: try library).complete(bank, bankID: "wps")
        XCTAssertEqual(completed.questions.map { "\($0.lawID) \($0.article)" }, ["work-safety 5", "work-safety 7"])
        let archivesOnly = BankImporter(library: try library).complete(bank, bankID: "wps", lawIDs: ["archives"])
        XCTAssertEqual(archivesOnly.questions.map { "\($0.lawID) \($0.article)" }.first, "archives 5", "--law decides whose 第五条 it is")
    }

    /// CSV saved by Excel on Chinese Windows (GBK), one 选项 column split on |.
    func testGBKCSVWithOneOptionColumn() throws {
        let csv = """
            题型,题干,选项,答案,解析,法律,条号
            单选,生产经营单位的主要负责人是本单位安全生产（ ）。,A.第一责任人|B.直接责任人|C.监督人,A,见第五条。,安全生产法,5
            判断,国家安全工作应当坚持总体国家安全观。,,对,,,
            判断,"题干里有逗号，也有""引号""。",,错误,,国家安全法,第三条
            多选,题干,A|B,Z,,,
            单选,生产经营单位应当具备安全生产条件。,甲|乙,A,,劳动法,第一条

            """
        let utf8 = try file("utf8.csv", csv)
        let url = folder.appendingPathComponent("gbk.csv")
        try gbk(from: utf8, to: url.path)
        XCTAssertNil(String(data: try Data(contentsOf: url), encoding: .utf8), "the file really is GBK")
        let bank = try BankImporter(library: try library).read(path: url.path, format: .csv)
        XCTAssertEqual(bank.problems.map(\.place), ["\(url.path):5", "\(url.path):6"])
        XCTAssertTrue(bank.problems[1].message.contains("劳动法"))
        let questions = bank.questions.map(\.question)
        XCTAssertEqual(questions.count, 3)
        XCTAssertEqual(questions[0].options.map(\.text), ["第一责任人", "直接责任人", "监督人"])
        XCTAssertEqual(questions[0].article, 5)
        XCTAssertEqual(questions[2].stem, "题干里有逗号，也有\"引号\"。")
        XCTAssertEqual(questions[2].answer, .judgement(false))
        XCTAssertEqual(questions[2].article, 3)
    }

    /// A stem or 解析 that names its article is taken at its word; duplicate stems and ids are caught before writing.
    func testStatedCitationsDuplicatesAndIds() throws {
        let csv = """
            编号,题型,题干,答案,解析
            q-1,判断,从业人员有依法获得安全生产保障的权利。,对,依据《安全生产法》第六条。
            q-1,判断,根据《档案法》第三条，档案工作由党领导。,对,
            ,判断,从业人员有依法获得安全生产保障的权利。,对,
            ,判断,依据《国家安全法》第二条和第三条出题。,对,

            """
        let path = try file("c.csv", csv)
        let importer = BankImporter(library: try library)
        let completed = importer.complete(try importer.read(path: path, format: .csv), bankID: "c")
        XCTAssertEqual(completed.questions.map(\.id), ["q-1", "c-001", "c-003"], "c-002 repeats a stem and is left out")
        XCTAssertEqual(completed.questions.map(\.article), [6, 3, completed.questions[2].article])
        XCTAssertEqual(completed.questions[1].lawID, "archives")
        XCTAssertEqual(completed.cited, 2, "two articles named at once are left to the ranker")
        XCTAssertEqual(completed.grounded, 2)
        XCTAssertEqual(completed.issues.map(\.place), ["\(path):4"])
        XCTAssertTrue(completed.issues[0].message.contains("题干与 q-1（\(path):2）重复"), completed.issues[0].message)
        XCTAssertEqual(BankImporter.identifiers(["", "c-001", "x", "x", ""], bankID: "c"), ["c-002", "c-001", "x", "c-003", "c-004"])
        XCTAssertEqual(BankImporter.identifiers(["1", "第一题", "a b", "ok.1"], bankID: "题库"), ["q-001", "q-002", "q-003", "ok.1"])
        XCTAssertEqual(BankImporter.portablePrefix("-安全 2023_题库"), "2023_")
    }

    /// Anything an examinee will see goes through the linter's check for terminal escapes.
    func testEscapeSequencesInImportedTextAreRefused() throws {
        let gift = "::a:: 生产经营单位的主要负责人\u{1B}[2J是本单位安全生产第一责任人。{T}\n"
        let path = try file("esc.gift", gift)
        let importer = BankImporter(library: try library)
        let completed = importer.complete(try importer.read(path: path, format: .gift), bankID: "esc")
        XCTAssertEqual(completed.questions, [])
        XCTAssertEqual(completed.issues.map(\.place), ["\(path):1"])
        XCTAssertTrue(completed.issues[0].message.contains("终端转义序列"), completed.issues[0].message)
    }

    /// A case row citing the duty and the penalty: 条号 separated by ；, 依据 one line each or left out.
    func testSeveralArticlesInOneRow() throws {
        let csv = """
            题型,题干,答案,法律,条号,依据
            判断,厂长未组织制定并实施本单位安全生产教育和培训计划，应责令限期改正并处二万元以上五万元以下的罚款。,对,安全生产法,第二十一条；第九十四条,
            判断,题干二。,对,安全生产法,第二十一条；《档案法》第五条,只有一行依据

            """
        let path = try file("cases.csv", csv)
        let importer = BankImporter(library: try library)
        let bank = try importer.read(path: path, format: .csv)
        XCTAssertEqual(bank.problems.map(\.place), ["\(path):3"])
        XCTAssertTrue(bank.problems.first?.message.contains("依据应与条号一一对应") ?? false)
        let completed = importer.complete(bank, bankID: "cases")
        let question = try XCTUnwrap(completed.questions.first)
        XCTAssertEqual(question.citations.map { "\($0.lawID) \($0.article)" }, ["work-safety 21", "work-safety 94"])
        XCTAssertTrue(question.citations.allSatisfy { !$0.evidence.isEmpty }, "evidence cut for every cited article")
        XCTAssertEqual(question.grounding, .auto)
        XCTAssertEqual(completed.issues, [])
    }

    func testCSVWithoutHeaderIsRefusedWithTheLine() throws {
        let path = try file("x.csv", "\u{FEFF}a,b\n1,2\n")
        let bank = try BankImporter(library: try library).read(path: path, format: .csv)
        XCTAssertEqual(bank.problems.count, 1)
        XCTAssertTrue(bank.problems[0].description.hasPrefix("\(path):1: 找不到表头行"))
    }

    func testGIFTConstructsAndUnsupportedTypes() throws {
        let gift = #"""
            // 安全生产法练习，Moodle 导出
            $CATEGORY: $course$/top/安全生产法/第五条

            ::ws-x1 主要负责人::[html]<p>生产经营单位的<b>安全生产第一责任人</b>是：</p>{
              =主要负责人#正确
              ~分管负责人#不对
              ~安全员
              ####依据第五条\: 主要负责人全面负责。
            }

            ::多选::下列哪些是国家安全工作应当坚持的？ {~%50%以人民安全为宗旨 ~%50%以政治安全为根本 ~%-100%以利润为先}

            从业人员有依法获得安全生产保障的权利。{TRUE#对#错####见第六条}

            安全生产工作应当以人为本\{原则\}。{F}

            ::问答:: 请简述安全生产方针。{}

            ::简答:: 第一责任人是谁？{=主要负责人 =厂长}

            ::数值:: 安全生产法共有几条？{#119}

            ::匹配:: 对应关系 {=档案法 -> 档案 =国家安全法 -> 安全}

            这是一段说明文字，没有答案。

            ::权重:: 题目 {~%40%甲 ~%40%乙 ~丙}
            """#
        let path = try file("bank.gift", gift)
        XCTAssertEqual(ImportFormat.guess(path: folder.appendingPathComponent("bank.txt").path, data: Data(gift.utf8)), .gift)
        let bank = GIFTReader(library: try library, file: path).read(gift)
        let questions = bank.questions.map(\.question)
        XCTAssertEqual(questions.map(\.type), [.single, .multiple, .judge, .judge])
        guard questions.count == 4 else { return }
        XCTAssertEqual(questions[0].id, "ws-x1")
        XCTAssertEqual(questions[0].stem, "生产经营单位的安全生产第一责任人是：")
        XCTAssertEqual(questions[0].options.map(\.text), ["主要负责人", "分管负责人", "安全员"])
        XCTAssertEqual(questions[0].answer, .options(["A"]))
        XCTAssertEqual(questions[0].explanation, "依据第五条: 主要负责人全面负责。")
        XCTAssertEqual(questions[0].lawID, "work-safety")
        XCTAssertEqual(questions[0].article, 5)
        XCTAssertEqual(questions[1].answer, .options(["A", "B"]))
        XCTAssertEqual(questions[2].answer, .judgement(true))
        XCTAssertEqual(questions[2].explanation, "见第六条")
        XCTAssertEqual(questions[3].stem, "安全生产工作应当以人为本{原则}。")
        XCTAssertEqual(questions[3].answer, .judgement(false))
        let notices = bank.issues.filter { $0.kind == .notice }.map(\.description)
        XCTAssertEqual(notices, [
            "\(path):17: 提示：问答题（essay）不受支持，已跳过",
            "\(path):19: 提示：填空/简答题（short answer）不受支持，已跳过",
            "\(path):21: 提示：数值题（numerical）不受支持，已跳过",
            "\(path):23: 提示：匹配题（matching）不受支持，已跳过",
            "\(path):25: 提示：说明（无答案的文字）不受支持，已跳过",
        ])
        XCTAssertEqual(bank.problems.map(\.place), ["\(path):27"])
    }

    func testAikenAndMoodlesErrorCases() throws {
        let aiken = """
            A. 选项出现在题目之前
            生产经营单位的安全生产第一责任人是？
            A) 主要负责人
            B) 安全员
            ANSWER: A

            只有一个选项的题目
            A. 唯一
            ANSWER: A
            没有 ANSWER 的题目
            A. 甲
            B. 乙
            下一题
            A. 甲
            B. 乙
            ANSWER: C
            最后一题
            A. 甲
            B. 乙
            """
        let bank = AikenReader(file: "q.txt").read(aiken)
        XCTAssertEqual(bank.questions.count, 1)
        XCTAssertEqual(bank.questions[0].question.options.map(\.text), ["主要负责人", "安全员"])
        XCTAssertEqual(bank.questions[0].place, "q.txt:2")
        XCTAssertEqual(bank.problems.map(\.description), [
            "q.txt:1: 选项 A 出现在题目之前",
            "q.txt:7: 题目只有 1 个选项，至少应有 2 个",
            "q.txt:10: 题目缺少 ANSWER 行",
            "q.txt:16: 答案 C 不在选项之中（选项为 AB）",
            "q.txt:17: 题目缺少 ANSWER 行",
        ])
        XCTAssertEqual(ImportFormat.guess(path: "q.txt", data: Data(aiken.utf8)), .aiken)
    }

    func testMoodleXMLTypesHTMLAndEmbeddedFiles() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="category"><category><text>$course$/top/国家安全法/第三条</text></category></question>
              <question type="multichoice">
                <name><text>原则</text></name>
                <questiontext format="html"><text><![CDATA[<p>国家安全工作应当坚持&nbsp;<img src="@@PLUGINFILE@@/a.png">哪些？</p>]]></text>
                  <file name="a.png" encoding="base64">iVBORw0KGgo=</file></questiontext>
                <generalfeedback format="html"><text>&lt;p&gt;见第三条&lt;/p&gt;</text></generalfeedback>
                <single>false</single>
                <answer fraction="33.33333"><text>以人民安全为宗旨</text></answer>
                <answer fraction="33.33333"><text>以政治安全为根本</text></answer>
                <answer fraction="33.33333"><text>以经济安全为基础</text></answer>
                <answer fraction="-100"><text>以利润为先</text></answer>
              </question>
              <question type="truefalse">
                <name><text>判断</text></name>
                <questiontext format="plain_text"><text>从业人员有依法获得安全生产保障的权利。</text></questiontext>
                <answer fraction="0"><text>true</text></answer>
                <answer fraction="100"><text>false</text></answer>
              </question>
              <question type="essay"><name><text>问答</text></name><questiontext><text>论述</text></questiontext></question>
              <question type="multichoice"><name><text>坏</text></name><questiontext><text>题</text></questiontext>
                <single>true</single><answer fraction="50"><text>甲</text></answer><answer fraction="0"><text>乙</text></answer></question>
            </quiz>
            """
        let path = try file("moodle.xml", xml)
        let bank = try BankImporter(library: try library).read(path: path, format: .moodleXML)
        let questions = bank.questions.map(\.question)
        XCTAssertEqual(questions.map(\.type), [.multiple, .judge])
        XCTAssertEqual(questions[0].stem, "国家安全工作应当坚持 哪些？")
        XCTAssertEqual(questions[0].explanation, "见第三条")
        XCTAssertEqual(questions[0].answer, .options(["A", "B", "C"]))
        XCTAssertEqual(questions[0].lawID, "national-security")
        XCTAssertEqual(questions[0].article, 3)
        XCTAssertEqual(questions[1].answer, .judgement(false))
        XCTAssertEqual(questions[1].lawID, "national-security", "the category applies until the next one")
        XCTAssertEqual(bank.issues.map(\.description), [
            "\(path):4: 提示：题目中嵌入的文件（图片等）已忽略",
            "\(path):21: 提示：题型 essay 不受支持，已跳过",
            "\(path):22: 答案得分无法识别为单选或多选：正确选项的得分之和应为 100（现为 50）",
        ])
        let entity = #"<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/passwd">]><quiz>&x;</quiz>"#
        for broken in ["<quiz><question>", "<quiz><question></quiz>", "<notquiz/>", entity] {
            XCTAssertThrowsError(try BankImporter(library: try library).read(path: try file("bad.xml", broken), format: .moodleXML), broken)
        }
    }
}
