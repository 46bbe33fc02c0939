import XCTest
import ZIPFoundation
@testable import LawQuizCore

/// Export round trips: CSV parsed back, XLSX unzipped and read back, atomic writes.
final class ExportTests: XCTestCase {
    typealias F = AdminFixtures
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Three required people (one formula-looking name, one absent), one who left.
    func report() -> ExamReport {
        let roster = [
            F.person("1001", "综合办公室/秘书科"), ReportPerson(staffID: "1002", name: "=HYPERLINK(\"x\")", department: DepartmentPath(parsing: "综合办公室")),
            F.person("1003", "财务处"), F.person("1004", "财务处", active: false),
        ]
        let attempts = [F.attempt(1, "1001", 60), F.attempt(2, "1001", 92.5, minute: 90), F.attempt(3, "1002", 59), F.attempt(4, "1004", 99)]
        return ExamReport(header: F.header(), outcomes: F.outcomes(roster, attempts))
    }

    func testFormulaNeutralisation() {
        for text in ["=1+1", "+86 10", "-5", "@SUM(A1)", "\tx", "\rx"] {
            XCTAssertEqual(CSVFormat.neutralised(text), "'" + text)
        }
        XCTAssertEqual(CSVFormat.neutralised("张三"), "张三")
        XCTAssertEqual(CSVFormat.neutralised(""), "")
        XCTAssertEqual(CSVFormat.record([.text("a,b"), .text("say \"hi\""), .text("-1"), .number("-1")]), "\"a,b\",\"say \"\"hi\"\"\",'-1,-1\r\n")
    }

    /// The byte writer behind `record` gives exactly the quoting and neutralisation of the string rules.
    func testRecordBytesFollowTheStringRules() {
        let texts = ["=a,b", "+\"x\"", "@\n", "\r\nx", "=\u{301}x", "-", "张三,李四", "\"", "", "a\rb", "\t\"", "综合办公室/秘书科"]
        for text in texts {
            XCTAssertEqual(CSVFormat.record([.text(text)]), CSVFormat.quoted(CSVFormat.neutralised(text)) + "\r\n", text.debugDescription)
        }
        var bytes: [UInt8] = Array("x".utf8)
        CSVFormat.append([.number("1.5"), .text("=1,2")], to: &bytes)
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), "x1.5,\"'=1,2\"\r\n")
    }

    /// Times are written digit by digit; years outside 0…9999 keep the padded text.
    func testDateTimeText() throws {
        let shanghai = ReportTimeFormat(timeZone: try XCTUnwrap(TimeZone(identifier: "Asia/Shanghai")))
        XCTAssertEqual(shanghai.dateTime(Date(timeIntervalSince1970: 1_700_000_000)), "2023-11-15 06:13:20")
        XCTAssertEqual(shanghai.dateTime(Date(timeIntervalSince1970: 1_700_000_000.999)), "2023-11-15 06:13:20")
        let utc = ReportTimeFormat(timeZone: try XCTUnwrap(TimeZone(identifier: "UTC")))
        XCTAssertEqual(utc.dateTime(Date(timeIntervalSince1970: -62_135_596_800 + 3_661)), "0001-01-01 01:01:01")
        XCTAssertEqual(utc.dateTime(Date(timeIntervalSince1970: 0)), "1970-01-01 00:00:00")
        XCTAssertEqual(utc.dateTime(Date(timeIntervalSince1970: 253_402_300_800 + 59)), "10000-01-01 00:00:59")
    }

    func testCSVRoundTrip() throws {
        let url = folder.appendingPathComponent("out.csv")
        try AtomicOutput(destination: url, overwrite: false).write { writer in
            try CSVExporter(timeFormat: ReportTimeFormat(timeZone: TimeZone(identifier: "Asia/Shanghai")!)).write(report(), to: writer)
        }
        let data = try Data(contentsOf: url)
        XCTAssertEqual(Array(data.prefix(3)), CSVFormat.byteOrderMark)
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.contains("\r\n"))
        let records = try CSVReader.records(text).map(\.fields)
        XCTAssertEqual(records[0], ResultRow.headers)
        XCTAssertEqual(records.count, 4, "one row per required person; the person who left is not required")
        let byID = Dictionary(uniqueKeysWithValues: records.dropFirst().map { ($0[0], $0) })
        let first = try XCTUnwrap(byID["1001"])
        XCTAssertEqual(Array(first[3...7]), ["是", "92.5", "是", "是", "0:30:00"])
        XCTAssertEqual(first[8], "2023-11-15 08:13:20", "submitted 30 minutes after a start 90 minutes past the fixture's day, Beijing time")
        XCTAssertEqual(first[9], "2")
        XCTAssertEqual(first[10], "最高分：第2次（共2次）")
        XCTAssertEqual(first[11], "2")
        XCTAssertEqual(try XCTUnwrap(byID["1002"])[1], "'=HYPERLINK(\"x\")", "formula neutralised and quotes survive the round trip")
        XCTAssertEqual(try XCTUnwrap(byID["1002"])[5], "否")
        XCTAssertEqual(Array(try XCTUnwrap(byID["1003"])[3...5]), ["否", "", ""])
    }

    func testXLSXRoundTrip() throws {
        let url = folder.appendingPathComponent("out.xlsx")
        try AtomicOutput(destination: url, overwrite: false).produce { try XLSXExporter(timeZone: TimeZone(identifier: "UTC")!).write(report(), to: $0) }
        let reader = try XLSXReader(url: url)
        XCTAssertEqual(reader.sheets.map(\.name), Array(XLSXExporter.sheetNames.prefix(5)), "without attempt detail: the report sheets only")
        let results = try reader.rows(sheetNamed: "成绩明细")
        XCTAssertEqual(results[0].cells, ResultRow.headers)
        XCTAssertEqual(results.count, 4)
        let first = try XCTUnwrap(results.first { $0.cells.first == "1001" })
        XCTAssertEqual(first.cells[4], "92.5")
        XCTAssertEqual(Double(first.cells[7]) ?? 0, 1800.0 / 86_400, accuracy: 1e-9, "duration stored as a spreadsheet time")
        let absent = try reader.rows(sheetNamed: "未参考名单")
        XCTAssertEqual(absent.map(\.cells), [["部门", "工号", "姓名"], ["财务处", "1003", "姓名1003"]])
        let summary = try reader.rows(sheetNamed: "汇总")
        let participation = try XCTUnwrap(summary.first { $0.cells.first == "参考率" })
        XCTAssertEqual(participation.cells[1], "0.667", "stored as shown: 66.7%")
        XCTAssertEqual(participation.cells[2], "2/3")
        let departments = try reader.rows(sheetNamed: "部门统计")
        XCTAssertEqual(departments[1].cells.prefix(4), ["（全单位）", "0", "3", "2"])
        // Numbers are numeric cells with the percentage style, not text.
        let archive = try Archive(url: url, accessMode: .read)
        var sheet = Data()
        _ = try archive.extract(try XCTUnwrap(archive["xl/worksheets/sheet1.xml"])) { sheet.append($0) }
        let xml = String(decoding: sheet, as: UTF8.self)
        XCTAssertTrue(xml.contains("<c r=\"B16\" s=\"1\"><v>0.667</v></c>"), xml)
        XCTAssertNotNil(archive["xl/styles.xml"])
        XCTAssertNotNil(archive["[Content_Types].xml"])
    }

    func testXMLTextIsEscapedAndControlsDropped() {
        XCTAssertEqual(XMLText.escaped("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;")
        XCTAssertEqual(XLSXSheetWriter.column(0), "A")
        XCTAssertEqual(XLSXSheetWriter.column(25), "Z")
        XCTAssertEqual(XLSXSheetWriter.column(26), "AA")
        XCTAssertEqual(XLSXSheetParser.columnIndex("AB12"), 27)
    }

    func testExistingFileIsNotOverwrittenWithoutForce() throws {
        let url = folder.appendingPathComponent("keep.csv")
        try Data("original".utf8).write(to: url)
        XCTAssertThrowsError(try AtomicOutput(destination: url, overwrite: false).write { try $0.write("new") }) { error in
            XCTAssertEqual(error as? ExportError, .outputExists(path: url.path))
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "original")
        try AtomicOutput(destination: url, overwrite: true).write { try $0.write("new") }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "new")
    }

    func testFailedExportLeavesNothingBehind() throws {
        struct Boom: Error {}
        let url = folder.appendingPathComponent("broken.csv")
        XCTAssertThrowsError(try AtomicOutput(destination: url, overwrite: false).write { writer in
            try writer.write(String(repeating: "x", count: 1_000_000))
            throw Boom()
        })
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
        let missing = folder.appendingPathComponent("no-such-folder/out.csv")
        XCTAssertThrowsError(try AtomicOutput(destination: missing, overwrite: false).write { _ in })
    }

    func testHTMLIsSelfContained() throws {
        let url = folder.appendingPathComponent("out.html")
        try AtomicOutput(destination: url, overwrite: false).write { try HTMLExporter(timeFormat: ReportTimeFormat(timeZone: TimeZone(identifier: "UTC")!)).write(report(), to: $0) }
        let html = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertTrue(html.contains("@media print"))
        XCTAssertTrue(html.contains("2/3 = 66.7%"))
        XCTAssertTrue(html.contains("=HYPERLINK(&quot;x&quot;)") == false, "names only appear in the absent list; this person sat")
        XCTAssertFalse(html.contains("http://") && html.contains("<script"), "no scripts")
        XCTAssertFalse(html.contains("src=\"http"))
        XCTAssertFalse(html.contains("<link"))
    }
}
