import Foundation
import LawQuizCore
import LawQuizStore
import XCTest

/// A small results store made the real way — roster import, then attempts
/// sat through `AttemptService` with chosen right and wrong answers — with
/// its own exams folder (a formal exam, its make-up, a mock exam) beside
/// links to the repository's statutes and banks.
struct AdminSampleStore {
    let runner: DataCommandRunner
    var banksRoot: URL { runner.folder.appendingPathComponent("QuestionBanks") }

    static let annual = """
        id: annual
        title: 年度学法考试
        time_limit_minutes: 30
        attempts_allowed: 3
        counting: highest
        exemptions:
          - { staff: "1007", reason: 借调外单位 }
        sections:
          - { law: work-safety, type: single, count: 2, points: 20 }
          - { law: archives, type: judge, count: 3, points: 20 }
        """

    static let makeup = """
        id: annual-makeup
        title: 年度学法考试补考
        time_limit_minutes: 30
        makeup_of: annual
        sections:
          - { law: work-safety, type: single, count: 2, points: 20 }
          - { law: archives, type: judge, count: 3, points: 20 }
        """

    static let mock = """
        id: mock
        title: 模拟考试
        time_limit_minutes: 30
        formal: false
        sections:
          - { law: archives, type: judge, count: 5, points: 20 }
        """

    /// Roster and sittings (score = 20 × right answers):
    /// 1001 sits twice (60, then 80); 1002 scores 100; 1003 never sits; 1004 scores 40, then 60 in the make-up;
    /// 1005 (a formula-looking name) scores 90… not possible in steps of 20, so 100; 1006 sits (100) then leaves the roster;
    /// 1007 is exempt and sits nothing.
    /// `annualTitle` replaces the annual exam's title (a long or hostile one).
    init(annualTitle: String? = nil) throws {
        var runner = DataCommandRunner()
        let banks = runner.folder.appendingPathComponent("QuestionBanks")
        runner.banks = banks
        self.runner = runner
        let manager = FileManager.default
        try manager.createDirectory(at: banks.appendingPathComponent("exams"), withIntermediateDirectories: true)
        let repository = DataCommandRunner.repositoryRoot.appendingPathComponent("QuestionBanks")
        for name in ["statutes", "banks"] {
            try manager.copyItem(at: repository.appendingPathComponent(name), to: banks.appendingPathComponent(name))
        }
        let annual = annualTitle.map { Self.annual.replacingOccurrences(of: "title: 年度学法考试\n", with: "title: \($0)\n") } ?? Self.annual
        for (name, text) in [("annual", annual), ("annual-makeup", Self.makeup), ("mock", Self.mock)] {
            try text.write(to: banks.appendingPathComponent("exams/\(name).yaml"), atomically: true, encoding: .utf8)
        }
        try populate()
    }

    static let roster: [(String, String, String)] = [
        ("1001", "张三", "综合办公室/秘书科"), ("1002", "李四", "综合办公室"), ("1003", "王五", "财务处"), ("1004", "赵六", "财务处"),
        ("1005", "=1+2", "财务处"), ("1006", "钱七", "综合办公室/秘书科"), ("1007", "孙八", "综合办公室/档案室"),
    ]

    private func populate() throws {
        let library = try LawLibrary.load(from: banksRoot.appendingPathComponent("statutes"))
        let catalog = try BankCatalog.load(root: banksRoot)
        let exams = try ExamCatalog.load(folder: banksRoot.appendingPathComponent("exams"), library: library)
        let store = try runner.openStore()
        _ = try store.importRoster(Self.roster.map { RosterEntry(staffID: $0.0, name: $0.1, department: $0.2) })
        let clock = ManualWallClock(Date(timeIntervalSince1970: 1_700_000_000))
        let service = AttemptService(store: store, catalog: catalog, clock: clock)
        let annual = try exams.definition("annual"), makeup = try exams.definition("annual-makeup"), mock = try exams.definition("mock")
        for (staff, exam, right) in [
            ("1001", annual, 3), ("1001", annual, 4), ("1002", annual, 5), ("1004", annual, 2), ("1005", annual, 5),
            ("1006", annual, 5), ("1004", makeup, 3), ("1003", mock, 5),
        ] {
            try sit(service, exam: exam, staff: staff, right: right, clock: clock)
        }
        // 1006 leaves: the next roster no longer lists them.
        _ = try store.importRoster(Self.roster.filter { $0.0 != "1006" }.map { RosterEntry(staffID: $0.0, name: $0.1, department: $0.2) })
    }

    /// Sits one attempt answering the first `right` items right and the rest wrong.
    private func sit(_ service: AttemptService, exam: ExamDefinition, staff: String, right: Int, clock: ManualWallClock) throws {
        guard case .session(let session) = try service.begin(exam: exam, staffID: staff) else {
            throw XCTSkip("could not start an attempt")
        }
        for (index, item) in session.items.enumerated() {
            let key = item.question.answer
            let answer: AnswerKey
            if index < right {
                answer = key
            } else if case .judgement(let value) = key {
                answer = .judgement(!value)
            } else {
                answer = .options(key == .options(["A"]) ? ["B"] : ["A"])
            }
            clock.advance(by: 30)
            try service.recordAnswer(answer, attemptID: session.attempt.id, itemIndex: item.item.index)
        }
        clock.advance(by: 60)
        _ = try service.submit(attemptID: session.attempt.id, exam: exam, reason: .byPerson)
        clock.advance(by: 3600)
    }
}
