import Foundation
import LawQuizCore
import XCTest

/// `trimmingBlanks` replaces Foundation's `trimmingCharacters(in: .whitespaces)`
/// on the start path; it must remove exactly the same characters.
final class BlankTrimmingTests: XCTestCase {
    func testEveryScalarOfTheBasicPlaneTrimsAsFoundationDoes() {
        for value in UInt32(0)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in ["\(scalar)", "\(scalar)工号\(scalar)", "\(scalar)\(scalar)a b\(scalar)"] {
                XCTAssertEqual(text.trimmingBlanks(), text.trimmingCharacters(in: .whitespaces), "U+\(String(value, radix: 16))")
            }
        }
    }

    func testRandomMixturesOfBlanksAndText() {
        let pieces = [" ", "\t", "\u{3000}", "\u{A0}", "\u{2009}", "\n", "\r\n", "A", "工", "\u{301}", "", "👍🏽"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            XCTAssertEqual(text.trimmingBlanks(), text.trimmingCharacters(in: .whitespaces), text.debugDescription)
            XCTAssertEqual(Substring(text).trimmingBlanks(), text.trimmingCharacters(in: .whitespaces))
        }
    }
}
