import Foundation
import LawQuizCore
import XCTest

final class PaperSheetHTMLTests: XCTestCase {
    func printed() throws -> (PaperSheetHTML, [PrintedPaper]) {
        let catalog = try SharedCatalog.get()
        let exam = try ExamDefinitionLoader.load(
            file: ExamTestPaths.questionBanks.appendingPathComponent("exams/2023-annual.yaml").path, library: catalog.library)
        let drawer = PaperDrawer(catalog: catalog)
        let papers = try [7, 8].map { number in
            PrintedPaper(
                number: number, paper: try drawer.draw(exam, seed: UInt64(number)), checkCode: "a1b2c\(number)",
                staff: number == 8 ? RosterEntry(staffID: "S008", name: "王<芳>", department: "综合办公室") : nil)
        }
        return (PaperSheetHTML(exam: exam, catalog: catalog), papers)
    }

    func testPapersCarryEveryQuestionButNoKeyExplanationOrEvidence() throws {
        let (renderer, papers) = try printed()
        let html = renderer.papers(papers)
        let catalog = renderer.catalog
        for paper in papers {
            XCTAssertTrue(html.contains("试卷号 \(paper.number)"))
            XCTAssertTrue(html.contains(paper.checkCode))
            for item in paper.paper.items {
                let question = try XCTUnwrap(catalog.question(item.questionID))
                XCTAssertTrue(html.contains(XMLText.escaped(question.stem)), "stem of \(item.questionID)")
                // A 判断 stem may quote its article word for word: only text the
                // question itself does not show counts as leaked.
                let shown = ([question.stem] + question.options.map(\.text)).joined(separator: "\n")
                for text in [question.explanation, question.evidence] where text.count > 12 && !shown.contains(text) {
                    XCTAssertFalse(html.contains(XMLText.escaped(text)), "key text of \(item.questionID) leaked")
                }
            }
        }
        for leak in ["解析", "标准答案", "answer_key"] { XCTAssertFalse(html.contains(leak), leak) }
        XCTAssertTrue(html.contains("王&lt;芳&gt;"), "names are escaped")
        XCTAssertTrue(html.contains("size: A4"))
        XCTAssertTrue(html.contains("SimSun") && html.contains("SimHei"))
    }

    func testEachPaperStartsANewPageAndHasAnAnswerSheetNumberedLikeThePaper() throws {
        let (renderer, papers) = try printed()
        let html = renderer.papers(papers)
        XCTAssertEqual(html.components(separatedBy: "<section class=\"paper\">").count - 1, 2)
        XCTAssertEqual(html.components(separatedBy: "<section class=\"paper sheet\">").count - 1, 2)
        let items = papers[0].paper.items.count
        XCTAssertEqual(html.components(separatedBy: "<span class=\"box\"></span>").count - 1, items * 2)
        XCTAssertTrue(html.contains("<span class=\"n\">\(items)</span>"))
    }

    func testKeyFileGivesTheAnswersInTheEntryNotation() throws {
        let (renderer, papers) = try printed()
        let key = renderer.key(papers)
        let catalog = renderer.catalog
        let answers = Dictionary(uniqueKeysWithValues: papers[0].paper.items.map { ($0.index, catalog.question($0.questionID)!.answer) })
        XCTAssertTrue(key.contains(XMLText.escaped(AnswerSheetLine.format(answers, items: papers[0].paper.items))))
        XCTAssertTrue(key.contains("校验码 \(papers[0].checkCode)"))
    }
}
