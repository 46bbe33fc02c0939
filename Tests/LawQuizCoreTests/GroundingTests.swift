import Foundation
import XCTest

@testable import LawQuizCore

final class GroundingTests: XCTestCase {
    private static let library = Result { try TestPaths.library() }
    private var library: LawLibrary { get throws { try Self.library.get() } }

    private func shippedQuestions() -> [Question] {
        BankLoader.load(paths: [TestPaths.questionBanks.appendingPathComponent("banks").path]).questions
    }

    /// The benchmark of the README: the shipped questions re-grounded without their law, article and evidence.
    func testShippedQuestionsAreGroundedInTheirOwnArticle() throws {
        let questions = shippedQuestions()
        let result = GroundingBenchmark(library: try library).run(questions)
        XCTAssertEqual(result.questions, questions.count)
        XCTAssertGreaterThan(result.questions, 600)
        XCTAssertGreaterThanOrEqual(result.share(result.top1), 0.93, "top-1: \(result.misses.prefix(10))")
        XCTAssertGreaterThanOrEqual(result.share(result.top3), 0.97)
        XCTAssertEqual(result.evidencePasses, result.questions, "every proposed evidence is verbatim text of its article")
        print(String(format: "grounding: top-1 %.1f%%, top-3 %.1f%%, evidence passing lint %.1f%%",
                     100 * result.share(result.top1), 100 * result.share(result.top3), 100 * result.share(result.evidencePasses)))
    }

    func testCiteRanksTheArticleThatSaysItFirst() throws {
        let grounder = Grounder(library: try library)
        let ranked = grounder.cite("生产经营单位的主要负责人是本单位安全生产第一责任人")
        XCTAssertEqual(ranked.first.map { "\($0.lawID) \($0.article)" }, "work-safety 5")
        XCTAssertTrue(ranked.count > 1 && ranked[0].score > 2 * ranked[1].score)
        let archives = grounder.cite("档案工作实行统一领导、分级管理的原则", lawIDs: ["archives"])
        XCTAssertTrue(archives.allSatisfy { $0.lawID == "archives" })
        XCTAssertTrue(grounder.cite("！？。").isEmpty)
    }

    func testEvidenceIsVerbatimRunsInArticleOrderWithoutRepeats() throws {
        let law = try XCTUnwrap(try library.law(named: "work-safety"))
        let article = try XCTUnwrap(law.article(21))
        let evidence = EvidenceExtractor.evidence(
            for: ["主要负责人应当组织制定并实施本单位安全生产教育和培训计划", "建立健全并落实本单位全员安全生产责任制"], in: article)
        XCTAssertTrue(EvidenceMatcher.occurs(evidence, in: article.text), evidence)
        let pieces = evidence.components(separatedBy: "……")
        XCTAssertEqual(Set(pieces).count, pieces.count)
        XCTAssertTrue(pieces.contains { $0.contains("组织制定并实施本单位安全生产教育和培训计划") }, evidence)
        let first = try XCTUnwrap(article.text.range(of: pieces[0]))
        let last = try XCTUnwrap(article.text.range(of: pieces[pieces.count - 1]))
        XCTAssertLessThanOrEqual(first.lowerBound, last.lowerBound)
        // Nothing shared: the best sentence of the article, still verbatim.
        let fallback = EvidenceExtractor.evidence(for: ["ＸＹＺ"], in: article)
        XCTAssertTrue(EvidenceMatcher.occurs(fallback, in: article.text))
    }

    func testGroundedQuestionIsMarkedAutoAndUnclearOnesCarryCandidates() throws {
        let library = try library
        let question = Question(
            id: "t-1", type: .judge, lawID: "", article: 0, stem: "国家安全工作应当坚持总体国家安全观。", options: [],
            answer: .judgement(true), evidence: "", explanation: "x", source: SourceLocation(file: "t", line: 1))
        let (grounded, proposal) = try XCTUnwrap(Grounder(library: library).ground(question))
        XCTAssertEqual(grounded.grounding, .auto)
        XCTAssertEqual(grounded.lawID, "national-security")
        XCTAssertEqual(grounded.confidence, (proposal.confidence * 100).rounded() / 100)
        XCTAssertTrue(BankLinter(library: library).check(grounded).isEmpty)
        let note = BankWriter.candidateNote(proposal, library: library).joined()
        XCTAssertTrue(note.contains("《国家安全法》第"), note)
        let warnings = GroundingReview.warnings([grounded], library: library)
        XCTAssertEqual(warnings.map(\.severity), [.warning])
        var reviewed = grounded
        reviewed.grounding = .reviewed
        XCTAssertTrue(GroundingReview.warnings([reviewed], library: library).isEmpty)
    }

    func testGroundingFieldsAreReadAndCheckedAndDraftsMayLeaveOutTheArticle() {
        let yaml = """
            questions:
              - id: g-1
                type: judge
                law: work-safety
                article: 5
                grounding: auto
                confidence: 0.42
                stem: 主要负责人是第一责任人。
                answer: true
                evidence: 第一责任人
                explanation: 见第五条。
              - id: g-2
                type: judge
                law: work-safety
                article: 5
                grounding: maybe
                confidence: 2
                stem: 其他负责人对职责范围内的安全生产工作负责。
                answer: true
                evidence: 其他负责人
                explanation: 见第五条。
              - id: g-3
                type: judge
                stem: 草稿题目不写条文。
                answer: true
                explanation: 待定位。
            """
        let (bank, diagnostics) = BankLoader.parse(yaml, file: "g.yaml")
        XCTAssertEqual(bank?.questions.first?.grounding, .auto)
        XCTAssertEqual(bank?.questions.first?.confidence, 0.42)
        XCTAssertEqual(diagnostics.map(\.line), [16, 17, 22, 22, 22])
        let (draft, draftProblems) = BankLoader.parse(yaml, file: "g.yaml", allowsUngrounded: true)
        XCTAssertEqual(draftProblems.map(\.line), [16, 17])
        XCTAssertEqual(draft?.questions.last?.lawID, "")
    }

    func testCatalogSnapshotKeepsGroundingFields() throws {
        let library = try library
        var questions = Array(shippedQuestions().prefix(3))
        questions[0].grounding = .auto
        questions[0].confidence = 0.42
        questions[1].grounding = .reviewed
        let bank = QuestionBank(id: "g", title: "g", file: "g.yaml", questions: questions)
        let catalog = BankCatalog(library: library, linted: [bank], diagnostics: [])
        let decoded = try CatalogSnapshot.decode(CatalogSnapshot.encode(catalog))
        XCTAssertEqual(decoded.questions, questions)
    }

    func testWrittenBanksReadBackToTheSameQuestions() throws {
        var questions = shippedQuestions()
        questions[0].stem = "true"
        questions[1].explanation = "- 第一行: \"引号\" #号\n第二行\\"
        questions[2].tags = ["a, b", "[x]"]
        questions[3].grounding = .auto
        questions[3].confidence = 0.5
        let text = BankWriter.yaml(bankID: "all", title: "全部: 题库", questions: questions, notes: [questions[0].id: ["注释"]])
        let (bank, diagnostics) = BankLoader.parse(text, file: "all.yaml")
        XCTAssertEqual(diagnostics, [])
        let read = try XCTUnwrap(bank).questions
        XCTAssertEqual(bank?.title, "全部: 题库")
        XCTAssertEqual(read.count, questions.count)
        for (original, back) in zip(questions, read) {
            var expected = original
            expected.source = back.source
            XCTAssertEqual(back, expected)
        }
    }
}
