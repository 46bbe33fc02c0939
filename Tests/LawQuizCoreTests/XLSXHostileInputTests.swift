import Foundation
import XCTest
import ZIPFoundation
@testable import LawQuizCore

/// The crashes of issue 9 in .xlsx rosters, each built here with ZIPFoundation:
/// every one must end in a clear error (sheet!cell where there is one), never
/// a trap, an overflow or a gigantic allocation.
final class XLSXHostileInputTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    static let workbookPart = Data("""
        <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="花名册" sheetId="1" r:id="rId1"/></sheets></workbook>
        """.utf8)
    static let relationships = Data("""
        <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>
        """.utf8)

    /// A one-sheet workbook whose sheet XML is `rows` (inside `<sheetData>`).
    func workbook(rows: String, extra: [(String, Data)] = []) throws -> URL {
        try workbook(sheet: Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + rows + "</sheetData></worksheet>").utf8), extra: extra)
    }

    func workbook(sheet: Data, extra: [(String, Data)] = [], method: CompressionMethod = .deflate) throws -> URL {
        let url = folder.appendingPathComponent("\(UUID().uuidString).xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in [("xl/workbook.xml", Self.workbookPart), ("xl/_rels/workbook.xml.rels", Self.relationships), ("xl/worksheets/sheet1.xml", sheet)] + extra {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }

    /// The reason of the error reading the first sheet.
    func failure(_ url: URL, limits: XLSXLimits = .standard, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            let rows = try XLSXReader(url: url, limits: limits).rows(sheet: 0)
            XCTFail("expected an error, read \(rows.count) rows", file: file, line: line)
        } catch let error as ExportError {
            return error.errorDescription ?? "\(error)"
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
        return ""
    }

    let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>工号</t></is></c><c r="B1" t="inlineStr"><is><t>姓名</t></is></c><c r="C1" t="inlineStr"><is><t>部门</t></is></c></row>"#

    func testAWellFormedSheetStillReads() throws {
        let rows = try XLSXReader(url: try workbook(rows: header + #"<row r="2"><c r="A2"><v>1001</v></c><c r="B2" t="inlineStr"><is><t>张伟</t></is></c><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>"#)).rows(sheet: 0)
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[1].cells.count, 16_384)
        XCTAssertEqual(Array(rows[1].cells.prefix(2)), ["1001", "张伟"])
    }

    func testStoredPartsAreReadAndCappedToo() throws {
        let sheet = Data(("<worksheet><sheetData>" + header + "</sheetData></worksheet>").utf8)
        let rows = try XLSXReader(url: try workbook(sheet: sheet, method: .none)).rows(sheet: 0)
        XCTAssertEqual(rows.first?.cells, ["工号", "姓名", "部门"])
        let reason = failure(try workbook(sheet: sheet, method: .none), limits: XLSXLimits(partSize: 100, totalSize: 10_000))
        XCTAssertTrue(reason.contains("解压后超过 100 字节"), reason)
    }

    func testColumnReferencesAreBoundedToXFD() throws {
        XCTAssertEqual(XLSXSheetParser.columnIndex("XFD1"), 16_383)
        XCTAssertNil(XLSXSheetParser.columnIndex("XFE1"))
        XCTAssertNil(XLSXSheetParser.columnIndex("AAAA1"))
        XCTAssertNil(XLSXSheetParser.columnIndex(String(repeating: "Z", count: 28) + "1"), "used to overflow")
        let long = failure(try workbook(rows: header + "<row r=\"2\"><c r=\"\(String(repeating: "Z", count: 28))2\"><v>1</v></c></row>"))
        XCTAssertTrue(long.contains("花名册!第 2 行") && long.contains("单元格引用"), long)
        let wide = failure(try workbook(rows: header + #"<row r="2"><c r="ZZZZZZZZ2"><v>1</v></c></row>"#))
        XCTAssertTrue(wide.contains("列应为 A 到 XFD"), wide)
    }

    func testRowNumbersAreBounded() throws {
        let huge = failure(try workbook(rows: header + #"<row r="9223372036854775807"><c><v>1</v></c></row><row><c><v>2</v></c></row>"#))
        XCTAssertTrue(huge.contains("行号") && huge.contains("1048576"), huge)
        let last = failure(try workbook(rows: header + #"<row r="1048576"><c><v>1</v></c></row><row><c><v>2</v></c></row>"#))
        XCTAssertTrue(last.contains("行数超过 1048576"), last)
        let zero = failure(try workbook(rows: #"<row r="0"><c><v>1</v></c></row>"#))
        XCTAssertTrue(zero.contains("行号 “0” 无效"), zero)
    }

    func testCellsWithoutReferencesCannotRunPastXFD() throws {
        let cells = String(repeating: "<c><v>1</v></c>", count: 16_385)
        let reason = failure(try workbook(rows: "<row r=\"1\">\(cells)</row>"))
        XCTAssertTrue(reason.contains("列数超过 16384"), reason)
    }

    func testFarRightCellsOnEveryRowAreRefusedNotAllocated() throws {
        let rows = (1...30).map { "<row r=\"\($0)\"><c r=\"XFD\($0)\"><v>1</v></c></row>" }.joined()
        let sheet = Data(("<worksheet><sheetData>" + rows + "</sheetData></worksheet>").utf8)
        let url = URL(fileURLWithPath: "t.xlsx")
        XCTAssertThrowsError(try XLSXSheetParser.parse(sheet, sharedStrings: [], fillerLimit: 100_000, url: url)) { error in
            XCTAssertTrue(error.localizedDescription.contains("Sheet1!第 7 行：空单元格过多"), error.localizedDescription)
        }
        // Formatted but empty cells far to the right cost nothing.
        let styled = (1...30).map { "<row r=\"\($0)\"><c r=\"A\($0)\"><v>1</v></c><c r=\"XFD\($0)\" s=\"1\"/></row>" }.joined()
        let parsed = try XLSXSheetParser.parse(Data(("<worksheet><sheetData>" + styled + "</sheetData></worksheet>").utf8), sharedStrings: [], fillerLimit: 100_000, url: url)
        XCTAssertEqual(parsed.map(\.cells), Array(repeating: ["1"], count: 30))
    }

    func testInvalidUTF8IsRejectedBeforeTheXMLParserSeesIt() throws {
        var sheet = Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet><sheetData><row r=\"1\"><c".utf8)
        sheet.append(0xE3)
        sheet.append(contentsOf: Array(" r=\"A1\"><v>1</v></c></row></sheetData></worksheet>".utf8))
        let reason = failure(try workbook(sheet: sheet))
        XCTAssertTrue(reason.contains("xl/worksheets/sheet1.xml 不是有效的 UTF-8"), reason)
        var strings = Data("<sst><si><t>".utf8)
        strings.append(contentsOf: [0xE5, 0xBC])
        strings.append(contentsOf: Array("</t></si></sst>".utf8))
        let url = try workbook(rows: header, extra: [("xl/sharedStrings.xml", strings)])
        XCTAssertThrowsError(try XLSXReader(url: url)) { error in
            XCTAssertTrue(error.localizedDescription.contains("sharedStrings.xml 不是有效的 UTF-8"), error.localizedDescription)
        }
    }

    func testEntityDefinitionsAreRefusedBeforeExpansion() throws {
        let entities = "<!ENTITY a0 \"工号工号工号工号\">" + (1...9).map { "<!ENTITY a\($0) \"\(String(repeating: "&a\($0 - 1);", count: 10))\">" }.joined()
        let sheet = Data("<?xml version=\"1.0\"?><!DOCTYPE worksheet [\(entities)]><worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&a9;</t></is></c></row></sheetData></worksheet>".utf8)
        let reason = failure(try workbook(sheet: sheet))
        XCTAssertTrue(reason.contains("含有 DTD 或实体定义"), reason)
    }

    func testAPartThatInflatesPastItsCapIsRefusedFromTheDirectory() throws {
        let zeros = Data(count: XLSXLimits.standard.partSize + 1)
        let url = try workbook(rows: header, extra: [("xl/media/bomb.bin", zeros)])
        XCTAssertLessThan(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? .max, 200_000)
        XCTAssertThrowsError(try XLSXReader(url: url)) { error in
            XCTAssertTrue(error.localizedDescription.contains("xl/media/bomb.bin 解压后超过 50 MB"), error.localizedDescription)
        }
    }

    func testAPartThatLiesAboutItsSizeIsStoppedWhileInflating() throws {
        let limits = XLSXLimits(partSize: 1 << 20, totalSize: 4 << 20)
        let sheet = Data(("<worksheet><sheetData>" + String(repeating: " ", count: limits.partSize + 10) + "</sheetData></worksheet>").utf8)
        let url = try workbook(sheet: sheet)
        XCTAssertTrue(failure(url, limits: limits).contains("xl/worksheets/sheet1.xml 解压后超过 1 MB"))
        try Self.understateSizes(of: url, as: 1000)
        let reason = failure(url, limits: limits)
        XCTAssertTrue(reason.contains("xl/worksheets/sheet1.xml 解压后超过 1 MB"), reason)
        let total = failure(try workbook(rows: header, extra: [("a.bin", Data(count: 3 << 20)), ("b.bin", Data(count: 3 << 20))]), limits: XLSXLimits(partSize: 4 << 20, totalSize: 5 << 20))
        XCTAssertTrue(total.contains("合计超过 5 MB"), total)
    }

    /// Found by the roster-xlsx fuzz target: a deflate stream that never ends
    /// made ZIPFoundation spin at the end of the file (a hung import).
    func testADeflateStreamThatNeverEndsIsAnErrorNotAHang() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/fuzz/roster-xlsx/timeout-unterminated-deflate.xlsx")
        let reason = failure(fixture)
        XCTAssertTrue(reason.contains("xl/worksheets/sheet1.xml 的压缩数据已损坏或不完整"), reason)
    }

    func testPartDataPastTheEndOfTheFileIsRefused() throws {
        let url = try workbook(rows: header)
        var bytes = [UInt8](try Data(contentsOf: url))
        // The central directory's compressed size of the first part, made huge.
        let directory = try XCTUnwrap((0..<bytes.count - 4).first { bytes[$0..<$0 + 4] == [0x50, 0x4B, 0x01, 0x02] })
        bytes.replaceSubrange(directory + 20..<directory + 24, with: [0x00, 0x00, 0x00, 0x7F])
        try Data(bytes).write(to: url)
        XCTAssertThrowsError(try XLSXReader(url: url)) { error in
            XCTAssertTrue(error.localizedDescription.contains("的数据超出文件末尾"), error.localizedDescription)
        }
    }

    /// Rewrites every stated uncompressed size (local headers and central
    /// directory) to `size`, as a crafted zip bomb does.
    static func understateSizes(of url: URL, as size: UInt32) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        func patch(_ signature: [UInt8], offset: Int) {
            var index = 0
            while index + offset + 4 <= bytes.count {
                if Array(bytes[index..<index + 4]) == signature {
                    for byte in 0..<4 { bytes[index + offset + byte] = UInt8((size >> (8 * UInt32(byte))) & 0xFF) }
                }
                index += 1
            }
        }
        patch([0x50, 0x4B, 0x03, 0x04], offset: 22)
        patch([0x50, 0x4B, 0x01, 0x02], offset: 24)
        try Data(bytes).write(to: url)
    }
}
