import Foundation
import XCTest

@testable import LawQuizCore

/// `TextNormalizer.comparable` takes a path without Foundation's NFKC for
/// plain Chinese text; it must give Foundation's result for every character
/// it accepts and for every text the shipped banks and statutes hold.
final class TextNormalizerTests: XCTestCase {
    /// Every scalar the plain path accepts, alone and between ideographs.
    private var acceptedScalars: [Unicode.Scalar] {
        let ranges: [ClosedRange<UInt32>] = [0x09...0x0D, 0x20...0x7E, 0x3000...0x3000, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF5E]
        return (ranges.flatMap { Array($0) } + TextNormalizer.stablePunctuation).compactMap(Unicode.Scalar.init)
    }

    func testPlainPathMatchesFoundationForEveryAcceptedCharacter() {
        var mismatches: [String] = []
        for scalar in acceptedScalars {
            for text in [String(scalar), "法\(scalar)条", "\(scalar)\(scalar)a"] {
                let plain = TextNormalizer.plainComparable(text)
                if plain != TextNormalizer.foundationComparable(text) {
                    mismatches.append(String(format: "U+%04X", scalar.value))
                    break
                }
            }
        }
        XCTAssertEqual(mismatches, [], "the plain path differs from NFKC for these characters")
    }

    func testOtherCharactersTakeFoundationsPath() {
        // Compatibility forms the plain path must not guess: ellipsis, circled digit, ℃, a combining accent, NEL.
        for text in ["等…", "①项", "20℃", "e\u{301}", "a\u{85}b", "\u{F900}"] {
            XCTAssertNil(TextNormalizer.plainComparable(text), text)
            XCTAssertEqual(TextNormalizer.comparable(text), TextNormalizer.foundationComparable(text))
        }
        XCTAssertEqual(TextNormalizer.comparable("等…"), "等...")
    }

    func testShippedBanksAndStatutesGiveFoundationsResult() throws {
        let catalog = try SharedCatalog.get()
        var texts = catalog.library.laws.flatMap { $0.articles.map(\.text) }
        for question in catalog.questions {
            texts += [question.stem, question.evidence, question.explanation] + question.options.map(\.text)
        }
        var plainCount = 0
        for text in texts {
            if TextNormalizer.plainComparable(text) != nil { plainCount += 1 }
            XCTAssertEqual(TextNormalizer.comparable(text), TextNormalizer.foundationComparable(text), text)
        }
        // Nearly all of it is plain text; a drop here means the fast path stopped applying.
        XCTAssertGreaterThan(plainCount * 10, texts.count * 9, "\(plainCount) of \(texts.count) texts took the plain path")
    }

    /// The byte scan before `unsafeCharacterDescription` must never pass over a character it reports.
    func testByteScanMissesNoUnsafeCharacter() {
        var reported = 0
        // Every reported character is in the BMP; a few astral ones stand for the rest.
        for value in Array(UInt32(0)...0xFFFF) + [0x10000, 0x1F600, 0x10FFFF] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for text in [String(scalar), "法\(scalar)条"] {
                let slow = TextNormalizer.unsafeCharacterDescription(in: text, scanning: false)
                XCTAssertEqual(TextNormalizer.unsafeCharacterDescription(in: text), slow, String(format: "U+%04X", value))
                if slow != nil { reported += 1 }
            }
        }
        XCTAssertEqual(reported, 2 * (31 + 1 + 32 + 5 + 4), "C0 but LF, DEL, C1, the bidirectional controls")
    }
}
