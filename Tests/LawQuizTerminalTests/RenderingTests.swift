import Foundation
import LawQuizCore
@testable import LawQuizTerminal
import XCTest

/// Screens: wrapping by cells, the paper's option order, stripped control
/// characters, the answer map, prompts and completion.
final class RenderingTests: XCTestCase {
    private let question = Question(
        id: "t-1", type: .multiple, lawID: "work-safety", article: 21,
        stem: "生产经营单位的主要负责人对本单位安全生产工作负有下列哪些职责？\u{1B}[2J请选择全部正确选项。",
        options: [
            QuestionOption(letter: "A", text: "建立健全并落实本单位全员安全生产责任制"),
            QuestionOption(letter: "B", text: "组织制定并实施本单位安全生产教育和培训计划"),
            QuestionOption(letter: "C", text: "替代应急管理部门\u{07}开展行政执法"),
            QuestionOption(letter: "D", text: "保证本单位安全生产投入的有效实施"),
        ],
        answer: .options(["A", "B", "D"]), evidence: "建立健全并落实本单位全员安全生产责任制", explanation: "见第二十一条。",
        source: SourceLocation(file: "t.yaml", line: 1))

    func testCardWrapsByCellsInPaperOrderWithoutControlCharacters() {
        let card = QuestionCard(
            number: 3, total: 45, question: question, optionOrder: ["C", "A", "D", "B"], points: 3, lawName: "安全生产法",
            savedAnswer: "BCD", marked: true
        ).render(width: 30, style: .plain)
        let lines = card.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "第 3/45 题  多选题  3 分  《安全生产法》  ［已标记］")
        for line in lines.dropFirst() { XCTAssertLessThanOrEqual(DisplayWidth.of(line), 30, line) }
        XCTAssertFalse(card.contains("\u{1B}"))
        XCTAssertFalse(card.contains("\u{07}"))
        let optionStarts = lines.filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isLetter == true && $0.dropFirst(3).hasPrefix(". ") }
        XCTAssertEqual(optionStarts.map { String($0.dropFirst(2).prefix(1)) }, ["A", "B", "C", "D"])
        // Controls from a bad bank file are shown inert (BEL as ^G), never sent to the terminal.
        XCTAssertTrue(optionStarts[0].hasPrefix("  A. 替代应急管理部门^G开展"), optionStarts[0])
        XCTAssertTrue(optionStarts[1].hasPrefix("  B. 建立健全"), optionStarts[1])
        XCTAssertTrue(card.contains("已作答：BCD"))
    }

    func testWrappedLinesNeverStartWithClosingPunctuation() {
        let text = String(repeating: "安", count: 9) + "，" + String(repeating: "全", count: 20) + "。"
        for line in DisplayWidth.wrap(text, width: 20) {
            XCTAssertFalse(["，", "。"].contains(line.first), line)
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 20)
        }
    }

    func testAnswerMapCountsAndMarks() {
        let map = AnswerMap(entries: [
            .init(type: .single, answer: "A", marked: false), .init(type: .single, answer: nil, marked: true),
            .init(type: .judge, answer: "对", marked: false),
        ], current: 2)
        let text = map.render(width: 80, style: .plain)
        XCTAssertTrue(text.hasPrefix("答题卡  已答 2/3，未答 1，已标记 1\n"), text)
        XCTAssertTrue(text.contains("单选题：\n  1 A      2 __*\n"), text)
        XCTAssertTrue(text.contains("判断题：\n >3 对\n"), text)
        XCTAssertEqual(map.unansweredNumbers, [2])
    }

    func testColouredPromptsWrapEscapesInReadlineMarkers() {
        let prompt = TerminalStyle(color: true).prompt("答案> ")
        XCTAssertEqual(prompt, "\u{01}\u{1B}[1;36m\u{02}答案> \u{01}\u{1B}[0m\u{02}")
        XCTAssertEqual(TerminalStyle.plain.prompt("答案> "), "答案> ")
    }

    func testCompletionOffersCommandsOnlyAtLineStart() {
        XCTAssertEqual(CommandCompletion.candidates(for: ":g", atLineStart: true), [":g"])
        XCTAssertEqual(CommandCompletion.candidates(for: ":", atLineStart: true).count, 8)
        XCTAssertEqual(CommandCompletion.candidates(for: "A", atLineStart: true), [])
        XCTAssertEqual(CommandCompletion.candidates(for: ":q", atLineStart: false), [])
        XCTAssertEqual(CommandCompletion.commonPrefix([":n", ":p"]), ":")
        // Practice offers only what practice understands; plain prompts offer nothing.
        XCTAssertEqual(CommandCompletion.candidates(for: ":", atLineStart: true, among: CommandCompletion.practiceCommands), [":n", ":q", ":h"])
        XCTAssertEqual(CommandCompletion.candidates(for: "", atLineStart: true, among: LineRequest.fixed("工号：").completions), [])
        let mask = CommandCompletion.mask(of: CommandCompletion.practiceCommands)
        XCTAssertEqual(CommandCompletion.names(inMask: mask), [":n", ":q", ":h"])
        XCTAssertEqual(CommandCompletion.names(inMask: CommandCompletion.mask(of: CommandCompletion.examCommands)).count, 8)
    }

    func testSessionInputParsing() {
        XCTAssertEqual(SessionInput("  "), .empty)
        XCTAssertEqual(SessionInput(" a b d "), .answer("a b d"))
        XCTAssertEqual(SessionInput(":g 12"), .command(.go(12)))
        XCTAssertEqual(SessionInput(":g12"), .command(.go(12)))
        XCTAssertEqual(SessionInput("：q"), .command(.quit))
        XCTAssertEqual(SessionInput("：ｇ　１２"), .command(.go(12)), "full-width command from a Chinese input method")
        XCTAssertEqual(SessionInput("：Ｑ"), .command(.quit))
        XCTAssertEqual(SessionInput(":S"), .command(.submit))
        if case .badCommand = SessionInput(":g x") {} else { XCTFail(":g x is a usage error") }
        if case .badCommand = SessionInput(":zz") {} else { XCTFail(":zz is unknown") }
        XCTAssertTrue(Confirmation.isYes("Y"))
        XCTAssertTrue(Confirmation.isYes("是"))
        XCTAssertFalse(Confirmation.isYes(""))
        XCTAssertFalse(Confirmation.isYes("n"))
    }
}

/// The 解析 shown after an answer names options as they were shown.
final class FeedbackLetteringTests: XCTestCase {
    func testExplanationUsesDisplayLetters() {
        let question = Question(
            id: "t-2", type: .multiple, lawID: "work-safety", article: 49, stem: "下列属于禁止行为的有（ ）。",
            options: ["倒卖资质", "转包", "分包给具备资质的单位", "出借资质"].enumerated().map {
                QuestionOption(letter: OptionLetters.letter(at: $0.offset), text: $0.element)
            },
            answer: .options(["A", "B", "D"]), evidence: "", explanation: "A、B、D均属禁止行为，C项不选。",
            source: SourceLocation(file: "t.yaml", line: 1))
        let lettering = PaperItem(
            index: 0, questionID: "t-2", contentHash: "", optionOrder: ["C", "A", "D", "B"], points: 1, sectionIndex: 0,
            type: .multiple, lawID: "work-safety")
        let lines = FeedbackText.explanation(question, lettering: lettering, width: 80)
        XCTAssertEqual(lines, ["解析：B、D、C均属禁止行为，A项不选。"])
    }
}

/// A case question citing a duty and a penalty shows both in the review.
final class CitationRenderingTests: XCTestCase {
    func testReviewShowsEveryCitedArticleWithItsExcerpt() throws {
        let library = try TerminalTestBanks.catalog.get().library
        let question = Question(
            id: "t-3", type: .judge, lawID: "work-safety", article: 21, stem: "……", options: [], answer: .judgement(true),
            evidence: "（三）组织制定并实施本单位安全生产教育和培训计划", explanation: "见第二十一条、第九十四条。",
            furtherCitations: [Citation(lawID: "安全生产法", article: 94, evidence: "处二万元以上五万元以下的罚款")],
            source: SourceLocation(file: "t.yaml", line: 1))
        let lines = FeedbackText.citedEvidence(question, library: library, width: 80, style: .plain)
        XCTAssertEqual(lines, [
            "依据：《安全生产法》第二十一条", "      “（三）组织制定并实施本单位安全生产教育和培训计划”",
            "依据：《安全生产法》第九十四条", "      “处二万元以上五万元以下的罚款”",
        ])
    }
}
