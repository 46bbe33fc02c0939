import XCTest

/// Placeholder until the module's own tests land; removed when they do.
final class LawQuizStoreTestsPlaceholder: XCTestCase {
    func testTargetBuilds() { XCTAssertEqual(1 + 1, 2) }
}
