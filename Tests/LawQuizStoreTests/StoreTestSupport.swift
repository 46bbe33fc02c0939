import Foundation
import GRDB
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// The repository's banks, loaded once per test process.
enum StoreTestCatalog {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("QuestionBanks")
    static let result: Result<BankCatalog, Error> = Result { try BankCatalog.load(root: root) }

    static func get() throws -> BankCatalog { try result.get() }
}

/// A fresh temporary results store per test: an SQLite file (in a folder
/// that does not exist yet, so opening must create it), or — when
/// `LAWQUIZ_TEST_STORE=postgres` (scripts/test's second run) — a new
/// database on the throw-away server of `LAWQUIZ_TEST_POSTGRES`, so the
/// same tests check both engines.
class StoreTestCase: XCTestCase {
    var folder: URL!
    var databaseURL: URL { folder.appendingPathComponent("Results/lawquiz.sqlite") }
    let clock = ManualWallClock(Date(timeIntervalSince1970: 1_700_000_000))
    /// This test's server database (PostgreSQL runs only).
    private var serverDatabase: PostgresTestDatabase?

    /// Whether this run puts the stores in PostgreSQL.
    static var usesServer: Bool { ProcessInfo.processInfo.environment["LAWQUIZ_TEST_STORE"] == "postgres" }
    /// Set by tests of SQLite itself (file locks, the key file beside the
    /// store, GRDB's migration table): their store is a file in every run.
    var forceSQLite = false

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-store-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        serverDatabase?.drop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The paths naming this test's store (file or server).
    func storePaths() throws -> ProjectPaths {
        var paths = ProjectPaths(questionBanks: StoreTestCatalog.root, resultsDatabase: databaseURL)
        if Self.usesServer, !forceSQLite {
            if serverDatabase == nil { serverDatabase = try PostgresTestDatabase() }
            paths.setResults(
                try XCTUnwrap(serverDatabase).url, relativeTo: folder, auditKey: folder.appendingPathComponent("Results/postgres.key").path)
        }
        return paths
    }

    func openStore() throws -> ResultsStore { try ResultsStore.open(try storePaths(), environment: [:]) }

    /// An SQLite store whatever the run: tests of the file itself (WAL,
    /// permissions, a damaged or foreign file, the key beside it).
    func openSQLiteStore() throws -> ResultsStore { try ResultsStore(path: databaseURL) }

    /// The reports' reader on this test's store.
    func openReports() throws -> ReportReader { try ReportReader.open(try storePaths(), environment: [:]) }

    /// Starts over with a new store (a new file folder, a new server database).
    func resetStore() {
        serverDatabase?.drop()
        serverDatabase = nil
        try? FileManager.default.removeItem(at: folder)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-store-\(UUID().uuidString)")
    }

    /// Runs `body` on a connection of its own, outside lawquiz's
    /// transactions, as the sqlite3 shell or psql would (SQLite: foreign
    /// keys off): how someone with write access edits the store behind
    /// lawquiz's back.
    func withRawConnection(_ body: (any StoreConnection) throws -> Void) throws {
        if let serverDatabase {
            let engine = serverDatabase.engine()
            defer { engine.close() }
            try engine.autocommit(body)
            return
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: databaseURL.path, configuration: configuration)
        try queue.writeWithoutTransaction { try body(GRDBConnection(db: $0)) }
        try queue.close()
    }

    /// Column names of a table, from the engine's catalogue.
    func columnNames(_ table: String, in store: ResultsStore) throws -> Set<String> {
        try store.read { db in
            let sql = db.dialect.name == "sqlite"
                ? "SELECT name FROM pragma_table_info(?)"
                : "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?"
            return Set(try db.values(String.self, sql, table))
        }
    }

    /// The store's own tables (not the migration bookkeeping).
    func tableNames(in store: ResultsStore) throws -> Set<String> {
        try store.read { db in
            let sql = db.dialect.name == "sqlite"
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'grdb_migrations'"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_name <> 'lawquiz_migrations'"
            return Set(try db.values(String.self, sql))
        }
    }

    func service(_ store: ResultsStore, seed: UInt64 = 99) throws -> AttemptService {
        AttemptService(store: store, catalog: try StoreTestCatalog.get(), clock: clock, makeSeed: { seed })
    }

    /// A small exam: 2 单选 × 20, 1 多选 × 20, 2 判断 × 20.
    func smallExam(attempts: Int = 1, limit: Int = 10, extra: String = "") throws -> ExamDefinition {
        try ExamDefinitionLoader.parse(
            """
            id: small
            title: 小测验
            time_limit_minutes: \(limit)
            attempts_allowed: \(attempts)
            sections:
              - { law: work-safety, type: single, count: 2, points: 20 }
              - { type: multiple, count: 1, points: 20 }
              - { law: archives, type: judge, count: 2, points: 20 }
            \(extra)
            """, file: "small.yaml", library: try StoreTestCatalog.get().library)
    }

    func session(_ opening: AttemptOpening, file: StaticString = #filePath, line: UInt = #line) throws -> ExamSession {
        guard case .session(let session) = opening else {
            XCTFail("expected a session", file: file, line: line)
            throw XCTSkip("no session")
        }
        return session
    }

    /// A wrong answer for an item (for choice: a wrong single letter; judge: the opposite).
    func wrongAnswer(_ item: SessionItem) -> AnswerKey { Self.wrongAnswer(item) }

    static func wrongAnswer(_ item: SessionItem) -> AnswerKey {
        switch item.question.answer {
        case .judgement(let value): return .judgement(!value)
        case .options(let right):
            let wrong = item.question.options.map(\.letter).first { !right.contains($0) } ?? "F"
            return .options([wrong])
        }
    }
}

extension PostgresTestDatabase {
    /// The URL naming this test's database (no password: trust authentication).
    var url: String { "postgres://\(location.user)@\(location.host):\(location.port)/\(name)" }
}
