import Foundation
import LawQuizCore
import XCTest

final class ExamTimingTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_700_000_000)

    func exam(limit: Int = 60, opens: Date? = nil, closes: Date? = nil) -> ExamDefinition {
        ExamDefinition(
            id: "t", title: "计时", sections: [ExamSection(lawID: nil, type: .judge, count: 1, points: 100)], timeLimitMinutes: limit,
            opensAt: opens, closesAt: closes)
    }

    func testDeadlineIsStartPlusLimitAndHoldsWithAnInjectedClock() {
        let clock = ManualWallClock(start)
        let deadline = ExamTiming.deadline(for: exam(), startedAt: clock.now)
        XCTAssertEqual(deadline, start + 3600)
        clock.advance(by: 3599)
        XCTAssertFalse(ExamTiming.hasExpired(deadline, now: clock.now))
        XCTAssertEqual(ExamTiming.secondsLeft(until: deadline, now: clock.now), 1)
        clock.advance(by: 1)
        XCTAssertTrue(ExamTiming.hasExpired(deadline, now: clock.now))
        XCTAssertEqual(ExamTiming.secondsLeft(until: deadline, now: clock.now + 50), 0)
    }

    func testClosingTimeCutsTheDeadline() {
        let closes = start + 600
        XCTAssertEqual(ExamTiming.deadline(for: exam(closes: closes), startedAt: start), closes)
        XCTAssertEqual(ExamTiming.deadline(for: exam(closes: start + 7200), startedAt: start), start + 3600)
    }

    func testWindow() {
        let definition = exam(opens: start, closes: start + 86400)
        XCTAssertThrowsError(try ExamTiming.checkWindow(definition, now: start - 1)) { error in
            guard case .notOpenYet = error as? ExamWindowError else { return XCTFail("\(error)") }
        }
        XCTAssertNoThrow(try ExamTiming.checkWindow(definition, now: start))
        XCTAssertThrowsError(try ExamTiming.checkWindow(definition, now: start + 86400)) { error in
            guard case .closed = error as? ExamWindowError else { return XCTFail("\(error)") }
        }
    }

    func testCountdownFormat() {
        XCTAssertEqual(ExamTiming.formatCountdown(seconds: 3545), "59:05")
        XCTAssertEqual(ExamTiming.formatCountdown(seconds: 3723), "1:02:03")
        XCTAssertEqual(ExamTiming.formatCountdown(seconds: 0), "00:00")
    }
}
