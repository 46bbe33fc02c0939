import Foundation
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// The reports' SQLite connection on SQLite's C API (`SQLiteReadEngine`):
/// the same rows as the store's GRDB connection, nothing written, and
/// errors mapped to the same store errors.
final class SQLiteReadEngineTests: StoreTestCase {
    func testReadsWhatTheStoreWroteAndWritesNothing() throws {
        let store = try openSQLiteStore()
        _ = try store.importRoster([
            RosterEntry(staffID: "1001", name: "张伟", department: "办公室/秘书科"), RosterEntry(staffID: "1002", name: "李娜", department: "安全科"),
        ])
        let engine = try SQLiteReadEngine(path: databaseURL, busyTimeout: 1)
        let sql = "SELECT staff_id, name, department, active, NULL AS empty, 1.5 AS half, x'00ff' AS bytes FROM staff WHERE staff_id >= ? ORDER BY staff_id"
        let expected = try store.read { try $0.rows(sql, ["1000".sqlValue]) }
        for _ in 0..<2 {  // the second time from the cached statement
            let read = try engine.read { try $0.rows(sql, ["1000".sqlValue]) }
            XCTAssertEqual(read.map(\.values), expected.map(\.values))
            XCTAssertEqual(read.first?.columns, expected.first?.columns)
        }
        XCTAssertEqual(try engine.read { try $0.rows(sql, ["1002".sqlValue]) }.count, 1, "arguments bound afresh")
        var scanned: [String] = []
        try engine.read { db in
            try db.scan("SELECT name FROM staff ORDER BY staff_id", []) { rows in
                while try rows.step() { scanned.append(rows.string(0)) }
            }
        }
        XCTAssertEqual(scanned, ["张伟", "李娜"])
        XCTAssertEqual(try engine.appliedMigrations(), try store.appliedMigrations())

        let before = try Data(contentsOf: databaseURL)
        XCTAssertThrowsError(try engine.write { try $0.execute("DELETE FROM staff", []) }) { error in
            guard case .cannotOpen? = error as? StoreError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try engine.read { try $0.execute("DELETE FROM staff", []) }) { error in
            guard case .cannotOpen? = error as? StoreError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try engine.read { try $0.rows("SELECT nosuch FROM staff", []) }) { error in
            guard case .sqlite(_, let message)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("nosuch"), message)
        }
        // A failed read leaves the connection usable.
        XCTAssertEqual(try engine.read { try $0.rows("SELECT COUNT(*) FROM staff", []) }.first?.values, [.integer(2)])
        XCTAssertEqual(try Data(contentsOf: databaseURL), before)
    }

    func testAFileThatIsNotADatabaseIsRefusedAtOpen() throws {
        try FileManager.default.createDirectory(at: databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(repeating: 0x41, count: 4096).write(to: databaseURL)
        XCTAssertThrowsError(try SQLiteReadEngine(path: databaseURL, busyTimeout: 1)) { error in
            XCTAssertEqual(error as? StoreError, .corrupt(path: self.databaseURL.path))
        }
    }
}
