import XCTest
final class LawQuizTerminalTestsPlaceholder: XCTestCase { func testModuleLoads() { XCTAssertTrue(true) } }
