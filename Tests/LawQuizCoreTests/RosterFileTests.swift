import Foundation
import LawQuizCore
import XCTest

final class RosterFileTests: XCTestCase {
    let expected = [
        RosterEntry(staffID: "1001", name: "张伟", department: "综合办公室/秘书科", line: 2),
        RosterEntry(staffID: "1002", name: "李娜", department: "生产技术部/安全科", line: 3),
        RosterEntry(staffID: "1003", name: "王芳, 小王", department: "财务部", line: 4),
    ]

    func read(_ name: String) throws -> (entries: [RosterEntry], encoding: TextDecoding.Encoding) {
        let url = ExamTestPaths.fixtures.appendingPathComponent("roster/\(name)")
        return try RosterFile.entries(csv: try Data(contentsOf: url), file: name)
    }

    func testUTF8WithAndWithoutBOMAndGBK() throws {
        let plain = try read("roster-utf8.csv")
        XCTAssertEqual(plain.entries, expected)
        XCTAssertEqual(plain.encoding, .utf8)
        let bom = try read("roster-bom.csv")
        XCTAssertEqual(bom.entries, expected)
        XCTAssertEqual(bom.encoding, .utf8BOM)
        let gbk = try read("roster-gbk.csv")
        XCTAssertEqual(gbk.entries, expected, "GB18030 bytes made by iconv decode to the same people")
        XCTAssertEqual(gbk.encoding, .gb18030)
    }

    func testExcelUnicodeTextIsTabSeparatedUTF16() throws {
        let text = "工号\t姓名\t部门\r\n1001\t张伟\t综合办公室/秘书科\r\n"
        var data = Data([0xFF, 0xFE])
        data.append(text.data(using: .utf16LittleEndian)!)
        let result = try RosterFile.entries(csv: data, file: "u.txt")
        XCTAssertEqual(result.encoding, .utf16)
        XCTAssertEqual(result.entries, [RosterEntry(staffID: "1001", name: "张伟", department: "综合办公室/秘书科", line: 2)])
    }

    func testGBKBytesAreNotUTF8() throws {
        let data = try Data(contentsOf: ExamTestPaths.fixtures.appendingPathComponent("roster/roster-gbk.csv"))
        XCTAssertNil(String(data: data, encoding: .utf8))
        XCTAssertEqual(TextDecoding.iconvDecode([0xD5, 0xC5], from: "GB18030"), "张")
        XCTAssertNil(TextDecoding.iconvDecode([0xD5], from: "GB18030"), "a truncated character is an error, not dropped")
    }

    func entries(_ text: String) throws -> [RosterEntry] {
        try RosterFile.entries(csv: Data(text.utf8), file: "r.csv").entries
    }

    func problems(_ text: String) -> [CSVError] {
        do {
            _ = try entries(text)
            XCTFail("expected problems")
            return []
        } catch let error as CSVFileError {
            return error.problems
        } catch {
            XCTFail("unexpected \(error)")
            return []
        }
    }

    func testColumnsInAnyOrderExtraColumnsIgnoredDepartmentNormalised() throws {
        let result = try entries("部门,备注,姓名,工号\n 综合办公室 ／ 秘书科 ,x, 张伟 ,1001\n\n")
        XCTAssertEqual(result, [RosterEntry(staffID: "1001", name: "张伟", department: "综合办公室/秘书科", line: 2)])
    }

    func testOptionalLoginColumnIsOneAccountPerPerson() throws {
        let result = try entries("工号,姓名,部门,登录名\n1001,张伟,办公室, zhangwei \n1002,李娜,办公室,\n")
        XCTAssertEqual(result.map(\.loginName), ["zhangwei", nil])
        let found = problems("工号,姓名,部门,登录名\n1001,张伟,办公室,zw\n1002,李娜,办公室,zw\n1003,王五,办公室,王五\n1004,赵六,办公室,-rf\n")
        XCTAssertEqual(found.map(\.line), [3, 4, 5])
        XCTAssertTrue(found[0].message.contains("登录名 zw 重复（第 2 行已有）"), found[0].message)
        XCTAssertTrue(found[1].message.contains("英文字母"), found[1].message)
    }

    func testLineNumberedErrors() {
        let found = problems("工号,姓名,部门\n1001,张伟,办公室\n1002,,办公室\n1001,李四,办公室\n1004,王五\n,赵六,办公室\n")
        XCTAssertEqual(found.map(\.line), [3, 4, 5, 6])
        XCTAssertTrue(found[0].message.contains("姓名为空"))
        XCTAssertTrue(found[1].message.contains("工号 1001 重复（第 2 行已有）"))
        XCTAssertTrue(found[2].message.contains("有 2 列"))
        XCTAssertTrue(found[3].message.contains("工号为空"))
        let error = CSVFileError(.roster, file: "r.csv", problems: found)
        XCTAssertTrue(error.errorDescription!.contains("r.csv:4: 工号 1001 重复"))
    }

    func testWrongColumns() {
        let found = problems("编号,名字,科室\n1,a,b\n")
        XCTAssertEqual(found.map(\.line), [1])
        XCTAssertTrue(found[0].message.contains("工号、姓名、部门"), found[0].message)
        XCTAssertEqual(problems("").first?.line, 1)
    }

    func testQuotedFieldsSpanLinesAndKeepLineNumbers() throws {
        let records = try CSVReader.records("a,b\r\n\"x\ny\",\"say \"\"hi\"\"\"\n3,4")
        XCTAssertEqual(records, [
            CSVRecord(line: 1, fields: ["a", "b"]),
            CSVRecord(line: 2, fields: ["x\ny", "say \"hi\""]),
            CSVRecord(line: 4, fields: ["3", "4"]),
        ])
        XCTAssertThrowsError(try CSVReader.records("a,\"b\n")) { XCTAssertEqual(($0 as? CSVError)?.line, 1) }
    }

    func testControlCharactersAndEscapesAreRefusedWithTheirLine() {
        let found = problems("工号,姓名,部门\n1001,\u{1B}[31m张伟\u{1B}[0m,办公室\n1002,李娜,\"生产\n技术部\"\n1003,王\u{07}五,财务部\n")
        XCTAssertEqual(found.map(\.line), [2, 3, 5], "\(found)")
        XCTAssertTrue(found[0].message.contains("姓名中有终端转义序列"), found[0].message)
        XCTAssertTrue(found[1].message.contains("部门中有换行"), found[1].message)
        XCTAssertTrue(found[2].message.contains("控制字符 U+0007"), found[2].message)
    }

    func testHeaderOnlyFileIsRefusedRatherThanEmptyingTheRoster() {
        for text in ["工号,姓名,部门\n", "工号,姓名,部门\r\n,,\r\n\r\n"] {
            let found = problems(text)
            XCTAssertEqual(found.map(\.line), [2], text)
            XCTAssertTrue(found.first?.message.contains("没有人员") == true, "\(found)")
        }
    }
}

/// Load rules of issue 9: invisible characters in a 工号, ambiguous headers.
final class RosterRuleTests: XCTestCase {
    func problems(_ text: String) -> [CSVError] {
        do {
            _ = try RosterFile.entries(csv: Data(text.utf8), file: "r.csv")
            XCTFail("expected problems")
        } catch let error as CSVFileError {
            return error.problems
        } catch {
            XCTFail("unexpected \(error)")
        }
        return []
    }

    func testInvisibleAndFormatCharactersInAStaffIDAreRefused() {
        let found = problems("工号,姓名,部门\n10\u{200B}01,张伟,办公室\n1002\u{FEFF},李娜,办公室\n10\u{00A0}03,王五,办公室\n10\u{2060}04,赵六,办公室\n1005,孙七,办公室\n")
        XCTAssertEqual(found.map(\.line), [2, 3, 4, 5], "\(found)")
        XCTAssertTrue(found[0].message.contains("不可见字符 U+200B"), found[0].message)
        XCTAssertTrue(found[1].message.contains("U+FEFF"), found[1].message)
        XCTAssertTrue(found[2].message.contains("U+00A0"), found[2].message)
    }

    func testRepeatedHeaderColumnsAreRefused() {
        let same = problems("工号,姓名,部门,工号\n1001,张伟,办公室,1002\n")
        XCTAssertEqual(same.map(\.line), [1])
        XCTAssertTrue(same[0].message.contains("第 1 列与第 4 列同名"), same[0].message)
        let aliases = problems("staff_id,姓名,部门,工号\n1001,张伟,办公室,1002\n")
        XCTAssertEqual(aliases.map(\.line), [1])
        XCTAssertTrue(aliases[0].message.contains("多列都表示工号"), aliases[0].message)
    }

    func testBlankExtraHeaderCellsAreNotRepeats() throws {
        let entries = try RosterFile.entries(csv: Data("工号,姓名,部门,,\n1001,张伟,办公室,,\n".utf8), file: "r.csv").entries
        XCTAssertEqual(entries.map(\.staffID), ["1001"])
    }
}
