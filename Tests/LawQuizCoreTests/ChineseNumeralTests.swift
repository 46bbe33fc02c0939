import LawQuizCore
import XCTest

final class ChineseNumeralTests: XCTestCase {
    func testKnownForms() {
        let cases: [(Int, String)] = [
            (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (21, "二十一"), (100, "一百"), (101, "一百零一"),
            (110, "一百一十"), (119, "一百一十九"), (205, "二百零五"), (999, "九百九十九"),
        ]
        for (value, text) in cases {
            XCTAssertEqual(ChineseNumeral.string(from: value), text, "\(value)")
            XCTAssertEqual(ChineseNumeral.value(of: text), value, text)
        }
    }

    func testRoundTripOneToNineHundredNinetyNine() {
        for value in 1...999 {
            guard let text = ChineseNumeral.string(from: value) else { return XCTFail("no text for \(value)") }
            XCTAssertEqual(ChineseNumeral.value(of: text), value, text)
        }
    }

    func testRejectsNonNumerals() {
        XCTAssertNil(ChineseNumeral.value(of: "条"))
        XCTAssertNil(ChineseNumeral.value(of: ""))
        XCTAssertNil(ChineseNumeral.string(from: 0))
        XCTAssertEqual(ChineseNumeral.value(of: "21"), 21)
        XCTAssertEqual(ChineseNumeral.value(of: "一〇五"), 105)
    }
}
