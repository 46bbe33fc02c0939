import Foundation
import LawQuizCore
import XCTest

final class GradingTests: XCTestCase {
    let order = ["C", "A", "D", "B"]

    func testChoiceInputForms() throws {
        // Displayed A is bank C, B is bank A, C is bank D, D is bank B.
        XCTAssertEqual(try AnswerInput.parse("A", type: .single, optionOrder: order), .options(["C"]))
        XCTAssertEqual(try AnswerInput.parse(" b ", type: .single, optionOrder: order), .options(["A"]))
        for text in ["ABD", "A,B,D", "a b d", "d,a，b", "A、B、D", "abdd", "ＡＢＤ", "ａ　ｂ　ｄ"] {
            XCTAssertEqual(try AnswerInput.parse(text, type: .multiple, optionOrder: order), .options(["C", "A", "B"]), text)
        }
    }

    func testJudgementInputForms() throws {
        for text in ["对", "√", "T", "t", "Y", "y", "正确", "是", "Ｔ"] {
            XCTAssertEqual(try AnswerInput.parse(text, type: .judge, optionOrder: []), .judgement(true), text)
        }
        for text in ["错", "×", "F", "f", "N", "n", "错误", "否"] {
            XCTAssertEqual(try AnswerInput.parse(text, type: .judge, optionOrder: []), .judgement(false), text)
        }
    }

    func testBadInputGivesHints() {
        XCTAssertThrowsError(try AnswerInput.parse("", type: .single, optionOrder: order)) { XCTAssertEqual($0 as? AnswerInputError, .empty) }
        XCTAssertThrowsError(try AnswerInput.parse("AB", type: .single, optionOrder: order)) {
            XCTAssertEqual($0 as? AnswerInputError, .singleNeedsOneLetter)
        }
        XCTAssertThrowsError(try AnswerInput.parse("E", type: .multiple, optionOrder: order)) {
            XCTAssertEqual($0 as? AnswerInputError, .notAnOption(character: "E", letters: "A/B/C/D"))
        }
        XCTAssertThrowsError(try AnswerInput.parse("A", type: .judge, optionOrder: [])) { XCTAssertEqual($0 as? AnswerInputError, .notAJudgement) }
        XCTAssertThrowsError(try AnswerInput.parse("对", type: .single, optionOrder: order))
    }

    func testDisplayTextMapsBankLettersBack() {
        let item = PaperItem(index: 0, questionID: "q", contentHash: "h", optionOrder: order, points: 2, sectionIndex: 0, type: .multiple, lawID: "x")
        XCTAssertEqual(item.displayText(of: .options(["C", "B"])), "AD")
        XCTAssertEqual(item.bankLetter(forDisplay: "c"), "D")
        XCTAssertEqual(item.displayLetter(forBank: "A"), "B")
    }

    func testEachTypeAllOrNothing() {
        let grader = Grader()
        XCTAssertEqual(grader.mark(.options(["B"]), key: .options(["B"]), type: .single, points: 2).earned, 2)
        XCTAssertEqual(grader.mark(.options(["A"]), key: .options(["B"]), type: .single, points: 2).verdict, .wrong)
        XCTAssertEqual(grader.mark(.judgement(false), key: .judgement(false), type: .judge, points: 2).earned, 2)
        XCTAssertEqual(grader.mark(.judgement(true), key: .judgement(false), type: .judge, points: 2).earned, 0)
        XCTAssertEqual(grader.mark(.options(["A", "C"]), key: .options(["A", "C"]), type: .multiple, points: 3).earned, 3)
        XCTAssertEqual(grader.mark(.options(["A"]), key: .options(["A", "C"]), type: .multiple, points: 3).earned, 0)
        XCTAssertEqual(grader.mark(nil, key: .options(["A"]), type: .single, points: 2).verdict, .unanswered)
    }

    func testPartialScoringOfMultipleChoice() {
        let grader = Grader(multipleScoring: .partial)
        let key = AnswerKey.options(["A", "C", "D"])
        XCTAssertEqual(grader.mark(.options(["A", "C"]), key: key, type: .multiple, points: 3), ItemMark(verdict: .partial, earned: 1.5, possible: 3))
        XCTAssertEqual(grader.mark(.options(["A"]), key: key, type: .multiple, points: 3).earned, 1.5)
        XCTAssertEqual(grader.mark(.options(["A", "B"]), key: key, type: .multiple, points: 3).earned, 0, "a wrong option earns nothing")
        XCTAssertEqual(grader.mark(key, key: key, type: .multiple, points: 3).earned, 3)
        XCTAssertEqual(grader.mark(.options(["A"]), key: .options(["B"]), type: .single, points: 2).earned, 0, "partial is only for 多选")
    }

    /// Ten 判断 worth 10 each: n right scores 10·n.
    func grade(right: Int, passMark: Double? = nil, excellentMark: Double? = nil) -> ExamGrade {
        let exam = ExamDefinition(
            id: "cut", title: "分数线", sections: [ExamSection(lawID: nil, type: .judge, count: 10, points: 10)], timeLimitMinutes: 10,
            passMark: passMark, excellentMark: excellentMark)
        let items = (0..<10).map {
            PaperItem(index: $0, questionID: "q\($0)", contentHash: "", optionOrder: [], points: 10, sectionIndex: 0, type: .judge, lawID: $0 < 5 ? "a" : "b")
        }
        let keys = [AnswerKey](repeating: .judgement(true), count: 10)
        var answers: [Int: AnswerKey] = [:]
        for index in 0..<10 { answers[index] = .judgement(index < right) }
        return ExamGrade(exam: exam, items: items, keys: keys, answers: answers)
    }

    func testCutOffsAreInclusive() {
        XCTAssertEqual(grade(right: 6).score, 60)
        XCTAssertTrue(grade(right: 6).passed)
        XCTAssertFalse(grade(right: 6).excellent)
        XCTAssertFalse(grade(right: 5).passed)
        XCTAssertTrue(grade(right: 9).excellent)
        XCTAssertTrue(grade(right: 9).passed)
        XCTAssertFalse(grade(right: 8).excellent)
        XCTAssertTrue(grade(right: 7, passMark: 70, excellentMark: 70).excellent)
    }

    func testPartialHalvesReachExactlyTheCutOff() {
        // 59 + two halves of 0.5 would be 60: float sums must still pass.
        let exam = ExamDefinition(
            id: "p", title: "p", sections: [ExamSection(lawID: nil, type: .multiple, count: 3, points: 1)], timeLimitMinutes: 1,
            passMark: 2, excellentMark: 3, multipleScoring: .partial)
        let items = (0..<3).map {
            PaperItem(index: $0, questionID: "q\($0)", contentHash: "", optionOrder: ["A", "B", "C"], points: 1, sectionIndex: 0, type: .multiple, lawID: "a")
        }
        let key = AnswerKey.options(["A", "B"])
        let grade = ExamGrade(exam: exam, items: items, keys: [key, key, key], answers: [0: key, 1: .options(["A"]), 2: .options(["B"])])
        XCTAssertEqual(grade.score, 2)
        XCTAssertTrue(grade.passed)
        XCTAssertEqual(grade.items.map(\.mark.verdict), [.right, .partial, .partial])
    }

    func testBreakdownByLawAndType() {
        let grade = grade(right: 7)
        XCTAssertEqual(grade.byLaw, [
            GradeBreakdown(key: "a", questions: 5, right: 5, earned: 50, possible: 50),
            GradeBreakdown(key: "b", questions: 5, right: 2, earned: 20, possible: 50),
        ])
        XCTAssertEqual(grade.byType, [GradeBreakdown(key: "judge", questions: 10, right: 7, earned: 70, possible: 100)])
        XCTAssertEqual(grade.wrongItems.map(\.item.index), [7, 8, 9])
    }
}
