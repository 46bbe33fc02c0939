import LawQuizCore
import XCTest

final class TextTableTests: XCTestCase {
    /// A listing like `exam list` with CJK, mixed Latin text and full-width punctuation.
    private var table: TextTable {
        TextTable(
            columns: [
                TableColumn("编号"), TableColumn("名称", fit: .wrap), TableColumn("题数", .right, priority: 50),
                TableColumn("部门", fit: .shorten, priority: 40), TableColumn("合格率（按参考）", .right, priority: 30),
                TableColumn("说明", fit: .wrap, priority: 20),
            ],
            rows: [
                ["annual-2026", "2026 年度学法考试（安全生产法、档案法）", "50", "综合办公室/秘书科/文书组", "118/120 = 98.3%", "正式考试：取最高分；补考另计。"],
                ["mock", "模拟考试 Mock exam for new staff", "5", "财务处", "3/4 = 75.0%", "—"],
                ["x", "《中华人民共和国国家安全法》专题：“总体国家安全观”", "120", "", "0/0 = —", "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p"],
            ])
    }

    func testNoLineExceedsTheWidthFrom20To200() {
        let natural = table.lines(width: nil)
        let naturalWidth = natural.map(DisplayWidth.of).max() ?? 0
        XCTAssertGreaterThan(naturalWidth, 100)
        for width in 20...200 {
            let lines = table.lines(width: width)
            for line in lines {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width, "width \(width): \(line)")
            }
            if width >= naturalWidth { XCTAssertEqual(lines, natural, "a table that fits is left alone at \(width)") }
        }
    }

    func testNumbersIdsAndRatesAreNeverCut() {
        for width in 40...120 {
            let text = table.render(width: width)
            for whole in ["annual-2026", "mock"] { XCTAssertTrue(text.contains(whole), "width \(width) lost \(whole)") }
            // The rate is shown whole, or its column is named as left out.
            let note = text.replacingOccurrences(of: "\n", with: "").components(separatedBy: "省略了：").dropFirst().first ?? ""
            XCTAssertTrue(text.contains("118/120 = 98.3%") != note.contains("合格率（按参考）"), "width \(width):\n\(text)")
        }
    }

    func testColumnsAlignInEveryLine() {
        for width in [60, 80, 100, 200] {
            let lines = table.lines(width: width)
            guard let rule = lines.firstIndex(where: { $0.hasPrefix("--") }) else { return XCTFail("no rule at \(width)") }
            // Cells 2 before each column of the rule are the gap: blank in every header and row line.
            let ruleCells = Self.cells(lines[rule])
            let gaps = ruleCells.indices.filter { $0 > 0 && ruleCells[$0] == " " }
            XCTAssertFalse(gaps.isEmpty)
            let grid = lines.prefix { !$0.hasPrefix("（") }  // the note about dropped columns follows the grid
            for line in grid {
                let cells = Self.cells(line)
                for gap in gaps where gap < cells.count {
                    XCTAssertEqual(cells[gap], " ", "width \(width), cell \(gap) of: \(line)")
                }
            }
            // Right-aligned 题数 ends where its dashes end.
            let end = ruleCells.count
            XCTAssertTrue(grid.allSatisfy { Self.cells($0).count <= end }, "width \(width)")
        }
    }

    /// A line as terminal cells: a wide character fills two.
    private static func cells(_ line: String) -> [Character] {
        line.flatMap { DisplayWidth.of($0) == 2 ? [$0, $0] : [$0] }
    }

    func testDroppedColumnsAreNamedInANote() {
        let text = table.render(width: 60)
        XCTAssertTrue(text.contains("省略了："), text)
        XCTAssertTrue(text.contains("说明"), text)
        XCTAssertTrue(text.contains("用 --width"), text)
    }

    func testShortenedTextEndsInEllipsis() {
        let narrow = TextTable(columns: [TableColumn("编号"), TableColumn("部门", fit: .shorten, minimumWidth: 8)], rows: [["1001", "综合办公室/秘书科/文书组"]])
        let lines = narrow.lines(width: 20)
        XCTAssertTrue(lines.last!.hasSuffix("…"), "\(lines)")
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        XCTAssertEqual(TextTable.shortened("安全生产法", to: 7), "安全生…")
    }

    func testEssentialColumnsTooWideBecomeRecords() {
        let wide = TextTable(headers: ["编号", "开始时间", "结束时间"], rows: [["1", "2026-11-28 09:00", "2026-11-28 10:00"]])
        let lines = wide.lines(width: 30)
        XCTAssertTrue(lines.contains { $0.hasPrefix("-[ 记录 1 ]") }, lines.joined(separator: "\n"))
        XCTAssertTrue(lines.contains("开始时间 | 2026-11-28 09:00"), lines.joined(separator: "\n"))
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 30 })
    }

    func testCellsCannotCarryEscapeSequences() {
        let evil = TextTable(headers: ["名称"], rows: [["\u{1B}]0;evil\u{07}\u{1B}[2J考试\n第二行\u{9B}"]])
        let text = evil.render(width: 80)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B }, text)
        XCTAssertTrue(text.contains("^[]0;evil^G^[[2J考试 第二行<U+009B>"), text)
    }

    func testSanitiserKeepsNewlinesWhereAsked() {
        XCTAssertEqual(TerminalText.visible("a\u{1B}b\nc\u{7F}\u{202E}"), "a^[b\nc^?<U+202E>")
        XCTAssertEqual(TerminalText.visible("a\nb\tc", newlines: .space), "a b c")
        XCTAssertEqual(TerminalText.visible("正常文字（ ）。"), "正常文字（ ）。")
        XCTAssertNotNil(TerminalText.invisibleCharacterDescription(inIdentifier: "1001\u{200B}"))
        XCTAssertNotNil(TerminalText.invisibleCharacterDescription(inIdentifier: "\u{1B}]0;evil\u{07}9999"))
        XCTAssertNil(TerminalText.invisibleCharacterDescription(inIdentifier: "A-1001"))
    }
}
