import XCTest
@testable import LawQuizCore

final class RateTests: XCTestCase {
    func testOneDecimalWithoutIntegerTruncation() {
        XCTAssertEqual(Rate(118, of: 120).text, "118/120 = 98.3%")
        XCTAssertEqual(Rate(1, of: 3).text, "1/3 = 33.3%")
        XCTAssertEqual(Rate(2, of: 3).text, "2/3 = 66.7%")
        XCTAssertEqual(Rate(49, of: 50).text, "49/50 = 98.0%")
        XCTAssertEqual(Rate(1, of: 8).percentText, "12.5%")
        XCTAssertEqual(Rate(120, of: 120).text, "120/120 = 100.0%")
        XCTAssertEqual(Rate(0, of: 120).text, "0/120 = 0.0%")
    }

    func testNeverClaimsAllOrNoneByRounding() {
        XCTAssertEqual(Rate(1999, of: 2000).percentText, "99.9%")
        XCTAssertEqual(Rate(1, of: 2000).percentText, "0.1%")
        XCTAssertEqual(Rate(99_999, of: 100_000).percentText, "99.9%")
    }

    func testEmptyDenominatorIsNotZeroPercent() {
        XCTAssertEqual(Rate(0, of: 0).text, "0/0 = —")
        XCTAssertNil(Rate(0, of: 0).value)
        XCTAssertNil(Rate(0, of: 0).percent)
    }

    func testEncodesFractionAndPercentage() throws {
        let json = String(decoding: try JSONEncoder().encode(Rate(118, of: 120)), as: UTF8.self)
        XCTAssertTrue(json.contains("\"numerator\":118"))
        XCTAssertTrue(json.contains("\"denominator\":120"))
        XCTAssertTrue(json.contains("\"percent\":98.3"))
        XCTAssertEqual(try JSONDecoder().decode(Rate.self, from: Data(json.utf8)), Rate(118, of: 120))
    }
}
