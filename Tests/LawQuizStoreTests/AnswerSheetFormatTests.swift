import Foundation
import GRDB
@testable import LawQuizStore
import XCTest

/// The answer sheet's text format (`AnswerSheet`): records in any order,
/// refusal of anything not well formed, and points that read back exactly
/// as the store writes them (`AnswerSheet.pointsText`) and Swift prints them.
final class AnswerSheetFormatTests: XCTestCase {
    private func parse(_ sheet: String) -> [(Int, String, String, Double, String)]? {
        var text = sheet
        return text.withUTF8 { bytes in
            var records: [AnswerSheet.Record] = []
            guard AnswerSheet.parse(bytes, into: &records) else { return nil }
            let string = { (bytes: UnsafeBufferPointer<UInt8>) in String(decoding: bytes, as: UTF8.self) }
            return records.map { ($0.index, string($0.question), string($0.key), $0.points, string($0.answer)) }
        }
    }

    func testRecordsParseInAnyOrderAndMalformedSheetsAreRefused() throws {
        let (rs, us) = ("\u{1E}", "\u{1F}")
        let sheet = "1" + rs + "2" + us + "q-3" + us + "T" + us + "1.5" + us + "F" + rs + "0" + us + "题一" + us + "ABD" + us + "2.0" + us
        let records = try XCTUnwrap(parse(sheet))
        XCTAssertEqual(records.map(\.0), [2, 0])
        XCTAssertEqual(records.map(\.1), ["q-3", "题一"])
        XCTAssertEqual(records.map(\.2), ["T", "ABD"])
        XCTAssertEqual(records.map(\.3), [1.5, 2])
        XCTAssertEqual(records.map(\.4), ["F", ""])
        XCTAssertEqual(parse("1")?.count, 0, "a paper without items")
        for bad in ["", "2", "x" + rs, "11" + rs, "1" + rs + "0" + us + "q" + us + "A" + us + "1", "1" + rs + "-1" + us + "q" + us + "A" + us + "1" + us,
                    "1" + rs + "0" + us + "q" + us + "A" + us + "zwei" + us, "1" + rs + "0" + us + "q" + us + "A" + us + "1" + us + us] {
            XCTAssertNil(parse(bad), bad.debugDescription)
        }
        // A position named twice (an edited sheet), in order or not, is refused; distinct ones in any order are read.
        let item = { (position: Int) in rs + "\(position)" + us + "q" + us + "A" + us + "1" + us + "A" }
        XCTAssertNil(parse("1" + item(0) + item(1) + item(1)))
        XCTAssertNil(parse("1" + item(3) + item(0) + item(3)))
        XCTAssertEqual(parse("1" + item(3) + item(0) + item(2))?.map(\.0), [3, 0, 2])
    }

    func testPointsReadBackExactlyAsSQLiteWritesThem() throws {
        var random = SystemRandomNumberGenerator()
        var values: [Double] = [0, 1, 2, 0.5, 1.5, 0.1, 0.2, 0.3, 1.0 / 3, 2.0 / 3, 1e-7, 123_456.789, 99.99, 1e22, Double.leastNonzeroMagnitude, -2.5]
        values += (0..<2_000).map { _ in Double(Int.random(in: 0...100_000, using: &random)) / Double([1, 2, 4, 10, 100, 3, 7][Int.random(in: 0..<7, using: &random)]) }
        values += (0..<2_000).map { _ in Double.random(in: -1e6...1e6, using: &random) }
        let queue = try DatabaseQueue()
        try queue.read { db in
            for value in values {
                for text in [try String.fetchOne(db, sql: "SELECT \(AnswerSheet.pointsText(SQLiteDialect(), "?"))", arguments: [value]) ?? "", "\(value)"] {
                    var copy = text
                    let parsed = copy.withUTF8 { AnswerSheet.number($0) }
                    XCTAssertEqual(parsed?.bitPattern, value.bitPattern, "\(text) for \(value)")
                }
            }
        }
    }
}
