import LawQuizCore
@testable import LawQuizTerminal
import XCTest

final class PromptLayoutTests: XCTestCase {
    private let confirm = "还有 4 题未作答（未答不得分）。确定交卷吗？输入 y 交卷，其他键返回继续作答："

    func testShortPromptIsLeftAlone() {
        let split = PromptLayout.split("答案> ", width: 60)
        XCTAssertEqual(split.lead, "")
        XCTAssertEqual(split.prompt, "答案> ")
    }

    func testLongPromptPrintsItsLeadAndKeepsRoomToType() {
        let split = PromptLayout.split(confirm, width: 60)
        XCTAssertFalse(split.lead.isEmpty)
        XCTAssertEqual((split.lead + split.prompt).filter { $0 != "\n" && $0 != " " }, confirm.filter { $0 != " " })
        for line in split.lead.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 50, String(line)) }
        XCTAssertLessThanOrEqual(DisplayWidth.of(split.prompt), 50)
    }

    func testColouredPromptKeepsReadlineMarkersOnTheLastLine() {
        let styled = TerminalStyle(color: true).prompt(confirm, "1;33")
        let split = PromptLayout.split(styled, width: 60)
        XCTAssertTrue(split.prompt.hasPrefix("\u{01}\u{1B}[1;33m\u{02}"), split.prompt.debugDescription)
        XCTAssertTrue(split.prompt.hasSuffix("\u{01}\u{1B}[0m\u{02}"), split.prompt.debugDescription)
        XCTAssertFalse(split.lead.contains("\u{01}"), "markers mean nothing outside readline's prompt")
        XCTAssertTrue(split.lead.hasPrefix("\u{1B}[1;33m"))
    }

    func testVisiblePromptDropsOnlyReadlineMarkers() {
        let styled = TerminalStyle(color: true).prompt("答案> ", "1;33")
        XCTAssertEqual(PromptText.visible(styled), "\u{1B}[1;33m答案> \u{1B}[0m")
        XCTAssertEqual(PromptText.visible("第\u{01}1\u{02}题 é̃ 👍🏽> "), "第1题 é̃ 👍🏽> ")
        XCTAssertEqual(PromptText.visible("答案> "), "答案> ")
        XCTAssertEqual(PromptText.visible("\u{01}\u{02}"), "")
    }
}
