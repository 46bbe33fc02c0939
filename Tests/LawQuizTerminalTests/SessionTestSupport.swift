import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal
import XCTest

/// Everything a session shows, for assertions; `onWrite` lets a test look at
/// the store at the moment something is written.
final class CapturedOutput: TextOutput {
    var text = ""
    var width = 80
    var onWrite: ((String) -> Void)?

    func write(_ text: String) {
        self.text += text
        onWrite?(text)
    }
}

/// The repository's banks, loaded once per test process.
enum TerminalTestBanks {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("QuestionBanks")
    static let catalog: Result<BankCatalog, Error> = Result { try BankCatalog.load(root: root) }
}

/// A results store in a temporary folder, a fake clock and the services, for
/// driving session loops with a script.
final class SessionFixture {
    let clock = ManualWallClock()
    let folder: URL
    let store: ResultsStore
    let catalog: BankCatalog
    let service: AttemptService
    let exam: ExamDefinition

    /// Six questions (2 单选 × 2 分, 2 多选 × 3 分, 2 判断 × 2 分: 14 points), ten minutes;
    /// keys shown at submission (`review: immediately`) so the review can be checked.
    static let testExam = ExamDefinition(
        id: "session-test", title: "会话测试", sections: [
            ExamSection(lawID: nil, type: .single, count: 2, points: 2),
            ExamSection(lawID: nil, type: .multiple, count: 2, points: 3),
            ExamSection(lawID: nil, type: .judge, count: 2, points: 2),
        ], timeLimitMinutes: 10, attemptsAllowed: 3, review: .immediately)

    init(exam: ExamDefinition = SessionFixture.testExam, busyTimeout: TimeInterval = ResultsStore.busyTimeout) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-session-\(UUID().uuidString)")
        store = try ResultsStore(path: folder.appendingPathComponent("results.sqlite"), busyTimeout: busyTimeout)
        catalog = try TerminalTestBanks.catalog.get()
        service = AttemptService(store: store, catalog: catalog, clock: clock, makeSeed: { 20_231_201 })
        self.exam = exam
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }

    func begin(staff: String = "T001") throws -> ExamSession {
        guard case .session(let session) = try service.begin(exam: exam, staffID: staff) else {
            throw UnexpectedOpening()
        }
        return session
    }

    /// Runs a loop over `session` with a script; returns the outcome, what was
    /// shown and the reader (for its prompts).
    func run(
        _ session: ExamSession, _ steps: [ScriptedLineReader.Step], output: CapturedOutput = CapturedOutput(),
        retry: BusyRetry = BusyRetry()
    ) throws -> (ExamSessionOutcome, CapturedOutput, ScriptedLineReader) {
        let reader = ScriptedLineReader(steps, clock: clock)
        let loop = ExamSessionLoop(
            session: session, service: service, library: catalog.library, reader: reader, output: output, clock: clock,
            style: .plain, retry: retry)
        return (try loop.run(), output, reader)
    }

    /// What to type for the right answer of an item (display letters or 对/错).
    static func right(_ item: SessionItem) -> String {
        item.item.displayText(of: item.question.answer)
    }

    /// What to type for a wrong answer of an item.
    static func wrong(_ item: SessionItem) -> String {
        switch item.question.answer {
        case .judgement(let value): return value ? "错" : "对"
        case .options(let letters):
            let wrongLetter = item.item.optionOrder.first { !letters.contains($0) } ?? item.item.optionOrder[0]
            return item.item.displayLetter(forBank: wrongLetter) ?? "A"
        }
    }

    func responses(_ session: ExamSession) throws -> [Int: SavedResponse] {
        try store.responses(attemptID: session.attempt.id)
    }
}

struct UnexpectedOpening: Error {}

extension ExamSessionOutcome {
    var result: AttemptResult? {
        if case .submitted(let result) = self { return result }
        return nil
    }

    var leaveReason: LeaveReason? {
        if case .left(let reason) = self { return reason }
        return nil
    }
}
