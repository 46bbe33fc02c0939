import Foundation
import GRDB
import LawQuizCore
@testable import LawQuizStore
import XCTest

final class ResultsStoreTests: StoreTestCase {
    func testOpeningCreatesFolderMigratesAndUsesWAL() throws {
        let store = try openSQLiteStore()
        XCTAssertTrue(FileManager.default.fileExists(atPath: databaseURL.path))
        // Every registered migration, in order (the reports append theirs after v1).
        XCTAssertEqual(try store.appliedMigrations(), StoreMigrations.migrator().migrations)
        XCTAssertEqual(try store.appliedMigrations().first, "v1-roster-attempts-practice")
        XCTAssertEqual(try store.read { try $0.value(String.self, "PRAGMA journal_mode") }, "wal")
        XCTAssertEqual(try store.read { try $0.value(Int.self, "PRAGMA synchronous") }, 2, "FULL")
        // The connection that commits answers is the one that matters (GRDB sets
        // NORMAL on the writer when it switches to WAL).
        XCTAssertEqual(try store.write { try $0.value(Int.self, "PRAGMA synchronous") }, 2, "FULL on the writer")
        let engine = try XCTUnwrap(store.engine as? SQLiteEngine)
        XCTAssertEqual(try engine.writer.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA synchronous") }, 2)
        // Reopening an existing file runs no migration twice.
        XCTAssertEqual(try openSQLiteStore().appliedMigrations(), StoreMigrations.migrator().migrations)
    }

    /// A store is one connection, and opening one that is up to date writes
    /// nothing: GRDB's pool opened a second connection for reads and, at every
    /// start whose WAL file was empty, wrote a table and dropped it again to make
    /// one (README, "Launch").
    func testOpeningAnUpToDateStoreWritesNothing() throws {
        do { _ = try openSQLiteStore() }  // creates and migrates; the last connection to close empties the WAL
        let wal = databaseURL.path + "-wal"
        func walSize() -> Int { (try? FileManager.default.attributesOfItem(atPath: wal)[.size] as? Int) ?? 0 }
        let sizeBefore = walSize()
        let fileBefore = try Data(contentsOf: databaseURL)
        let store = try openSQLiteStore()
        XCTAssertEqual(
            try store.read { try $0.value(Int.self, "SELECT COUNT(*) FROM grdb_migrations") }, StoreMigrations.migrator().migrations.count)
        XCTAssertEqual(walSize(), sizeBefore, "nothing written to the WAL")
        XCTAssertEqual(try Data(contentsOf: databaseURL), fileBefore)
        let engine = try XCTUnwrap(store.engine as? SQLiteEngine)
        XCTAssertTrue(engine.writer is DatabaseQueue, "one connection")
        // Still WAL with FULL syncs after reopening, for readers and writer alike.
        XCTAssertEqual(try store.read { try $0.value(String.self, "PRAGMA journal_mode") }, "wal")
        XCTAssertEqual(try store.write { try $0.value(Int.self, "PRAGMA synchronous") }, 2)
    }

    /// Connections opening one new store at the same moment, then one a
    /// migration behind: each migrates under `MigrationLock` or finds the work
    /// done, so none fails and each migration is recorded once. Before the lock
    /// the losers saw "table already exists", a duplicate migration record or an
    /// index already dropped, and relied on a list of such messages to retry.
    func testConnectionsOpeningAStoreAtOnceMigrateItOnce() throws {
        let folder = databaseURL.deletingLastPathComponent()
        let all = StoreMigrations.migrator().migrations
        for round in 0..<8 {
            let path = folder.appendingPathComponent("race-\(round).sqlite")
            let errors = ErrorBox()
            let open = {
                DispatchQueue.concurrentPerform(iterations: 6) { _ in
                    do { _ = try ResultsStore(path: path) } catch { errors.add(error) }
                }
            }
            open()
            XCTAssertEqual(errors.all.map { "\($0)" }, [], "new store, round \(round)")
            // One migration behind (v7 undone): every opener upgrades or finds it upgraded.
            do {
                let queue = try DatabaseQueue(path: path.path)
                try queue.write { try $0.execute(sql: "DROP TABLE answer_sheet; DELETE FROM grdb_migrations WHERE identifier = 'v7-answer-sheet'") }
                try queue.close()
            }
            open()
            XCTAssertEqual(errors.all.map { "\($0)" }, [], "older store, round \(round)")
            let queue = try DatabaseQueue(path: path.path)
            XCTAssertEqual(try queue.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid") }, all)
            try queue.close()
        }
    }

    func testCorruptFileGivesAClearErrorAndIsLeftAlone() throws {
        try FileManager.default.createDirectory(at: databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let garbage = Data(String(repeating: "这不是数据库", count: 400).utf8)
        try garbage.write(to: databaseURL)
        XCTAssertThrowsError(try openSQLiteStore()) { error in
            XCTAssertEqual(error as? StoreError, .corrupt(path: self.databaseURL.path))
            XCTAssertTrue(error.localizedDescription.contains("已损坏"))
        }
        XCTAssertEqual(try Data(contentsOf: databaseURL), garbage)
    }

    func testAnotherProgramsSQLiteFileIsRefusedAndLeftAlone() throws {
        try FileManager.default.createDirectory(at: databaseURL.deletingLastPathComponent(), withIntermediateDirectories: true)
        let other = try DatabaseQueue(path: databaseURL.path)
        try other.write { try $0.execute(sql: "CREATE TABLE invoices(id INTEGER PRIMARY KEY, amount REAL); INSERT INTO invoices VALUES (1, 9.5)") }
        try other.close()
        let before = try Data(contentsOf: databaseURL)
        XCTAssertThrowsError(try openSQLiteStore()) { error in
            XCTAssertEqual(error as? StoreError, .foreignDatabase(path: self.databaseURL.path, tables: ["invoices"]))
            XCTAssertTrue(error.localizedDescription.contains("不是 LawQuiz 结果数据库"), error.localizedDescription)
        }
        XCTAssertEqual(try Data(contentsOf: databaseURL), before, "no WAL switch, no tables added")
        XCTAssertFalse(FileManager.default.fileExists(atPath: databaseURL.path + "-wal"))
    }

    func testUnwritableFolderIsReported() throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let blocker = folder.appendingPathComponent("Results")
        try Data("file, not folder".utf8).write(to: blocker)
        XCTAssertThrowsError(try openSQLiteStore()) { error in
            guard case .cannotCreateFolder = error as? StoreError else { return XCTFail("\(error)") }
        }
    }

    func testRosterImportAndReimportReport() throws {
        let store = try openStore()
        XCTAssertFalse(try store.hasRoster())
        let first = try store.importRoster([
            RosterEntry(staffID: "1", name: "张伟", department: "办公室"),
            RosterEntry(staffID: "2", name: "李娜", department: "安全科"),
            RosterEntry(staffID: "3", name: "王芳", department: "财务部"),
        ])
        XCTAssertEqual(first.added.map(\.staffID), ["1", "2", "3"])
        let second = try store.importRoster([
            RosterEntry(staffID: "1", name: "张伟", department: "办公室"),
            RosterEntry(staffID: "2", name: "李娜", department: "生产技术部/安全科"),
            RosterEntry(staffID: "4", name: "赵六", department: "办公室"),
        ])
        XCTAssertEqual(second.added.map(\.staffID), ["4"])
        XCTAssertEqual(second.changed.map(\.after.department), ["生产技术部/安全科"])
        XCTAssertEqual(second.noLongerListed.map(\.staffID), ["3"])
        XCTAssertEqual(second.unchanged, 1)
        XCTAssertEqual(try store.roster().map(\.staffID).sorted(), ["1", "2", "4"])
        XCTAssertEqual(try store.roster(includeInactive: true).count, 4, "nobody is deleted")
        XCTAssertEqual(try store.staffMember("3")?.isActive, false)
        // Listed again: re-activated and reported as a change.
        let preview = try store.previewRoster([RosterEntry(staffID: "3", name: "王芳", department: "财务部")])
        XCTAssertEqual(preview.changed.map(\.after.staffID), ["3"])
        XCTAssertEqual(try store.staffMember("3")?.isActive, false, "a preview writes nothing")
    }

    func testPracticeAndWrongBookStreak() throws {
        let store = try openStore()
        let catalog = try StoreTestCatalog.get()
        let practice = PracticeService(store: store, catalog: catalog, clock: clock, makeSeed: { 5 })
        let items = try practice.draw(PracticeFilter(law: "档案法", type: .judge, count: 3))
        XCTAssertEqual(items.count, 3)
        XCTAssertTrue(items.allSatisfy { $0.question.lawID == "archives" && $0.question.type == .judge })
        guard case .judgement(let truth) = items[0].question.answer else { return XCTFail() }
        XCTAssertThrowsError(try practice.wrongBookDrill(staffID: "7")) { XCTAssertEqual($0 as? PracticeError, .wrongBookEmpty) }

        let wrong = try practice.record(.judgement(!truth), for: items[0], staffID: "7")
        XCTAssertFalse(wrong.correct)
        XCTAssertEqual(wrong.wrongBookEntry?.rightStreak, 0)
        let drill = try practice.wrongBookDrill(staffID: "7")
        XCTAssertEqual(drill.map(\.question.id), [items[0].question.id])
        XCTAssertTrue(drill[0].fromWrongBook)
        XCTAssertEqual(try practice.record(.judgement(truth), for: drill[0], staffID: "7").wrongBookEntry?.rightStreak, 1)
        // A wrong answer in between resets the streak.
        _ = try practice.record(.judgement(!truth), for: drill[0], staffID: "7")
        XCTAssertEqual(try store.wrongBook(staffID: "7").first?.rightStreak, 0)
        XCTAssertFalse(try practice.record(.judgement(truth), for: drill[0], staffID: "7").clearedFromWrongBook)
        let cleared = try practice.record(.judgement(truth), for: drill[0], staffID: "7")
        XCTAssertTrue(cleared.clearedFromWrongBook, "right twice in a row clears it")
        XCTAssertEqual(try store.wrongBook(staffID: "7"), [])
        XCTAssertEqual(try store.wrongBook(staffID: "7", includeCleared: true).first?.wrongCount, 2)
        XCTAssertEqual(try store.practiceCounts(staffID: "7").total, 5)
        XCTAssertEqual(try store.allAttempts(), [], "practice is never an exam attempt")
        XCTAssertThrowsError(try practice.draw(PracticeFilter(law: "刑法")))
    }
}
