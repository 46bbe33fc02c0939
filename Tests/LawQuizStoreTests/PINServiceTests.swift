import Foundation
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// PINs for shared consoles: salted scrypt hashes, five wrong PINs lock the
/// 工号 for 15 minutes, every failure logged.
final class PINServiceTests: StoreTestCase {
    func storeWithRoster() throws -> ResultsStore {
        let store = try openStore()
        _ = try store.importRoster([
            RosterEntry(staffID: "1001", name: "张伟", department: "综合办公室", loginName: "zhangwei"),
            RosterEntry(staffID: "1002", name: "李娜", department: "综合办公室"),
        ])
        return store
    }

    func testRightPINIsAcceptedAndOnlyASaltedHashIsStored() throws {
        let store = try storeWithRoster()
        let pins = PINService(store: store, clock: clock)
        let started = Date()
        let headBefore = try store.auditHead()
        try pins.setPIN("482913", staffID: "1001", changedBy: "root")
        XCTAssertNotEqual(try store.auditHead(), headBefore, "a PIN change is appended to the audit chain")
        let setTime = Date().timeIntervalSince(started)
        let checkStart = Date()
        XCTAssertNoThrow(try pins.verify("482913", staffID: "1001", login: "kiosk1"))
        print("PIN scrypt (N=16384, r=8, p=1): set \(Int(setTime * 1000)) ms, check \(Int(Date().timeIntervalSince(checkStart) * 1000)) ms")
        try pins.setPIN("482913", staffID: "1002", changedBy: "root")
        let first = try XCTUnwrap(store.storedPIN(staffID: "1001")), second = try XCTUnwrap(store.storedPIN(staffID: "1002"))
        XCTAssertNotEqual(first.salt, second.salt)
        XCTAssertNotEqual(first.hash, second.hash, "same PIN, different salt")
        XCTAssertFalse(String(decoding: first.hash, as: UTF8.self).contains("482913"))
        XCTAssertEqual(first.hash.count, 32)
    }

    func testFiveWrongPINsLockForFifteenMinutesAndEveryFailureIsLogged() throws {
        let store = try storeWithRoster()
        let pins = PINService(store: store, clock: clock)
        try pins.setPIN("2468", staffID: "1001", changedBy: "root")
        for attempt in 1...4 {
            XCTAssertThrowsError(try pins.verify("1111", staffID: "1001", login: "kiosk1")) { error in
                XCTAssertEqual(error as? PINError, .wrong(staffID: "1001", remaining: 5 - attempt))
            }
        }
        let lockEnds = clock.now.addingTimeInterval(15 * 60)
        XCTAssertThrowsError(try pins.verify("1111", staffID: "1001", login: "kiosk1")) { error in
            XCTAssertEqual(error as? PINError, .locked(staffID: "1001", until: lockEnds))
        }
        clock.advance(by: 14 * 60)
        XCTAssertThrowsError(try pins.verify("2468", staffID: "1001", login: "kiosk1"), "locked even with the right PIN") { error in
            XCTAssertEqual(error as? PINError, .locked(staffID: "1001", until: lockEnds))
        }
        clock.advance(by: 61)
        XCTAssertNoThrow(try pins.verify("2468", staffID: "1001", login: "kiosk1"))
        let failures = try store.pinFailures(staffID: "1001")
        XCTAssertEqual(failures.count, 5)
        XCTAssertEqual(failures.map(\.login), Array(repeating: "kiosk1", count: 5))
        XCTAssertEqual(failures.first?.lockedUntil, lockEnds)
        // After a success the count starts again from zero.
        XCTAssertThrowsError(try pins.verify("1111", staffID: "1001", login: "kiosk1")) { error in
            XCTAssertEqual(error as? PINError, .wrong(staffID: "1001", remaining: 4))
        }
    }

    func testBadPINsAndPeople() throws {
        let store = try storeWithRoster()
        let pins = PINService(store: store, clock: clock)
        for bad in ["12", "12345678901234", "12a4", "１２３４"] {
            XCTAssertThrowsError(try pins.setPIN(bad, staffID: "1001", changedBy: "root")) { XCTAssertEqual($0 as? PINError, .badFormat) }
        }
        XCTAssertThrowsError(try pins.setPIN("1234", staffID: "9999", changedBy: "root")) { XCTAssertEqual($0 as? PINError, .unknownStaff(staffID: "9999")) }
        XCTAssertThrowsError(try pins.verify("1234", staffID: "1002", login: "kiosk1")) { XCTAssertEqual($0 as? PINError, .notSet(staffID: "1002")) }
    }

    func testLoginNamesFromTheRosterFindThePersonAndMayMove() throws {
        let store = try storeWithRoster()
        XCTAssertEqual(try store.staffMember(loginName: "zhangwei")?.staffID, "1001")
        XCTAssertNil(try store.staffMember(loginName: "lina"))
        XCTAssertTrue(try store.appliedMigrations().contains("v3-identity"))
        // The account passes from 张伟 to 李娜 in one import.
        _ = try store.importRoster([
            RosterEntry(staffID: "1001", name: "张伟", department: "综合办公室", loginName: "zw2"),
            RosterEntry(staffID: "1002", name: "李娜", department: "综合办公室", loginName: "zhangwei"),
        ])
        XCTAssertEqual(try store.staffMember(loginName: "zhangwei")?.staffID, "1002")
        XCTAssertEqual(try store.staffMember("1001")?.loginName, "zw2")
    }
}
