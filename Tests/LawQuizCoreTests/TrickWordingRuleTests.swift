import Foundation
import XCTest

@testable import LawQuizCore

/// The trick-wording warning: a 判断题 that is the statute with one modal word
/// swapped or one negation added is flagged; one that changes a fact is not.
final class TrickWordingRuleTests: XCTestCase {
    private func warnings(stem: String, evidence: String, article: Int, law: String = "national-security") throws -> [BankDiagnostic] {
        let question = Question(
            id: "t-1", type: .judge, lawID: law, article: article, stem: stem, options: [], answer: .judgement(false),
            evidence: evidence, explanation: "依据", source: SourceLocation(file: "inline.yaml", line: 7))
        return TrickWordingRule(library: try TestPaths.library()).warnings([question])
    }

    func testModalSwapIsFlagged() throws {
        let found = try warnings(
            stem: "根据《国家安全法》，香港特别行政区、澳门特别行政区可以履行维护国家安全的责任。",
            evidence: "香港特别行政区、澳门特别行政区应当履行维护国家安全的责任。", article: 40)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.severity, .warning)
        XCTAssertEqual(found.first?.line, 7)
        XCTAssertTrue(found.first?.message.contains("情态词（条文“应当”，题干“可以”）") ?? false, "\(found)")
    }

    func testSingleNegationIsFlaggedAgainstTheWholeArticle() throws {
        // The evidence quotes another sentence; the article text still gives the dropped 不 away.
        let found = try warnings(
            stem: "对保管条件符合要求或者存在其他原因可能导致档案严重损毁和不安全的，省级以上档案主管部门可以给予帮助。",
            evidence: "档案所有者应当妥善保管", article: 22, law: "archives")
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.message.contains("否定词（题干少了“不”）") ?? false, "\(found)")
    }

    func testDroppedLeadingNegationIsFlaggedThoughTheClauseOccurs() throws {
        // “具备安全生产条件的” occurs in 第二十条 only as the tail of “不具备安全生产条件的”.
        let found = try warnings(
            stem: "具备安全生产条件的，不得从事生产经营活动。", evidence: "不具备安全生产条件的，不得从事生产经营活动。",
            article: 20, law: "work-safety")
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.message.contains("题干少了“不”") ?? false, "\(found)")
    }

    func testPermissiveAddedToAMandatoryPenaltyIsFlagged() throws {
        // 第四十九条 imposes the fine outright (并对单位处…); “可以处” invites 错 on a 对 key.
        let found = try warnings(
            stem: "某公司利用档案馆的档案时损毁档案，可以处一万元以上十万元以下的罚款。",
            evidence: "并对单位处一万元以上十万元以下的罚款", article: 49, law: "archives")
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found.first?.message.contains("题干多出“可以”") ?? false, "\(found)")
    }

    func testFactualChangeIsClean() throws {
        let found = try warnings(
            stem: "根据《国家安全法》，维护国家安全的责任由中央和内地各级国家机关承担，香港特别行政区、澳门特别行政区不负有这一责任。",
            evidence: "香港特别行政区、澳门特别行政区应当履行维护国家安全的责任。", article: 40)
        XCTAssertEqual(found, [])
    }

    func testChoiceQuestionsAreNotChecked() throws {
        let question = Question(
            id: "t-2", type: .single, lawID: "national-security", article: 40,
            stem: "香港特别行政区、澳门特别行政区可以履行维护国家安全的责任", options: [], answer: .options(["A"]),
            evidence: "应当履行", explanation: "依据", source: SourceLocation(file: "inline.yaml", line: 1))
        XCTAssertEqual(TrickWordingRule(library: try TestPaths.library()).warnings([question]), [])
    }

    func testShippedJudgeQuestionsHaveNoTrickWording() throws {
        let collection = BankLoader.load(paths: [TestPaths.questionBanks.appendingPathComponent("banks").path])
        let found = TrickWordingRule(library: try TestPaths.library()).warnings(collection.questions)
        XCTAssertEqual(found.map(\.description), [])
    }

    /// The byte search gives Foundation's findings on every shipped question.
    func testByteSearchFindsWhatFoundationFinds() throws {
        let catalog = try SharedCatalog.get()
        let rule = TrickWordingRule(library: catalog.library)
        var flagged = 0
        // The shipped questions are clean: each also with its evidence as the stem, 应当 swapped for 可以.
        let swapped = catalog.questions.compactMap { question -> Question? in
            guard let range = question.evidence.range(of: "应当") else { return nil }
            var edited = question
            edited.stem = question.evidence.replacingCharacters(in: range, with: "可以")
            return edited
        }
        for question in catalog.questions + swapped {
            let finding = rule.finding(question)
            XCTAssertEqual(finding, rule.finding(question, bytes: false), question.id)
            if finding != nil { flagged += 1 }
        }
        XCTAssertGreaterThan(flagged, 0, "some shipped questions are flagged, so both paths are exercised")
    }
}
