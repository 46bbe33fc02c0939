import Foundation
import GRDB
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// `StoredTimestamp` against SQLite's own `julianday()` (the conversion the
/// export's statements used to make) on the SQLite the store links: every
/// millisecond fraction, random dates in years 0–9999 with days past the
/// month's end and hour 24, and texts of other shapes, which it leaves to SQLite.
final class StoredTimestampTests: XCTestCase {
    func testMillisecondsEqualJuliandays() throws {
        var random = SeededGenerator(seed: 31)
        var texts = (0..<1000).flatMap { fraction in
            [0, 1, 30, 59].map { String(format: "2023-11-20 13:45:%02d.%03d", $0, fraction) }
        }
        for _ in 0..<20_000 {
            let date = String(
                format: "%04d-%02d-%02d", Int.random(in: 0...9999, using: &random), Int.random(in: 1...12, using: &random),
                Int.random(in: 1...31, using: &random))
            let time = String(
                format: "%02d:%02d:%02d.%03d", Int.random(in: 0...24, using: &random), Int.random(in: 0...59, using: &random),
                Int.random(in: 0...59, using: &random), Int.random(in: 0...999, using: &random))
            texts.append(date + (Bool.random(using: &random) ? " " : "T") + time)
        }
        let queue = try DatabaseQueue()
        try queue.read { db in
            let statement = try db.makeStatement(sql: "SELECT (julianday(?) - 2440587.5) * 86400.0")
            for text in texts {
                let seconds = try XCTUnwrap(Double.fetchOne(statement, arguments: [text]), text)
                let milliseconds = Array(text.utf8).withUnsafeBufferPointer(StoredTimestamp.milliseconds)
                XCTAssertEqual(milliseconds, Int64((seconds * 1000).rounded()), text)
            }
        }
    }

    func testOtherShapesAreLeftToSQLite() {
        let texts = [
            "2023-11-20 13:45:00", "2023-11-20 13:45:00.0000", "2023-11-20", "2023-13-20 13:45:00.000", "2023-11-32 13:45:00.000",
            "2023-11-20 25:00:00.000", "2023-11-20 13:60:00.000", "2023-11-20 13:45:60.000", "2023-11-20+13:45:00.000",
            "2023/11/20 13:45:00.000", "2023-11-20 13:45:00,000", "-023-11-20 13:45:00.000", "2023-1a-20 13:45:00.000",
            "2023-00-20 13:45:00.000", "2023-11-00 13:45:00.000", "2460000.5", "",
        ]
        for text in texts { XCTAssertNil(Array(text.utf8).withUnsafeBufferPointer(StoredTimestamp.milliseconds), text) }
    }
}
