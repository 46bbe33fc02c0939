import Foundation
import XCTest

@testable import LawQuizCore

/// `ComparableSearch` stands in for Foundation's `range(of:)` when evidence
/// is matched against an article: on plain text both must find the same place.
final class ComparableSearchTests: XCTestCase {
    private func foundationEnd(_ needle: String, in haystack: String, from start: Int) -> Int? {
        let from = haystack.utf8.index(haystack.startIndex, offsetBy: start)
        return haystack.range(of: needle, range: from..<haystack.endIndex).map { haystack.utf8.distance(from: haystack.startIndex, to: $0.upperBound) }
    }

    func testAgreesWithFoundationOnArticleExcerpts() throws {
        let library = try TestPaths.library()
        var generator = SystemRandomNumberGenerator()
        var checked = 0
        for law in library.laws {
            for article in law.articles {
                let text = TextNormalizer.comparable(article.text)
                guard ComparableSearch.isPlain(text) else { continue }
                let characters = Array(text)
                for _ in 0..<3 {
                    let start = Int.random(in: 0..<characters.count, using: &generator)
                    let length = Int.random(in: 1...min(12, characters.count - start), using: &generator)
                    var needle = String(characters[start..<(start + length)])
                    // Half the time one character changed, so some excerpts are not in the article.
                    if Bool.random(using: &generator) { needle = String(needle.dropLast()) + "罚" }
                    for from in [0, text.utf8.count / 2] where text.utf8.index(text.startIndex, offsetBy: from).samePosition(in: text.unicodeScalars) != nil {
                        XCTAssertEqual(ComparableSearch.end(of: needle, in: text, from: from), foundationEnd(needle, in: text, from: from), needle)
                        checked += 1
                    }
                }
            }
        }
        XCTAssertGreaterThan(checked, 500)
    }

    func testEdgeCases() {
        XCTAssertEqual(ComparableSearch.end(of: "abc", in: "ab", from: 0), nil)
        XCTAssertEqual(ComparableSearch.end(of: "ab", in: "aab", from: 0), 3)
        XCTAssertEqual(ComparableSearch.end(of: "法", in: "法法", from: 3), 6)
        XCTAssertEqual(ComparableSearch.end(of: "法", in: "法", from: 3), nil)
    }

    func testPlainTextIsWhatTheComparableFormOfChineseHolds() {
        XCTAssertTrue(ComparableSearch.isPlain("生产经营单位“应当”<安全>[1].,·—"))
        // Spaces, combining marks, compatibility characters and astral scalars go to Foundation.
        for text in ["a b", "e\u{301}", "①", "\u{F900}", "𠀀", "\u{1}", "\u{3000}"] {
            XCTAssertFalse(ComparableSearch.isPlain(text), text.debugDescription)
        }
    }

    func testEvidenceMatcherGivesTheSameAnswerEitherWay() throws {
        let catalog = try SharedCatalog.get()
        for question in catalog.questions {
            for citation in question.citations {
                guard let law = catalog.library.law(named: citation.lawID), let article = law.article(citation.article) else { continue }
                XCTAssertTrue(EvidenceMatcher.occurs(citation.evidence, in: article.text), question.id)
                // The same evidence against the next article: mostly absent, and the same answer as Foundation's search.
                guard let other = law.article(citation.article % law.articles.count + 1) else { continue }
                let text = TextNormalizer.comparable(other.text)
                let pieces = citation.evidence.split(separator: "…").map { TextNormalizer.comparable(String($0)) }.filter { !$0.isEmpty }
                var start = text.startIndex
                var found = true
                for piece in pieces {
                    guard let range = text.range(of: piece, range: start..<text.endIndex) else { found = false; break }
                    start = range.upperBound
                }
                XCTAssertEqual(EvidenceMatcher.occurs(citation.evidence, in: other.text), found, question.id)
            }
        }
    }
}
