import Foundation
import LawQuizCore
import XCTest

/// A case question citing several articles: each piece is read, linted
/// against its own article, counted in coverage and kept by the catalog cache.
final class CitationTests: XCTestCase {
    private static let twoArticles = """
        questions:
          - id: case-001
            type: judge
            law: work-safety
            tags: [案例]
            stem: 某厂主要负责人未组织制定本单位安全生产教育和培训计划，经责令限期改正后逾期未改正，可被处以罚款。
            answer: true
            citations:
              - article: 21
                evidence: （三）组织制定并实施本单位安全生产教育和培训计划
              - article: 94
                evidence: 生产经营单位的主要负责人未履行本法规定的安全生产管理职责的，责令限期改正，处二万元以上五万元以下的罚款
            explanation: 依据《安全生产法》第二十一条、第九十四条。
        """

    private func lint(_ text: String) throws -> (questions: [Question], diagnostics: [BankDiagnostic]) {
        let (bank, problems) = BankLoader.parse(text, file: "inline.yaml")
        let collection = BankCollection(banks: bank.map { [$0] } ?? [], diagnostics: problems)
        return (collection.questions, BankLinter(library: try TestPaths.library()).lint(collection))
    }

    func testEveryCitationIsReadAndChecked() throws {
        let (questions, diagnostics) = try lint(Self.twoArticles)
        XCTAssertEqual(diagnostics.map(\.description), [])
        let question = try XCTUnwrap(questions.first)
        XCTAssertEqual(question.citations.map(\.article), [21, 94])
        XCTAssertEqual(question.article, 21)
        XCTAssertEqual(question.citations.map(\.lawID), ["work-safety", "work-safety"])
    }

    func testSecondCitationEvidenceIsCheckedAgainstItsOwnArticle() throws {
        // The penalty text belongs to article 94, not 95: only the second piece is wrong.
        let text = Self.twoArticles.replacingOccurrences(of: "article: 94", with: "article: 95")
        let (_, diagnostics) = try lint(text)
        XCTAssertEqual(diagnostics.count, 1, diagnostics.map(\.description).joined(separator: "\n"))
        XCTAssertTrue(diagnostics[0].message.contains("第九十五条的原文摘录"), diagnostics[0].message)
    }

    func testCitationsAndSingleFormTogetherAreRejected() throws {
        let text = Self.twoArticles.replacingOccurrences(of: "    tags: [案例]", with: "    article: 21\n    tags: [案例]")
        let (questions, diagnostics) = try lint(text)
        XCTAssertTrue(questions.isEmpty)
        XCTAssertTrue(diagnostics.contains { $0.message.contains("不应再写 article") && $0.line == 5 }, "\(diagnostics)")
    }

    func testCitationWithoutEvidenceNamesItsLine() throws {
        let text = Self.twoArticles.replacingOccurrences(
            of: "      - article: 94\n        evidence: 生产经营单位的主要负责人未履行本法规定的安全生产管理职责的，责令限期改正，处二万元以上五万元以下的罚款\n",
            with: "      - article: 94\n        page: 3\n")
        let (questions, diagnostics) = try lint(text)
        XCTAssertTrue(questions.isEmpty)
        XCTAssertTrue(diagnostics.contains { $0.line == 11 && $0.message.contains("缺少必填字段 evidence") }, "\(diagnostics)")
        XCTAssertTrue(diagnostics.contains { $0.line == 12 && $0.message.contains("citations 中的未知字段 “page”") }, "\(diagnostics)")
    }

    func testCoverageCountsEveryCitedArticle() throws {
        let (bank, _) = BankLoader.parse(Self.twoArticles, file: "inline.yaml")
        let catalog = BankCatalog(
            library: try TestPaths.library(), collection: BankCollection(banks: bank.map { [$0] } ?? [], diagnostics: []))
        let coverage = try XCTUnwrap(BankCoverage(catalog: catalog).laws.first { $0.law == "work-safety" })
        XCTAssertEqual(coverage.questions, 1)
        XCTAssertEqual(coverage.coveredArticles, 2)
        XCTAssertFalse(coverage.uncovered.contains(94))
    }
}
