import XCTest
@testable import LawQuizCore

/// Item statistics against the textbook formulas computed directly on arrays.
final class ItemAnalysisTests: XCTestCase {
    /// Marks per attempt (rows) for questions q1…q4 at positions 0…3 (1 point each).
    let marks: [[Double]] = [
        [1, 1, 0, 1],
        [1, 1, 1, 1],
        [1, 0, 1, 1],
        [1, 0, 0, 1],
        [0, 0, 1, 1],
    ]

    func analysis() -> ItemAnalysis {
        var accumulator = ItemAnalysisAccumulator()
        for (row, attempt) in marks.enumerated() {
            let total = attempt.reduce(0, +)
            accumulator.addAttempt(total: total)
            for (position, mark) in attempt.enumerated() {
                // Right answers are A; wrong ones B, except attempt 4 leaves q2 unanswered.
                let given = mark == 1 ? OptionBits(raw: 1) : (row == 4 && position == 1 ? OptionBits(raw: 0) : OptionBits(raw: 2))
                accumulator.addItem(
                    questionID: "q\(position + 1)", lawID: "work-safety", type: .single, position: position, key: OptionBits(raw: 1),
                    given: given, mark: mark, maxMark: 1, attemptTotal: total)
            }
        }
        return accumulator.result(article: { $0 == "q3" ? 12 : nil }, furtherArticles: { $0 == "q3" ? [94] : [] })
    }

    func column(_ index: Int) -> [Double] { marks.map { $0[index] } }
    func rest(_ index: Int) -> [Double] { marks.map { $0.reduce(0, +) - $0[index] } }

    static func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
    static func covariance(_ a: [Double], _ b: [Double]) -> Double {
        let ma = mean(a), mb = mean(b)
        return zip(a, b).reduce(0) { $0 + ($1.0 - ma) * ($1.1 - mb) } / Double(a.count - 1)
    }
    static func correlation(_ a: [Double], _ b: [Double]) -> Double {
        covariance(a, b) / (covariance(a, a) * covariance(b, b)).squareRoot()
    }

    func testFacilityDiscriminationAndEfficiency() throws {
        let result = analysis()
        XCTAssertEqual(result.items.map(\.questionID), ["q1", "q2", "q3", "q4"])
        for index in 0..<3 {
            let item = result.items[index]
            XCTAssertEqual(item.drawn, 5)
            XCTAssertEqual(try XCTUnwrap(item.facility), Self.mean(column(index)), accuracy: 1e-12)
            XCTAssertEqual(try XCTUnwrap(item.discrimination), Self.correlation(column(index), rest(index)), accuracy: 1e-12)
            let sortedPairs = zip(column(index).sorted(), rest(index).sorted()).map { [$0.0, $0.1] }
            let maxCov = Self.covariance(sortedPairs.map { $0[0] }, sortedPairs.map { $0[1] })
            let cov = Self.covariance(column(index), rest(index))
            if maxCov > 0 {
                XCTAssertEqual(try XCTUnwrap(item.discriminativeEfficiency), cov / maxCov, accuracy: 1e-12)
            }
        }
    }

    func testFlagsWithIDLawAndArticle() {
        let result = analysis()
        XCTAssertEqual(result.items[3].flags, [.almostAlwaysRight])
        XCTAssertNil(result.items[3].discrimination, "no spread, no correlation")
        XCTAssertEqual(result.items[2].flags, [.negativelyDiscriminating])
        XCTAssertEqual(result.items[2].article, 12)
        XCTAssertEqual(result.items[2].articleText, "第12条、第94条", "a case question's report names every cited article")
        XCTAssertNil(result.items[0].articleText)
        XCTAssertEqual(result.flagged.map(\.questionID), ["q3", "q4"])
        var hard = ItemAnalysisAccumulator()
        for total in [0.0, 1, 1] {
            hard.addAttempt(total: total)
            hard.addItem(questionID: "h", lawID: "archives", type: .judge, position: 0, key: OptionBits(raw: 1), given: OptionBits(raw: 2), mark: 0, maxMark: 2, attemptTotal: total)
        }
        XCTAssertEqual(hard.result().items[0].flags, [.almostAlwaysWrong])
    }

    func testOptionCounts() {
        let q2 = analysis().items[1]
        XCTAssertEqual(q2.optionCounts, [2, 2, 0, 0, 0, 0])
        XCTAssertEqual(q2.unanswered, 1)
        XCTAssertEqual(q2.answer, "A")
        XCTAssertEqual(q2.optionSummary, "A2 B2 C0 D0")
    }

    func testCronbachAlphaAndStandardError() throws {
        let test = analysis().test
        let totals = marks.map { $0.reduce(0, +) }
        let p = 4.0
        let itemVariances = (0..<4).reduce(0.0) { $0 + Self.covariance(column($1), column($1)) }
        let alpha = p / (p - 1) * (1 - itemVariances / Self.covariance(totals, totals))
        XCTAssertEqual(test.attempts, 5)
        XCTAssertEqual(test.positions, 4)
        XCTAssertEqual(try XCTUnwrap(test.internalConsistency), alpha, accuracy: 1e-12)
        let sd = Self.covariance(totals, totals).squareRoot()
        XCTAssertEqual(try XCTUnwrap(test.standardDeviation), sd, accuracy: 1e-12)
        if alpha < 1, alpha > 0 {
            XCTAssertEqual(try XCTUnwrap(test.standardError), (1 - alpha).squareRoot() * sd, accuracy: 1e-12)
        }
    }

    /// The fast bit-set marking agrees with the grader for every answer to a 4-option question.
    func testOptionBitsMarkLikeTheGrader() {
        let letters = ["A", "B", "C", "D"]
        let key = AnswerKey.options(["A", "C"])
        for scoring in MultipleScoring.allCases {
            let grader = Grader(multipleScoring: scoring)
            for mask in 0..<16 {
                let chosen = Set(letters.indices.filter { mask & (1 << $0) != 0 }.map { letters[$0] })
                let given: AnswerKey? = chosen.isEmpty ? nil : .options(chosen)
                let expected = grader.mark(given, key: key, type: .multiple, points: 3).earned
                let fast = OptionBits.mark(given: OptionBits(given), key: OptionBits(key), type: .multiple, points: 3, partial: scoring == .partial)
                XCTAssertEqual(fast, expected, "answer \(chosen.sorted()) under \(scoring)")
            }
        }
        XCTAssertEqual(OptionBits(.judgement(false)), OptionBits(code: "F", type: .judge))
        XCTAssertEqual(OptionBits(.options(["F"])), OptionBits(code: "F", type: .single))
    }
}
