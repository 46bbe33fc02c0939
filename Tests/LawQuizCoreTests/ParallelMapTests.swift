import XCTest

@testable import LawQuizCore

/// Bank files and lint checks run through `ParallelMap`: results in input order.
final class ParallelMapTests: XCTestCase {
    func testParallelMapKeepsOrder() {
        let items = Array(0..<1000)
        XCTAssertEqual(ParallelMap.map(items) { "\($0 * 3)" }, items.map { "\($0 * 3)" })
        XCTAssertEqual(ParallelMap.map([7]) { $0 + 1 }, [8])
        XCTAssertEqual(ParallelMap.map([Int]()) { $0 + 1 }, [])
    }
}
