import Foundation
import LawQuizCore
import XCTest

final class SheetFileTests: XCTestCase {
    func testRowsAndLineNumberedProblems() throws {
        let text = """
            备注,工号,试卷号,答案,校验码
            ,1001,3,"AB ABD/√×",a1b2c3
            ,1002,x,AB,
            ,1003,3,AB,
            ,,4,AB,

            ,1005,5,AB
            ,1006,6,-- -/--,
            """
        let (rows, problems) = try SheetFile.rows(csv: Data(text.utf8), file: "sheets.csv")
        XCTAssertEqual(rows, [
            SheetRow(line: 2, paperNumber: 3, checkCode: "a1b2c3", staffID: "1001", answers: "AB ABD/√×"),
            SheetRow(line: 8, paperNumber: 6, checkCode: "", staffID: "1006", answers: "-- -/--"),
        ])
        XCTAssertEqual(problems.map(\.line), [3, 4, 5, 7])
        XCTAssertTrue(problems[0].message.contains("不是正整数"))
        XCTAssertTrue(problems[1].message.contains("试卷号 3 重复（第 2 行已有）"))
        XCTAssertTrue(problems[2].message.contains("工号为空"))
        XCTAssertTrue(problems[3].message.contains("有 4 列"))
        let error = CSVFileError(.answerSheets, file: "sheets.csv", problems: problems)
        XCTAssertTrue(error.errorDescription?.contains("sheets.csv:3: ") == true)
    }

    func testAHeaderWithoutTheNeededColumnsIsRefused() {
        XCTAssertThrowsError(try SheetFile.rows(csv: Data("工号,答案\n1001,A\n".utf8), file: "s.csv")) { error in
            XCTAssertTrue(error.localizedDescription.contains("表头缺少列：试卷号"), error.localizedDescription)
        }
    }

    func testGBKAsExcelSavesIt() throws {
        // "试卷号,工号,答案\n1,1001,A√\n" in GB18030.
        let hex = "cad4beedbac52cb9a4bac52cb4f0b0b80a312c313030312c41a1cc0a"
        let gbk = Data(stride(from: 0, to: hex.count, by: 2).map { offset in
            UInt8(hex.dropFirst(offset).prefix(2), radix: 16) ?? 0
        })
        let (rows, problems) = try SheetFile.rows(csv: gbk, file: "s.csv")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(rows.first?.answers, "A√")
    }
}
