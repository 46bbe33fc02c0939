import Foundation
import LawQuizCore
import XCTest

final class AnswerSheetLineTests: XCTestCase {
    /// 2 单选 (options shown in bank order C A D B), 2 多选, 2 判断.
    let items: [PaperItem] = [
        PaperItem(index: 0, questionID: "s1", contentHash: "", optionOrder: ["C", "A", "D", "B"], points: 1, sectionIndex: 0, type: .single, lawID: "x"),
        PaperItem(index: 1, questionID: "s2", contentHash: "", optionOrder: ["A", "B", "C", "D"], points: 1, sectionIndex: 0, type: .single, lawID: "x"),
        PaperItem(index: 2, questionID: "m1", contentHash: "", optionOrder: ["A", "B", "C", "D"], points: 2, sectionIndex: 1, type: .multiple, lawID: "x"),
        PaperItem(index: 3, questionID: "m2", contentHash: "", optionOrder: ["B", "A", "C"], points: 2, sectionIndex: 1, type: .multiple, lawID: "x"),
        PaperItem(index: 4, questionID: "j1", contentHash: "", optionOrder: [], points: 1, sectionIndex: 2, type: .judge, lawID: "x"),
        PaperItem(index: 5, questionID: "j2", contentHash: "", optionOrder: [], points: 1, sectionIndex: 2, type: .judge, lawID: "x"),
    ]

    func testParsesAWholeSheetIntoBankLetters() throws {
        let answers = try AnswerSheetLine.parse("AD ABD/AB/ √×", items: items)
        XCTAssertEqual(answers[0], .options(["C"]), "display A is bank C")
        XCTAssertEqual(answers[1], .options(["D"]))
        XCTAssertEqual(answers[2], .options(["A", "B", "D"]))
        XCTAssertEqual(answers[3], .options(["B", "A"]))
        XCTAssertEqual(answers[4], .judgement(true))
        XCTAssertEqual(answers[5], .judgement(false))
    }

    func testSpacesCaseFullWidthAndChineseJudgementsAreAccepted() throws {
        let answers = try AnswerSheetLine.parse(" a  ｄ  a b d / a b | 对 错 ", items: items)
        XCTAssertEqual(answers[2], .options(["A", "B", "D"]))
        XCTAssertEqual(answers[5], .judgement(false))
    }

    func testAMultipleChoiceAnswerEndsAtItsSlash() {
        // Without the `/` the judgements run into the last 多选 answer.
        XCTAssertThrowsError(try AnswerSheetLine.parse("AD ABD/AB √×", items: items)) { error in
            guard case .badAnswer(let number, let text, _)? = error as? AnswerSheetError else { return XCTFail("\(error)") }
            XCTAssertEqual(number, 4)
            XCTAssertEqual(text, "AB√×")
        }
        XCTAssertEqual(try AnswerSheetLine.parse("AD ABD/AB", items: Array(items.prefix(4))).count, 4, "optional at the very end")
    }

    func testDashLeavesAQuestionBlank() throws {
        let answers = try AnswerSheetLine.parse("-A -/AC/ -√", items: items)
        XCTAssertNil(answers[0])
        XCTAssertNil(answers[2])
        XCTAssertNil(answers[4])
        XCTAssertEqual(answers.count, 3)
    }

    func testTooFewAndTooManyAreCounted() {
        XCTAssertThrowsError(try AnswerSheetLine.parse("AD ABD/", items: items)) { error in
            XCTAssertEqual(error as? AnswerSheetError, .tooFew(given: 3, expected: 6))
            XCTAssertTrue(error.localizedDescription.contains("共 6 题"))
        }
        XCTAssertThrowsError(try AnswerSheetLine.parse("AD ABD/AB/ √×√", items: items)) { error in
            XCTAssertEqual(error as? AnswerSheetError, .tooMany(expected: 6, rest: "√"))
        }
    }

    func testAnAnswerThatIsNoOptionNamesItsQuestion() {
        XCTAssertThrowsError(try AnswerSheetLine.parse("AD ABD/AD/ √×", items: items)) { error in
            guard case .badAnswer(let number, let text, _)? = error as? AnswerSheetError else { return XCTFail("\(error)") }
            XCTAssertEqual(number, 4, "question 4 has only A–C")
            XCTAssertEqual(text, "AD")
        }
        XCTAssertThrowsError(try AnswerSheetLine.parse("AD ABD/AB/ A×", items: items)) { error in
            guard case .badAnswer(let number, _, _)? = error as? AnswerSheetError else { return XCTFail("\(error)") }
            XCTAssertEqual(number, 5)
        }
    }

    func testFormatReadsBackWhatParseTakes() throws {
        let answers = try AnswerSheetLine.parse("A- ABD/-/ ×√", items: items)
        let text = AnswerSheetLine.format(answers, items: items)
        XCTAssertEqual(text, "A- ABD/-/ ×√")
        XCTAssertEqual(try AnswerSheetLine.parse(text, items: items), answers)
    }
}
