import LawQuizCore
import XCTest

/// The bar the full banks must keep (issue: full question banks): counts,
/// coverage, type mix, difficulty spread, answer-letter spread, negative stems.
/// The mix checks apply to the recall banks; the case banks (`*-cases`, issue
/// 16) have their own bar below, so adding them cannot hide a drift in the first.
final class ShippedBankMinimaTests: XCTestCase {
    private static let minima: [String: (questions: Int, coverage: Double)] = [
        "work-safety": (240, 0.9), "archives": (100, 0.9), "national-security": (160, 0.9),
    ]

    private func catalog() throws -> BankCatalog {
        try BankCatalog.load(root: TestPaths.questionBanks)
    }

    private static func isCaseBank(_ bank: QuestionBank) -> Bool { bank.id.hasSuffix("-cases") }

    /// The recall banks only (the original 607 questions and their successors).
    private func recallQuestions(_ catalog: BankCatalog) -> [Question] {
        catalog.banks.filter { !Self.isCaseBank($0) }.flatMap(\.questions)
    }

    func testCountsAndCoverage() throws {
        let catalog = try catalog()
        XCTAssertEqual(catalog.diagnostics.map(\.description), [])
        for law in BankCoverage(catalog: catalog).laws {
            let minimum = try XCTUnwrap(Self.minima[law.law])
            XCTAssertGreaterThanOrEqual(law.questions, minimum.questions, law.law)
            XCTAssertGreaterThanOrEqual(law.coverage, minimum.coverage, "\(law.law) uncovered: \(law.uncovered)")
        }
    }

    func testTypeMixAndDifficultyPerLaw() throws {
        let catalog = try catalog()
        for law in catalog.library.laws {
            let questions = recallQuestions(catalog).filter { $0.lawID == law.id }
            let total = Double(questions.count)
            func share(_ type: QuestionType) -> Double { Double(questions.filter { $0.type == type }.count) / total }
            XCTAssertTrue((0.45...0.60).contains(share(.single)), "\(law.id) single \(share(.single))")
            XCTAssertTrue((0.20...0.30).contains(share(.multiple)), "\(law.id) multiple \(share(.multiple))")
            XCTAssertTrue((0.15...0.30).contains(share(.judge)), "\(law.id) judge \(share(.judge))")
            XCTAssertGreaterThanOrEqual(Set(questions.compactMap(\.difficulty)).count, 3, law.id)
        }
    }

    func testSingleChoiceAnswerLettersAreSpread() throws {
        let catalog = try catalog()
        for law in catalog.library.laws {
            let keys = recallQuestions(catalog).filter { $0.lawID == law.id && $0.type == .single }
                .compactMap { question -> String? in
                    if case .options(let letters) = question.answer { return letters.first }
                    return nil
                }
            for letter in ["A", "B", "C", "D"] {
                let share = Double(keys.filter { $0 == letter }.count) / Double(max(keys.count, 1))
                XCTAssertTrue((0.15...0.35).contains(share), "\(law.id) letter \(letter): \(share)")
            }
        }
    }

    func testNegativeStemsAreFewAndExplanationsCiteTheArticle() throws {
        let catalog = try catalog()
        let markers = ["不正确的是", "不属于", "不包括", "错误的是"]
        for law in catalog.library.laws {
            let choice = recallQuestions(catalog).filter { $0.lawID == law.id && $0.type != .judge }
            let negative = choice.filter { question in markers.contains { question.stem.contains($0) } }
            XCTAssertLessThanOrEqual(Double(negative.count), 0.15 * Double(choice.count), law.id)
            for question in catalog.questions where question.lawID == law.id {
                let heading = try XCTUnwrap(law.article(question.article)).heading
                XCTAssertTrue(question.explanation.contains(heading), "\(question.id) explanation should cite \(heading)")
            }
            let judges = recallQuestions(catalog).filter { $0.lawID == law.id && $0.type == .judge }
            let trueShare = Double(judges.filter { $0.answer == .judgement(true) }.count) / Double(max(judges.count, 1))
            XCTAssertTrue((0.3...0.7).contains(trueShare), "\(law.id) judge true share \(trueShare)")
        }
    }

    /// Issue 16: at least 50 案例题 per law, in all three forms, judge keys
    /// balanced, single keys spread, many resting on two articles, and a
    /// 解析 that names every article the question cites.
    func testCaseBanks() throws {
        let catalog = try catalog()
        let cases = catalog.banks.filter(Self.isCaseBank).flatMap(\.questions)
        for law in catalog.library.laws {
            let questions = cases.filter { $0.lawID == law.id }
            XCTAssertGreaterThanOrEqual(questions.count, 50, law.id)
            XCTAssertTrue(questions.allSatisfy { $0.tags.contains("案例") }, "\(law.id): every case question is tagged 案例")
            for type in QuestionType.allCases {
                XCTAssertGreaterThanOrEqual(questions.filter { $0.type == type }.count, 5, "\(law.id) \(type)")
            }
            let judges = questions.filter { $0.type == .judge }
            let trueShare = Double(judges.filter { $0.answer == .judgement(true) }.count) / Double(max(judges.count, 1))
            XCTAssertTrue((0.3...0.7).contains(trueShare), "\(law.id) case judge true share \(trueShare)")
            let keys = questions.compactMap { question -> String? in
                if question.type == .single, case .options(let letters) = question.answer { return letters.first }
                return nil
            }
            for letter in ["A", "B", "C", "D"] {
                let share = Double(keys.filter { $0 == letter }.count) / Double(max(keys.count, 1))
                XCTAssertTrue((0.15...0.35).contains(share), "\(law.id) case letter \(letter): \(share)")
            }
            XCTAssertGreaterThanOrEqual(questions.filter { $0.citations.count > 1 }.count, 5, "\(law.id): cases citing duty and penalty")
            for question in questions {
                for citation in question.citations {
                    let heading = try XCTUnwrap(law.article(citation.article)).heading
                    XCTAssertTrue(question.explanation.contains(heading), "\(question.id) explanation should name \(heading)")
                }
            }
        }
    }
}
