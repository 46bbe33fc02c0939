import XCTest
final class LawQuizStoreTestsPlaceholder: XCTestCase { func testModuleLoads() { XCTAssertTrue(true) } }
