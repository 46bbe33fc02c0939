import Foundation
@testable import LawQuizStore
import XCTest

/// A server restart that cuts a connection between two statements of a
/// transaction: the next statement must fail as `.unreachable` (so that
/// `BusyRetry` reconnects and the session goes on), not block for ever on a
/// query postgres-nio dropped because its channel had closed.
final class PostgresLostConnectionTests: XCTestCase {
    func testStatementAfterTheServerCutTheConnectionFailsAsUnreachable() throws {
        let database = try PostgresTestDatabase()
        defer { database.drop() }
        let engine = database.engine()
        let backend = try database.backendPID(engine)
        XCTAssertGreaterThan(backend, 0)

        let outcome = Outcome()
        let inTransaction = DispatchSemaphore(value: 0)
        let terminated = DispatchSemaphore(value: 0)
        let finished = expectation(description: "the statement after the cut returned")
        Thread {
            do {
                try engine.write { connection in
                    try connection.execute("SELECT 1", [])
                    inTransaction.signal()
                    terminated.wait()
                    // The client has seen the close: the next query is written to a closed channel.
                    let store = connection as? PostgresStoreConnection
                    for _ in 0..<1000 where store?.isClosed == false { Thread.sleep(forTimeInterval: 0.01) }
                    outcome.closedBeforeNextStatement = store?.isClosed ?? false
                    try connection.execute("SELECT 2", [])
                }
            } catch {
                outcome.error = error
            }
            outcome.returned = true
            finished.fulfill()
        }.start()

        XCTAssertEqual(inTransaction.wait(timeout: .now() + 60), .success)
        let killed = try database.admin.autocommit { try $0.value(Bool.self, "SELECT pg_terminate_backend(\(backend))") }
        XCTAssertEqual(killed, true)
        terminated.signal()
        // A liveness bound, not a timing figure: before the fix the statement never returned.
        wait(for: [finished], timeout: 60)
        // A writer still blocked holds the engine's lock: closing it would block the test too.
        guard outcome.returned else { return XCTFail("the statement after the cut never returned") }
        defer { engine.close() }

        XCTAssertTrue(outcome.closedBeforeNextStatement, "the client never saw the server close the connection")
        guard case StoreError.unreachable? = outcome.error as? StoreError else {
            return XCTFail("expected StoreError.unreachable, got \(String(describing: outcome.error))")
        }
        // The engine dropped the dead connection: the next call reconnects.
        XCTAssertEqual(try engine.read { try $0.value(Int64.self, "SELECT 3::bigint") }, 3)
    }
}

/// What the writer thread saw; read after `finished` is fulfilled.
private final class Outcome: @unchecked Sendable {
    var error: (any Error)?
    var closedBeforeNextStatement = false
    var returned = false
}
