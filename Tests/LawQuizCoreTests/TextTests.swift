import LawQuizCore
import XCTest

final class TextTests: XCTestCase {
    func testDisplayWidthCountsWideCharactersAsTwoCells() {
        XCTAssertEqual(DisplayWidth.of("abc"), 3)
        XCTAssertEqual(DisplayWidth.of("安全生产法"), 10)
        XCTAssertEqual(DisplayWidth.of("（一）A"), 7)
        XCTAssertEqual(DisplayWidth.padded("档案法", to: 8), "档案法  ")
    }

    func testWrapNeverExceedsWidth() {
        let text = "生产经营单位的主要负责人是本单位安全生产第一责任人，对本单位的安全生产工作全面负责。other words here"
        let lines = DisplayWidth.wrap(text, width: 20)
        XCTAssertGreaterThan(lines.count, 3)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        XCTAssertEqual(lines.joined(), text.replacingOccurrences(of: " ", with: "").count == 0 ? "" : lines.joined())
        XCTAssertEqual(lines.joined().filter { $0 != " " }, text.filter { $0 != " " })
    }

    func testTableAlignsChineseColumns() {
        let table = TextTable(headers: ["简称", "条数"], rows: [["安全生产法", "119"], ["档案法", "53"]], rightAligned: [1])
        let lines = table.render().split(separator: "\n").map(String.init)
        XCTAssertEqual(Set(lines.map { DisplayWidth.of($0) }).count, 1, "every line has the same width: \(lines)")
    }

    func testNormalizerFoldsWidthAndSpace() {
        XCTAssertEqual(TextNormalizer.comparable("职责:（一）建立 健全"), TextNormalizer.comparable("职责：(一)建立健全"))
        XCTAssertNotEqual(TextNormalizer.comparable("应当"), TextNormalizer.comparable("可以"))
    }

    func testUnsafeCharacters() {
        XCTAssertNotNil(TextNormalizer.unsafeCharacterDescription(in: "题干\u{1B}[31m"))
        XCTAssertNotNil(TextNormalizer.unsafeCharacterDescription(in: "a\u{07}b"))
        XCTAssertNil(TextNormalizer.unsafeCharacterDescription(in: "正常文字（ ）。\n第二行"))
        XCTAssertEqual(TextNormalizer.stripControlCharacters("a\u{1B}b\u{07}c"), "abc")
    }

    func testEvidenceMatcher() {
        let article = "生产经营单位的主要负责人对本单位安全生产工作负有下列职责:\n（一）建立健全并落实本单位全员安全生产责任制；\n（三）组织制定并实施本单位安全生产教育和培训计划；"
        XCTAssertTrue(EvidenceMatcher.occurs("负有下列职责：……（三）组织制定并实施本单位安全生产教育和培训计划", in: article))
        XCTAssertFalse(EvidenceMatcher.occurs("（三）组织制定……负有下列职责", in: article), "pieces must be in order")
        XCTAssertFalse(EvidenceMatcher.occurs("主要负责人可以", in: article))
        XCTAssertFalse(EvidenceMatcher.occurs("……", in: article))
    }
}

final class LineBreakingTests: XCTestCase {
    func testCommandsAndLatinWordsAreNotSplit() {
        let hint = "（输入 对 或 错，也可用 √/×、T/F、Y/N；:h 查看命令）"
        let lines = DisplayWidth.wrap(hint, width: 40)
        XCTAssertEqual(lines.count, 2, "\(lines)")
        XCTAssertFalse(lines[0].hasSuffix(":"), "\(lines)")
        XCTAssertTrue(lines[1].contains(":h 查看命令"), "\(lines)")
        for width in 8...40 {
            for line in DisplayWidth.wrap("答题：多选输入全部选项（ABD、A,B,D 或 a b d）", width: width) {
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), max(width, 8))
                XCTAssertFalse(line.hasPrefix("B,D") || line.hasPrefix(",") || line.hasSuffix("A,"), "\(width): \(line)")
            }
        }
    }

    func testBlankInStemIsNotTornApart() {
        // At width 40 the space inside （ ） falls exactly at the break.
        let stem = "根据《安全生产法》，生产经营单位使用被派遣劳动者的，被派遣劳动者在安全生产方面（ ）。"
        let lines = DisplayWidth.wrap(stem, width: 40)
        XCTAssertTrue(lines.allSatisfy { !$0.hasPrefix("）") && !$0.hasSuffix("（") }, "\(lines)")
        XCTAssertTrue(lines.joined().contains("（ ）。"), "\(lines)")
        for width in 8...60 {
            for line in DisplayWidth.wrap(stem, width: width) {
                XCTAssertFalse(line.first.map { "，。）》".contains($0) } ?? false, "\(width): \(line)")
                XCTAssertFalse(line.last.map { "（《".contains($0) } ?? false, "\(width): \(line)")
                XCTAssertLessThanOrEqual(DisplayWidth.of(line), width)
            }
        }
    }

    func testContinuationLinesDoNotStartWithASpace() {
        let lines = DisplayWidth.wrap("alpha beta gamma delta epsilon", width: 11, indent: "  ")
        XCTAssertEqual(lines, ["alpha beta", "  gamma", "  delta", "  epsilon"])
    }
}

/// `law search` on a terminal: wrapped by cells, highlights applied per line.
final class SearchHighlightWrapTests: XCTestCase {
    func testHighlightsSurviveWrappingAndDoNotCountTowardWidth() {
        let paragraph = "档案主管部门根据违法线索进行检查时，在符合安全保密要求的前提下，可以检查有关库房、设施、设备，查阅有关材料，询问有关人员，记录有关情况，有关单位和个人应当配合。"
        let style: (String) -> String = { "\u{1B}[1;33m" + $0 + "\u{1B}[0m" }
        let lines = StatuteSearch.markedLines(["保密", "有关单位"], in: paragraph, firstPrefix: "  ", width: 40, style: style)
        let plain = lines.map { $0.replacingOccurrences(of: "\u{1B}[1;33m", with: "").replacingOccurrences(of: "\u{1B}[0m", with: "") }
        XCTAssertEqual(plain, DisplayWidth.wrap("  " + paragraph, width: 40))
        XCTAssertTrue(plain.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(plain)")
        XCTAssertFalse(plain.contains { $0.hasPrefix("。") || $0.hasPrefix("，") }, "\(plain)")
        XCTAssertEqual(lines.joined().components(separatedBy: "\u{1B}[1;33m").count - 1, 2, "\(lines)")
        XCTAssertTrue(lines.joined().contains("\u{1B}[1;33m保密\u{1B}[0m"))
        // A match cut by the line break is styled on both lines.
        let split = StatuteSearch.markedLines(["安全保密"], in: "一二三四五六七八九安全保密", firstPrefix: "", width: 20, style: style)
        XCTAssertEqual(split, ["一二三四五六七八九\u{1B}[1;33m安\u{1B}[0m", "\u{1B}[1;33m全保密\u{1B}[0m"])
    }
}
