import Foundation
import XCTest
@testable import LawQuizCore

/// Times and durations no real attempt has (only an edited store holds them)
/// are shown at ±1e15 s instead of trapping in `Int(…)`.
final class ReportTimeFormatTests: XCTestCase {
    private let utc = ReportTimeFormat(timeZone: TimeZone(identifier: "UTC")!)

    func testAbsurdTimesAreShownAtTheBound() {
        let latest = utc.dateTime(Date(timeIntervalSince1970: ReportTimeFormat.largestShown))
        let earliest = utc.dateTime(Date(timeIntervalSince1970: -ReportTimeFormat.largestShown))
        XCTAssertEqual(latest, "31690708-07-05 01:46:40")
        XCTAssertEqual(utc.dateTime(Date(timeIntervalSince1970: 1e300)), latest)
        XCTAssertEqual(utc.dateTime(Date(timeIntervalSince1970: .infinity)), latest)
        XCTAssertEqual(utc.dateTime(Date(timeIntervalSince1970: -1e300)), earliest)
        XCTAssertEqual(utc.dateTime(Date(timeIntervalSince1970: .nan)), earliest)
        XCTAssertEqual(utc.dateTime(Date(timeIntervalSince1970: 1_700_475_330)), "2023-11-20 10:15:30")
    }

    func testAbsurdDurationsAreShownAtTheBound() {
        XCTAssertEqual(ReportTimeFormat.duration(1e15), "277777777777:46:40")
        XCTAssertEqual(ReportTimeFormat.duration(1e300), "277777777777:46:40")
        XCTAssertEqual(ReportTimeFormat.duration(.infinity), "277777777777:46:40")
        XCTAssertEqual(ReportTimeFormat.duration(.nan), ReportTimeFormat.duration(-1e15))
        XCTAssertEqual(ReportTimeFormat.duration(2535.4), "0:42:15")
    }
}
