import Foundation
import LawQuizCore
import XCTest

final class PaperDrawerTests: XCTestCase {
    func annual() throws -> ExamDefinition {
        let catalog = try SharedCatalog.get()
        return try ExamDefinitionLoader.load(
            file: ExamTestPaths.questionBanks.appendingPathComponent("exams/2023-annual.yaml").path, library: catalog.library)
    }

    func testSameSeedGivesTheSamePaperAndOptionOrder() throws {
        let drawer = PaperDrawer(catalog: try SharedCatalog.get())
        let exam = try annual()
        let first = try drawer.draw(exam, seed: 20231201)
        let again = try drawer.draw(exam, seed: 20231201)
        XCTAssertEqual(first, again)
        let other = try drawer.draw(exam, seed: 20231202)
        XCTAssertNotEqual(first.items.map(\.questionID), other.items.map(\.questionID))
    }

    func testSectionsAreFilledWithoutRepeats() throws {
        let catalog = try SharedCatalog.get()
        let drawer = PaperDrawer(catalog: catalog)
        let exam = try annual()
        for seed: UInt64 in [0, 1, 42, .max, 0xDEAD_BEEF] {
            let paper = try drawer.draw(exam, seed: seed)
            XCTAssertEqual(paper.items.count, 45)
            XCTAssertEqual(Set(paper.items.map(\.questionID)).count, 45, "no question twice")
            XCTAssertEqual(paper.totalPoints, 100)
            XCTAssertEqual(paper.items.map(\.index), Array(0..<45))
            for (offset, section) in exam.sections.enumerated() {
                let drawn = paper.items.filter { $0.sectionIndex == offset }
                XCTAssertEqual(drawn.count, section.count)
                for item in drawn {
                    let question = try XCTUnwrap(catalog.question(item.questionID))
                    XCTAssertTrue(section.admits(question))
                    XCTAssertEqual(item.points, section.points)
                    XCTAssertEqual(item.contentHash, question.contentHash)
                    XCTAssertEqual(item.optionOrder.sorted(), question.options.map(\.letter).sorted(), "a permutation")
                }
            }
            // Types stay grouped in the order of first appearance: 单选, 多选, 判断.
            let types = paper.items.map(\.type)
            XCTAssertEqual(types, types.sorted { QuestionType.allCases.firstIndex(of: $0)! < QuestionType.allCases.firstIndex(of: $1)! })
        }
    }

    func testOptionsAreShuffledAcrossSeedsButKeptWhenAskedTo() throws {
        let catalog = try SharedCatalog.get()
        let drawer = PaperDrawer(catalog: catalog)
        var exam = try annual()
        let orders = try (0..<10).flatMap { try drawer.draw(exam, seed: UInt64($0)).items.map(\.optionOrder) }
        XCTAssertTrue(orders.contains { !$0.isEmpty && $0 != $0.sorted() }, "some option order differs from the bank's")
        exam.shuffleOptions = false
        exam.shuffleQuestions = false
        let plain = try drawer.draw(exam, seed: 7)
        for item in plain.items {
            XCTAssertEqual(item.optionOrder, catalog.question(item.questionID)!.options.map(\.letter))
        }
        let sectionOrder = plain.items.filter { $0.type == .single }.map(\.sectionIndex)
        XCTAssertEqual(sectionOrder, sectionOrder.sorted(), "without shuffling, sections keep their order")
    }

    func testSectionThatCannotBeFilledIsNamed() throws {
        let catalog = try SharedCatalog.get()
        let available = catalog.questions.filter { $0.lawID == "archives" && $0.type == .multiple }.count
        let exam = try parseExam(
            """
            id: big
            title: 大考
            time_limit_minutes: 10
            sections:
              - { law: archives, type: single, count: 1, points: 1 }
              - { law: 档案法, type: multiple, count: \(available + 1), points: 1 }
            """, library: catalog.library)
        XCTAssertThrowsError(try PaperDrawer(catalog: catalog).draw(exam, seed: 1)) { error in
            guard case .sectionCannotBeFilled(let id, let section, let description, let needed, let found) = error as? PaperError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(id, "big")
            XCTAssertEqual(section, 2)
            XCTAssertEqual(needed, available + 1)
            XCTAssertEqual(found, available)
            XCTAssertTrue(description.contains("多选题") && description.contains("档案法"), description)
            XCTAssertTrue(error.localizedDescription.contains("第 2 部分"))
        }
        let supply = PaperDrawer(catalog: catalog).supply(for: exam)
        XCTAssertEqual(supply.map(\.isSufficient), [true, false])
    }

    func testSupplyCountsWorstCaseOverlap() throws {
        let catalog = try SharedCatalog.get()
        let judges = catalog.questions.filter { $0.type == .judge && $0.lawID == "archives" }.count
        let exam = try parseExam(
            """
            id: overlap
            title: 重叠
            time_limit_minutes: 10
            sections:
              - { type: judge, count: 3, points: 1 }
              - { law: archives, type: judge, count: \(judges - 2), points: 1 }
            """, library: catalog.library)
        let supply = PaperDrawer(catalog: catalog).supply(for: exam)
        XCTAssertEqual(supply[1].matching, judges)
        XCTAssertEqual(supply[1].available, judges - 3)
        XCTAssertFalse(supply[1].isSufficient, "the first section may take three archives questions")
    }

    func testGeneratorIsStableAndUniform() {
        var generator = SeededGenerator(seed: 1)
        var again = SeededGenerator(seed: 1)
        let values = (0..<5).map { _ in generator.next() }
        XCTAssertEqual(values, (0..<5).map { _ in again.next() })
        XCTAssertEqual(Set(values).count, 5)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<6000 { counts[generator.below(6)] += 1 }
        XCTAssertTrue(counts.allSatisfy { (800...1200).contains($0) }, "\(counts)")
        var splitMix = SplitMix64(seed: 0)
        // Reference value of SplitMix64 from seed 0 (Vigna's reference implementation).
        XCTAssertEqual(splitMix.next(), 0xE220_A839_7B1D_CDAF)
    }
}

/// 解析 that names options by bank letter must follow the paper's shuffled lettering.
final class OptionRelabelingTests: XCTestCase {
    private func item(_ order: [String]) -> PaperItem {
        PaperItem(
            index: 0, questionID: "q", contentHash: "h", optionOrder: order, points: 1, sectionIndex: 0, type: .multiple,
            lawID: "work-safety")
    }

    func testLettersInExplanationFollowDisplayOrder() {
        // Bank C is shown as A, bank A as B, bank D as C, bank B as D.
        let lettering = item(["C", "A", "D", "B"])
        XCTAssertEqual(
            lettering.relabelingOptionLetters(in: "A、B、D均属禁止行为；C项不选，选项B错误。"),
            "B、D、C均属禁止行为；A项不选，选项D错误。")
    }

    func testOnlyStandaloneOptionLettersChange() {
        let lettering = item(["B", "A", "C"])
        XCTAssertEqual(lettering.relabelingOptionLetters(in: "GB 5A级 A项 D项 (A)"), "GB 5A级 B项 D项 (B)")
        XCTAssertEqual(item(["A", "B", "C", "D"]).relabelingOptionLetters(in: "B项错误"), "B项错误")
        XCTAssertEqual(item([]).relabelingOptionLetters(in: "A项"), "A项")
    }
}
