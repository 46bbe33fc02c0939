import Foundation
import LawQuizCore
import XCTest

/// 2024-annual draws five 案例题 of 4 points through `tags: [案例]` sections,
/// beside the per-law sections, and every paper it can draw is feasible.
final class CaseSectionTests: XCTestCase {
    private func annual2024() throws -> ExamDefinition {
        try ExamDefinitionLoader.load(
            file: ExamTestPaths.questionBanks.appendingPathComponent("exams/2024-annual.yaml").path,
            library: try SharedCatalog.get().library)
    }

    func testTheCaseSectionsAreReadAndSufficient() throws {
        let exam = try annual2024()
        XCTAssertEqual(exam.fullMarks, 100)
        let caseSections = exam.sections.filter { $0.tags == ["案例"] }
        XCTAssertEqual(caseSections.map(\.count).reduce(0, +), 5)
        XCTAssertEqual(Set(caseSections.map(\.points)), [4])
        XCTAssertTrue(caseSections.allSatisfy { $0.lawID == nil })
        let supply = PaperDrawer(catalog: try SharedCatalog.get()).supply(for: exam)
        XCTAssertTrue(supply.allSatisfy(\.isSufficient), "\(supply.filter { !$0.isSufficient })")
    }

    func testEveryPaperHasFiveCaseQuestionsWorthFourPoints() throws {
        let catalog = try SharedCatalog.get()
        let exam = try annual2024()
        let caseSectionIndices = Set(exam.sections.indices.filter { exam.sections[$0].tags == ["案例"] })
        for seed: UInt64 in [1, 2024, 0xCA5E] {
            let paper = try PaperDrawer(catalog: catalog).draw(exam, seed: seed)
            XCTAssertEqual(paper.totalPoints, 100)
            let cases = paper.items.filter { caseSectionIndices.contains($0.sectionIndex) }
            XCTAssertEqual(cases.count, 5)
            for item in cases {
                XCTAssertEqual(item.points, 4)
                XCTAssertTrue(try XCTUnwrap(catalog.question(item.questionID)).tags.contains("案例"), item.questionID)
            }
        }
    }
}
