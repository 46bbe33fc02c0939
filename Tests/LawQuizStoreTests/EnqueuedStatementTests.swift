import Foundation
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// `StoreConnection.enqueue`: a statement whose result is not waited for
/// (PostgreSQL sends it with the next one) behaves as if run at once — the
/// next statement sees it, and its failure fails and rolls back the write.
final class EnqueuedStatementTests: StoreTestCase {
    private let insert = "INSERT INTO staff (staff_id, name, updated_at) VALUES (?, ?, ?)"

    func testNextStatementSeesAnEnqueuedOne() throws {
        let store = try openStore()
        let count = try store.write { db -> Int? in
            try db.enqueue(insert, "E1", "甲", clock.now)
            try db.enqueue(insert, "E2", "乙", clock.now)
            return try db.value(Int.self, "SELECT COUNT(*) FROM staff WHERE staff_id LIKE 'E%'")
        }
        XCTAssertEqual(count, 2)
        XCTAssertEqual(try store.staffMember("E2")?.name, "乙")
    }

    func testFailureOfAnEnqueuedStatementRollsTheWriteBack() throws {
        let store = try openStore()
        XCTAssertThrowsError(try store.write { db in
            try db.execute(insert, "E1", "甲", clock.now)
            try db.enqueue(insert, "E1", "重复", clock.now)
            try db.enqueue(insert, "E3", "丙", clock.now)
        }) { error in
            // PostgreSQL reports it at the next wait (here the COMMIT's), mapped as at once.
            if store.engine.dialect.name != "sqlite" { XCTAssertEqual(error as? StoreConstraintError, .unique(constraint: "staff_pkey")) }
        }
        XCTAssertNil(try store.staffMember("E1"), "nothing of the failed write is stored")
        XCTAssertNil(try store.staffMember("E3"))
        // The engine goes on with the next write.
        try store.write { db in try db.enqueue(insert, "E4", "丁", clock.now) }
        XCTAssertEqual(try store.staffMember("E4")?.name, "丁")
    }
}
