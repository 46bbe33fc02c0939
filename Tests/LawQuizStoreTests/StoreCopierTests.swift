import Foundation
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// `store copy`: the copy list matches the migrated schema, every row
/// arrives, the audit chain verifies on the target, and an occupied target
/// is refused unless replacing.
final class StoreCopierTests: StoreTestCase {
    private var targetURL: URL { folder.appendingPathComponent("Copy/target.sqlite") }

    /// Tables and columns of a migrated store, from the engine's catalogue.
    private func schema(_ store: ResultsStore) throws -> [String: Set<String>] {
        var tables: [String: Set<String>] = [:]
        for name in try tableNames(in: store) { tables[name] = try columnNames(name, in: store) }
        return tables
    }

    /// On the PostgreSQL run this also checks that its migrations make the
    /// same tables and columns as SQLite's.
    func testCopyListCoversEveryTableAndColumn() throws {
        let actual = try schema(try openStore())
        var listed = Dictionary(uniqueKeysWithValues: StoreSchema.tables.map { ($0.name, Set($0.columns)) })
        for name in StoreSchema.notCopied { listed[name] = actual[name] }
        XCTAssertEqual(listed, actual)
    }

    private func filledStore() throws -> (ResultsStore, ExamDefinition) {
        let store = try openStore()
        _ = try store.importRoster([
            RosterEntry(staffID: "1001", name: "张三", department: "办公室", loginName: "zhangsan"),
            RosterEntry(staffID: "1002", name: "李四", department: "办公室/秘书科"),
        ], at: clock.now)
        let exam = try smallExam(attempts: 2)
        let service = try service(store)
        for staffID in ["1001", "1002"] {
            let sitting = try session(try service.begin(exam: exam, staffID: staffID))
            for item in sitting.items.prefix(3) {
                try service.recordAnswer(item.question.answer, attemptID: sitting.attempt.id, itemIndex: item.item.index)
            }
            clock.advance(by: 60)
            _ = try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .byPerson)
        }
        try store.savePIN(staffID: "1002", salt: Data([1, 2, 3]), hash: Data([4, 5, 6, 0]), params: "scrypt", changedBy: "admin", at: clock.now)
        _ = try store.issuePapers(examID: "small", assignments: [(seed: 42, staffID: "1001")], by: "admin", at: clock.now)
        return (store, exam)
    }

    func testCopyMovesEveryRowAndTheChainVerifiesOnTheTarget() throws {
        let (source, exam) = try filledStore()
        try FileManager.default.createDirectory(at: targetURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AuditKeyTransfer.prepare(from: try storePaths(), to: ProjectPaths(questionBanks: StoreTestCatalog.root, resultsDatabase: targetURL))
        let target = try ResultsStore(path: targetURL)
        var seen: [String: Int] = [:]
        let counts = try StoreCopier(source: source, target: target).copy(replace: false) { table, rows in seen[table] = rows }
        XCTAssertEqual(counts.map(\.table), StoreSchema.tables.map(\.name))
        XCTAssertTrue(counts.allSatisfy { $0.source == $0.target })
        XCTAssertEqual(counts.first { $0.table == "attempt" }?.target, 2)
        XCTAssertEqual(counts.first { $0.table == "paper_item" }?.target, 10)
        XCTAssertEqual(seen["response"], 6)
        XCTAssertEqual(try target.attempts(staffID: "1001"), try source.attempts(staffID: "1001"))
        XCTAssertEqual(try target.responses(attemptID: 1), try source.responses(attemptID: 1))
        XCTAssertEqual(try target.storedPIN(staffID: "1002")?.hash, Data([4, 5, 6, 0]))
        XCTAssertEqual(try target.staffMember(loginName: "zhangsan")?.staffID, "1001")
        let report = try AuditVerifier(store: target).verify(exams: [exam])
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.head, try source.auditHead())
        // New attempts on the target are numbered after the copied ones.
        let sitting = try session(try service(target).begin(exam: exam, staffID: "1001"))
        XCTAssertEqual(sitting.attempt.id, 3)
    }

    func testOccupiedTargetIsRefusedUnlessReplacing() throws {
        let (source, _) = try filledStore()
        let target = try ResultsStore(path: targetURL)
        _ = try target.importRoster([RosterEntry(staffID: "9", name: "王五", department: "财务科")], at: clock.now)
        XCTAssertThrowsError(try StoreCopier(source: source, target: target).copy(replace: false)) { error in
            guard case .targetNotEmpty(_, let tables)? = error as? StoreCopyError else { return XCTFail("\(error)") }
            XCTAssertEqual(tables, ["staff", "audit_entry"])
        }
        XCTAssertEqual(try target.roster().map(\.staffID), ["9"], "nothing written")
        _ = try StoreCopier(source: source, target: target).copy(replace: true)
        XCTAssertEqual(try target.roster().map(\.staffID).sorted(), ["1001", "1002"])
        XCTAssertThrowsError(try StoreCopier(source: source, target: source).copy(replace: true))
    }
}
