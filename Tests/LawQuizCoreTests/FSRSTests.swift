import Foundation
import LawQuizCore
import XCTest

/// FSRS-4.5 against values worked by hand from the published formulas
/// (fsrs4anki wiki, "The Algorithm", FSRS-4.5) and the default weights
/// w = [0.4872, 1.4003, 3.7145, 13.8206, 5.1618, 1.2298, 0.8975, 0.031, 1.6474,
///      0.1367, 1.0461, 2.1072, 0.0793, 0.3246, 1.587, 0.2272, 2.8755].
final class FSRSTests: XCTestCase {
    let fsrs = FSRS()

    /// S₀(G) = w[G−1]; D₀(G) = w4 − (G−3)·w5:
    /// Again 0.4872 / 5.1618 + 2·1.2298 = 7.6214; Hard 1.4003 / 6.3916;
    /// Good 3.7145 / 5.1618; Easy 13.8206 / 3.9320.
    func testFirstReview() {
        let expected: [(ReviewRating, Double, Double)] = [
            (.again, 0.4872, 7.6214), (.hard, 1.4003, 6.3916), (.good, 3.7145, 5.1618), (.easy, 13.8206, 3.9320),
        ]
        for (rating, stability, difficulty) in expected {
            let state = fsrs.review(nil, rating: rating, elapsedDays: 0)
            XCTAssertEqual(state.stability, stability, accuracy: 1e-9, "\(rating)")
            XCTAssertEqual(state.difficulty, difficulty, accuracy: 1e-9, "\(rating)")
            XCTAssertEqual(state.reps, 1)
            XCTAssertEqual(state.lapses, rating == .again ? 1 : 0)
        }
    }

    /// R(S,S) = (1 + 19/81)^−0.5 = (100/81)^−0.5 = 0.9 exactly, so at
    /// desired retention 0.9 the interval I = S/FACTOR·(0.9^−2 − 1) = S.
    /// R(0) = 1; R(10, 3.7145) = (1 + 19/81·10/3.7145)^−0.5 = 0.782902.
    func testRetrievabilityAndInterval() {
        XCTAssertEqual(FSRS.retrievability(elapsedDays: 3.7145, stability: 3.7145), 0.9, accuracy: 1e-12)
        XCTAssertEqual(FSRS.retrievability(elapsedDays: 0, stability: 3.7145), 1, accuracy: 1e-12)
        XCTAssertEqual(FSRS.retrievability(elapsedDays: 10, stability: 3.7145), 0.782902, accuracy: 1e-6)
        XCTAssertEqual(fsrs.intervalDays(stability: 3.7145), 3.7145, accuracy: 1e-9)
        XCTAssertEqual(fsrs.scheduledDays(stability: 3.7145), 4)
        XCTAssertEqual(fsrs.scheduledDays(stability: 0.4872), 1, "never less than a day")
        XCTAssertEqual(FSRS(desiredRetention: 0.8).intervalDays(stability: 10), 10 / (19.0 / 81) * (pow(0.8, -2) - 1), accuracy: 1e-9)
    }

    /// After a first Good (S = 3.7145, D = 5.1618), reviewed 3 days later:
    /// R = (1 + 19/81·3/3.7145)^−0.5 = 0.916911.
    /// Recall: e^{w8} = 5.193459, 11 − D = 5.8382, S^{−w9} = 0.835785,
    /// e^{w10·(1−R)} − 1 = 0.090808, so the growth term is 2.301256 and
    /// S′(Good) = 3.7145·3.301256 = 12.262351; Hard ×w15: 5.656572; Easy ×w16: 28.293844.
    /// D′(Good) = w7·D₀(3) + (1−w7)·D = 5.1618 (unchanged);
    /// D′(Easy) = 0.031·5.1618 + 0.969·(5.1618 − 0.8975) = 4.292123.
    func testSuccessfulRecall() {
        let first = fsrs.review(nil, rating: .good, elapsedDays: 0)
        let good = fsrs.review(first, rating: .good, elapsedDays: 3)
        XCTAssertEqual(good.stability, 12.262351, accuracy: 1e-5)
        XCTAssertEqual(good.difficulty, 5.1618, accuracy: 1e-9)
        XCTAssertEqual(good.reps, 2)
        XCTAssertEqual(fsrs.review(first, rating: .hard, elapsedDays: 3).stability, 5.656572, accuracy: 1e-5)
        let easy = fsrs.review(first, rating: .easy, elapsedDays: 3)
        XCTAssertEqual(easy.stability, 28.293844, accuracy: 1e-5)
        XCTAssertEqual(easy.difficulty, 4.292123, accuracy: 1e-6)
    }

    /// A lapse 3 days after a first Good: D^{−w12} = 0.877960,
    /// (S+1)^{w13} − 1 = 0.654235, e^{w14·(1−R)} = 1.140951, so
    /// S′ = 2.1072·0.877960·0.654235·1.140951 = 1.380961;
    /// D′ = 0.031·5.1618 + 0.969·(5.1618 + 2·0.8975) = 6.901155.
    func testLapse() {
        let first = fsrs.review(nil, rating: .good, elapsedDays: 0)
        let again = fsrs.review(first, rating: .again, elapsedDays: 3)
        XCTAssertEqual(again.stability, 1.380961, accuracy: 1e-5)
        XCTAssertEqual(again.difficulty, 6.901155, accuracy: 1e-6)
        XCTAssertEqual(again.lapses, 1)
        XCTAssertEqual(again.reps, 2)
    }

    /// Difficulty stays within [1, 10] however many Again or Easy ratings.
    func testDifficultyIsClamped() {
        var hard = fsrs.review(nil, rating: .again, elapsedDays: 0)
        var easy = fsrs.review(nil, rating: .easy, elapsedDays: 0)
        for _ in 0..<200 {
            hard = fsrs.review(hard, rating: .again, elapsedDays: 1)
            easy = fsrs.review(easy, rating: .easy, elapsedDays: easy.stability)
        }
        XCTAssertLessThanOrEqual(hard.difficulty, 10)
        XCTAssertGreaterThanOrEqual(easy.difficulty, 1)
        XCTAssertGreaterThan(hard.stability, 0)
    }

    func testRatingFromCorrectnessAndTime() {
        XCTAssertEqual(ReviewRating(correct: false, answerSeconds: 3), .again)
        XCTAssertEqual(ReviewRating(correct: true, answerSeconds: ReviewRating.easySeconds), .easy)
        XCTAssertEqual(ReviewRating(correct: true, answerSeconds: 40), .good)
        XCTAssertEqual(ReviewRating(correct: true, answerSeconds: ReviewRating.hardSeconds + 1), .hard)
        XCTAssertEqual(ReviewRating(correct: true, answerSeconds: nil), .good)
        XCTAssertEqual(ReviewRating(verdict: .right), .good)
        XCTAssertEqual(ReviewRating(verdict: .partial), .hard)
        XCTAssertEqual(ReviewRating(verdict: .wrong), .again)
        XCTAssertNil(ReviewRating(verdict: .unanswered))
    }

    func testDaysInARow() {
        let calendar = StudyCalendar(timeZone: TimeZone(identifier: "Asia/Shanghai")!)
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-15 06:13 in Shanghai
        let day = { (offset: Int) in calendar.startOfDay(now, plus: offset).addingTimeInterval(3600) }
        XCTAssertEqual(calendar.daysInARow(studyDates: [day(0), day(-1), day(-2), day(-4)], today: now), 3)
        XCTAssertEqual(calendar.daysInARow(studyDates: [day(-1), day(-2)], today: now), 2, "today is not over yet")
        XCTAssertEqual(calendar.daysInARow(studyDates: [day(-2)], today: now), 0)
        XCTAssertEqual(calendar.daysInARow(studyDates: [], today: now), 0)
        XCTAssertEqual(calendar.days(from: now, to: day(3).addingTimeInterval(-7200)), 2, "23:00 two days on")
        XCTAssertEqual(calendar.days(from: now, to: day(3)), 3)
    }
}
