import Foundation
@testable import LawQuizStore
import XCTest

/// A lost server or a held lock is waited out; anything else fails at once.
final class BusyRetryTests: XCTestCase {
    func testRetriesLockedAndUnreachableAndSaysWhyWhenItChanges() throws {
        var pauses: [TimeInterval] = []
        var reasons: [BusyRetry.Reason] = []
        var failures: [StoreError] = [
            .unreachable(path: "postgres://h/db", reason: "connection refused"), .unreachable(path: "postgres://h/db", reason: "x"),
            .locked(path: "p"), .unreachable(path: "postgres://h/db", reason: "y"),
        ]
        let value = try BusyRetry { pauses.append($0) }.run(waiting: { reasons.append($0) }) { () throws -> Int in
            if !failures.isEmpty { throw failures.removeFirst() }
            return 7
        }
        XCTAssertEqual(value, 7)
        XCTAssertEqual(reasons, [.unreachable, .locked, .unreachable])
        XCTAssertEqual(pauses, [0.05, 0.1, 0.2, 0.4])
    }

    func testOtherErrorsAreNotRetried() {
        var tries = 0
        XCTAssertThrowsError(try BusyRetry { _ in }.run(waiting: { _ in }) { () throws -> Int in
            tries += 1
            throw StoreError.diskFull(path: "p")
        })
        XCTAssertEqual(tries, 1)
        XCTAssertTrue(BusyRetry.savingNotice(.unreachable).contains("服务器"))
    }

    func testAStartGivesUpWithTheLastErrorOnceThePausesReachTheLimit() {
        var pauses: [TimeInterval] = []
        var tries = 0
        XCTAssertThrowsError(try BusyRetry { pauses.append($0) }.run(waiting: { _ in }, giveUpAfter: 3) { () throws -> Int in
            tries += 1
            throw StoreError.unreachable(path: "postgres://h/db", reason: "try \(tries)")
        }) { error in
            guard case StoreError.unreachable(_, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(reason, "try \(tries)", "the last error")
        }
        // 0.05 + 0.1 + 0.2 + 0.4 + 0.8 + 1.6 = 3.15 s of pauses, then one more try.
        XCTAssertEqual(pauses, [0.05, 0.1, 0.2, 0.4, 0.8, 1.6])
        XCTAssertEqual(tries, 7)
    }
}
