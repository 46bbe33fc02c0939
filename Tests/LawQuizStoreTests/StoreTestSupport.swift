import Foundation
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

/// A fresh temporary results file per test (in a folder that does not exist
/// yet, so opening must create it).
class StoreTestCase: XCTestCase {
    var folder: URL!
    var databaseURL: URL { folder.appendingPathComponent("Results/lawquiz.sqlite") }
    let clock = ManualWallClock(Date(timeIntervalSince1970: 1_700_000_000))

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-store-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func openStore() throws -> ResultsStore { try ResultsStore(path: databaseURL) }

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
