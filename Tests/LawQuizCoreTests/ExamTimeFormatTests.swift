import Foundation
import LawQuizCore
import XCTest

/// `ExamTimeFormat.format` builds the text from calendar fields; it must
/// read as a `yyyy-MM-dd HH:mm` DateFormatter does, in any zone, and read
/// back through `parse`.
final class ExamTimeFormatTests: XCTestCase {
    func testFormatEqualsDateFormatterAcrossZonesAndYears() throws {
        var generator = SystemRandomNumberGenerator()
        let zones = try ["UTC", "Asia/Shanghai", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"].map {
            try XCTUnwrap(TimeZone(identifier: $0))
        }
        for zone in zones {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = zone
            formatter.dateFormat = "yyyy-MM-dd HH:mm"
            // The accepted range of exam times, plus the day boundaries around a new year.
            var dates = (0..<300).map { _ in
                Date(timeIntervalSince1970: Double.random(in: ExamTimeFormat.acceptedRange.lowerBound.timeIntervalSince1970...ExamTimeFormat.acceptedRange.upperBound.timeIntervalSince1970, using: &generator))
            }
            // …and both instants of 2044-11-06 01:09 in New York (the hour a fall-back repeats).
            dates += [1_704_067_199, 1_704_067_200, 946_684_800, 0, 2362021740, 2362025340].map { Date(timeIntervalSince1970: $0) }
            for date in dates {
                let text = ExamTimeFormat.format(date, timeZone: zone)
                XCTAssertEqual(text, formatter.string(from: date), "\(date) in \(zone.identifier)")
                let minute = Date(timeIntervalSince1970: (date.timeIntervalSince1970 / 60).rounded(.down) * 60)
                let parsed = try XCTUnwrap(ExamTimeFormat.parse(text, timeZone: zone), text)
                XCTAssertEqual(ExamTimeFormat.format(parsed, timeZone: zone), text)
                // The same minute, except in the hour a fall-back repeats (its text names two instants an hour apart).
                XCTAssertTrue(parsed == minute || abs(parsed.timeIntervalSince(minute)) == 3600, "\(text): \(parsed) vs \(minute)")
            }
        }
    }

    /// Without a zone the C library's zone is used: the same text as the named zone `TZ` gives.
    func testFormatWithoutAZoneFollowsTZ() throws {
        let saved = getenv("TZ").map { String(cString: $0) }
        defer {
            if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
            tzset()
        }
        let dates = [0, 946_684_800, 1_704_067_199, 1_710_054_000, 2_362_021_740, 2_362_025_340].map { Date(timeIntervalSince1970: $0) }
        for name in ["UTC", "Asia/Shanghai", "America/New_York", "Pacific/Chatham"] {
            setenv("TZ", name, 1)
            let zone = try XCTUnwrap(TimeZone(identifier: name))
            for date in dates {
                XCTAssertEqual(ExamTimeFormat.format(date), ExamTimeFormat.format(date, timeZone: zone), "\(date) in \(name)")
            }
        }
    }
}
