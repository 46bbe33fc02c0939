import XCTest
final class LawQuizCoreTestsPlaceholder: XCTestCase { func testModuleLoads() { XCTAssertTrue(true) } }
