import Foundation
import LawQuizCore
import XCTest

final class ExamDefinitionTests: XCTestCase {
    let minimal = """
        id: t1
        title: 测试考试
        time_limit_minutes: 30
        sections:
          - { law: work-safety, type: single, count: 5, points: 4 }
          - { type: judge, count: 5, points: 6 }
        """

    func testShippedExamsLoadWithTheirRules() throws {
        let catalog = try SharedCatalog.get()
        let exams = try ExamCatalog.load(
            folder: ExamTestPaths.questionBanks.appendingPathComponent("exams"), library: catalog.library)
        XCTAssertEqual(exams.problems, [])
        let annual = try exams.definition("2023-annual")
        XCTAssertEqual(annual.title, "2023年度学法考试")
        XCTAssertEqual(annual.fullMarks, 100)
        XCTAssertEqual(annual.timeLimitMinutes, 60)
        XCTAssertEqual(annual.questionCount, 45)
        XCTAssertEqual(Set(annual.sections.compactMap(\.lawID)), ["work-safety", "archives", "national-security"])
        XCTAssertEqual(annual.sections.filter { $0.type == .single }.reduce(0) { $0 + $1.count }, 20)
        XCTAssertEqual(annual.sections.filter { $0.type == .multiple }.reduce(0) { $0 + $1.count }, 10)
        XCTAssertEqual(annual.sections.filter { $0.type == .judge }.reduce(0) { $0 + $1.count }, 15)
        XCTAssertTrue(annual.formal)
        let demo = try exams.definition("demo")
        XCTAssertEqual(demo.questionCount, 5)
        XCTAssertEqual(demo.timeLimitMinutes, 5)
        XCTAssertFalse(demo.formal)
    }

    func testTimeLimitTextNeverRoundsSeconds() {
        func exam(minutes: Int, seconds: Int?) -> ExamDefinition {
            ExamDefinition(
                id: "t", title: "t", sections: [ExamSection(lawID: nil, type: .judge, count: 1, points: 100)],
                timeLimitMinutes: minutes, timeLimitSeconds: seconds)
        }
        XCTAssertEqual(exam(minutes: 60, seconds: nil).timeLimitText, "60分钟")
        XCTAssertEqual(exam(minutes: 1, seconds: 25).timeLimitText, "25秒")
        XCTAssertEqual(exam(minutes: 2, seconds: 90).timeLimitText, "1分30秒")
        XCTAssertEqual(exam(minutes: 2, seconds: 120).timeLimitText, "2分钟")
    }

    func testDefaultsScaleToFullMarks() throws {
        let exam = try parseExam(minimal)
        XCTAssertEqual(exam.fullMarks, 50)
        XCTAssertEqual(exam.passMark, 30)
        XCTAssertEqual(exam.excellentMark, 45)
        XCTAssertEqual(exam.attemptsAllowed, 1)
        XCTAssertEqual(exam.counting, .highest)
        XCTAssertEqual(exam.multipleScoring, .allOrNothing)
        XCTAssertTrue(exam.shuffleQuestions && exam.shuffleOptions && exam.formal)
        XCTAssertNil(exam.opensAt)
        XCTAssertEqual(exam.sections[0].lawID, "work-safety")
        XCTAssertNil(exam.sections[1].lawID)
        XCTAssertEqual(exam.sections[1].line, 6)
    }

    func testAllFieldsAreRead() throws {
        let exam = try parseExam(
            minimal + """

                pass_mark: 35
                excellent_mark: 48
                attempts_allowed: 3
                counting: last
                multiple_scoring: partial
                shuffle_questions: false
                shuffle_options: false
                opens_at: 2023-12-01 09:00
                closes_at: 2023-12-15T18:00:00+08:00
                formal: false
                makeup_of: 2023-annual
                required_departments: [综合办公室, 生产技术部/安全科]
                exemptions:
                  - { staff: "10023", reason: 长期病假 }
                """, library: try SharedCatalog.get().library)
        XCTAssertEqual(exam.passMark, 35)
        XCTAssertEqual(exam.excellentMark, 48)
        XCTAssertEqual(exam.attemptsAllowed, 3)
        XCTAssertEqual(exam.counting, .last)
        XCTAssertEqual(exam.multipleScoring, .partial)
        XCTAssertFalse(exam.shuffleQuestions || exam.shuffleOptions || exam.formal)
        XCTAssertEqual(exam.opensAt, ISO8601DateFormatter().date(from: "2023-12-01T01:00:00Z"))
        XCTAssertEqual(exam.closesAt, ISO8601DateFormatter().date(from: "2023-12-15T10:00:00Z"))
        XCTAssertEqual(exam.makeupOf, "2023-annual")
        XCTAssertEqual(exam.requiredDepartments, ["综合办公室", "生产技术部/安全科"])
        XCTAssertEqual(exam.exemptions, [ExamExemption(staffID: "10023", reason: "长期病假")])
        XCTAssertTrue(exam.requires(department: "生产技术部/安全科/一组"))
        XCTAssertFalse(exam.requires(department: "生产技术部/设备科"))
        XCTAssertFalse(exam.requires(department: "综合办公室二"))
    }

    /// Exam files are read with Yams' basic resolver (no regex tag
    /// resolution): numbers and flags come from plain scalars, as before.
    func testFlagsAndNumbersFromPlainScalarsOnly() throws {
        for (text, value) in [("true", true), ("True", true), ("yes", true), ("on", true), ("false", false), ("NO", false), ("off", false)] {
            XCTAssertEqual(try parseExam(minimal + "\nformal: \(text)").formal, value, text)
        }
        for text in ["'true'", "\"false\"", "1", "y", "~", "[true]"] {
            assertExamError(minimal + "\nformal: \(text)", line: 7, contains: "formal 应为 true 或 false")
        }
        XCTAssertEqual(try parseExam(minimal + "\npass_mark: 1_5").passMark, 15)
        assertExamError(minimal + "\npass_mark: '35'", line: 7, contains: "pass_mark")
        assertExamError(minimal.replacingOccurrences(of: "time_limit_minutes: 30", with: "time_limit_minutes: \"30\""), line: 3, contains: "time_limit_minutes")
    }

    func testLawNamesAreNormalisedThroughTheLibrary() throws {
        let yaml = minimal.replacingOccurrences(of: "law: work-safety", with: "law: 安全生产法")
        let exam = try parseExam(yaml, library: try SharedCatalog.get().library)
        XCTAssertEqual(exam.sections[0].lawID, "work-safety")
    }

    func testErrorsNameFileAndLine() throws {
        let library = try SharedCatalog.get().library
        assertExamError(minimal + "\ncolor: red", line: 7, contains: "未知字段 “color”")
        assertExamError(minimal.replacingOccurrences(of: "type: judge", with: "type: essay"), line: 6, contains: "题型 “essay” 无效")
        assertExamError(minimal.replacingOccurrences(of: "law: work-safety", with: "law: 刑法"), line: 5, contains: "未知的法律 “刑法”", library: library)
        assertExamError(minimal.replacingOccurrences(of: "count: 5, points: 4", with: "count: 0, points: 4"), line: 5, contains: "count")
        assertExamError(minimal + "\nfull_marks: 100", line: 7, contains: "合计为 50")
        assertExamError(minimal + "\ncounting: best", line: 7, contains: "highest、first、last")
        assertExamError(minimal + "\npass_mark: 80", line: 7, contains: "不超过满分")
        assertExamError(minimal + "\nopens_at: 明天", line: 7, contains: "应为时间")
        assertExamError(minimal + "\nopens_at: 2023-12-02 09:00\ncloses_at: 2023-12-01 09:00", line: 8, contains: "应晚于")
        assertExamError(minimal.replacingOccurrences(of: "time_limit_minutes: 30\n", with: ""), line: 1, contains: "time_limit_minutes")
        assertExamError(minimal + "\nexemptions: [{ staff: '1' }]", line: 7, contains: "reason")
        assertExamError("id: a\n  title: [", line: 2, contains: "YAML")
    }

    func testHashIgnoresCommentsButNotRules() throws {
        let base = try parseExam(minimal)
        XCTAssertEqual(base.definitionHash, try parseExam("# 注释\n" + minimal).definitionHash)
        XCTAssertNotEqual(base.definitionHash, try parseExam(minimal.replacingOccurrences(of: "points: 6", with: "points: 7")).definitionHash)
        XCTAssertNotEqual(base.definitionHash, try parseExam(minimal + "\nattempts_allowed: 2").definitionHash)
    }

    func testBrokenFileIsReportedWhenItsIdIsAskedFor() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exams-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try minimal.write(to: folder.appendingPathComponent("t1.yaml"), atomically: true, encoding: .utf8)
        try (minimal.replacingOccurrences(of: "id: t1", with: "id: broken") + "\nbogus: 1")
            .write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let catalog = try ExamCatalog.load(folder: folder, library: nil)
        XCTAssertEqual(catalog.definitions.map(\.id), ["t1"])
        XCTAssertEqual(catalog.problems.count, 1)
        XCTAssertThrowsError(try catalog.definition("broken")) { error in
            XCTAssertEqual((error as? ExamDefinitionError)?.line, 7)
        }
        XCTAssertThrowsError(try catalog.definition("nope")) { error in
            XCTAssertEqual(error as? ExamCatalogError, .unknownExam(id: "nope", available: ["t1"]))
        }
    }

    func testCountingSelectsTheRightAttempt() {
        let attempts: [(Date, Double)] = [(Date(timeIntervalSince1970: 10), 70), (Date(timeIntervalSince1970: 20), 90), (Date(timeIntervalSince1970: 30), 80)]
        XCTAssertEqual(AttemptCounting.highest.select(attempts, startedAt: \.0, score: \.1)?.1, 90)
        XCTAssertEqual(AttemptCounting.first.select(attempts, startedAt: \.0, score: \.1)?.1, 70)
        XCTAssertEqual(AttemptCounting.last.select(attempts, startedAt: \.0, score: \.1)?.1, 80)
        XCTAssertNil(AttemptCounting.highest.select([(Date, Double)](), startedAt: \.0, score: \.1))
    }
}
