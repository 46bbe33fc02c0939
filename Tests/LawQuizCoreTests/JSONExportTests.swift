import XCTest
@testable import LawQuizCore

/// The JSON export carries enough to re-mark every attempt from the bank's keys.
final class JSONExportTests: XCTestCase {
    typealias F = AdminFixtures

    /// Attempts over real bank questions: person i answers question j right when (i + j) % 3 != 0.
    func attempts(_ catalog: BankCatalog) throws -> [AttemptDetail] {
        let questions = Array(catalog.questions.prefix(12))
        XCTAssertEqual(questions.count, 12)
        return (1...3).map { person in
            var score = 0.0
            let items = questions.enumerated().map { index, question -> AttemptDetail.Item in
                let right = (person + index) % 3 != 0
                let given: AnswerKey? = index == 5 ? nil : (right ? question.answer : Self.wrong(question.answer))
                if right, index != 5 { score += 2 }
                return AttemptDetail.Item(
                    index: index, questionID: question.id, contentHash: question.contentHash, optionOrder: question.options.map(\.letter).joined(),
                    keyCode: question.answer.code, points: 2, sectionIndex: 0, type: question.type, lawID: question.lawID, given: OptionBits(given))
            }
            return AttemptDetail(
                id: Int64(person), examID: "main", examTitle: "测试考试", definitionHash: "h", staffID: "100\(person)", seed: UInt64.max - 7,
                startedAt: F.day, deadline: F.day.addingTimeInterval(3600), submittedAt: F.day.addingTimeInterval(600), submitReason: "submitted",
                score: score, fullMarks: 24, passed: score >= 14.4, excellent: score >= 21.6, items: items)
        }
    }

    static func wrong(_ key: AnswerKey) -> AnswerKey {
        switch key {
        case .judgement(let value): return .judgement(!value)
        case .options(let letters): return .options(letters.contains("A") ? ["B"] : ["A"])
        }
    }

    func testReMarkingFromTheBankGivesTheSameScores() throws {
        let catalog = try SharedCatalog.get()
        let details = try attempts(catalog)
        let roster = (1...3).map { F.person("100\($0)", "办公室") }
        let reportAttempts = details.map { F.attempt($0.id, $0.staffID, $0.score) }
        let report = ExamReport(header: F.header(fullMarks: 24), outcomes: F.outcomes(roster, reportAttempts))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-json-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try AtomicOutput(destination: url, overwrite: false).write { writer in
            try JSONExporter(partialScoring: [:]).write(report, attempts: { body in try details.forEach(body) }, to: writer)
        }
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        XCTAssertEqual(root["format"] as? String, JSONExporter.formatName)
        let fields = try XCTUnwrap(root["itemFields"] as? [String])
        let exported = try XCTUnwrap(root["attempts"] as? [[String: Any]])
        XCTAssertEqual(exported.count, 3)
        for attempt in exported {
            let items = try XCTUnwrap(attempt["items"] as? [[Any]])
            var remarked = 0.0
            for item in items {
                let value = { (name: String) in item[fields.firstIndex(of: name)!] }
                let question = try XCTUnwrap(catalog.question(try XCTUnwrap(value("questionID") as? String)))
                let given = value("given") as? String
                if given == question.answer.code { remarked += (value("points") as? Double) ?? Double(value("points") as? Int ?? 0) }
            }
            XCTAssertEqual(remarked, (attempt["score"] as? Double) ?? Double(attempt["score"] as? Int ?? -1), "attempt \(attempt["id"] ?? "")")
            XCTAssertEqual(attempt["seed"] as? String, String(UInt64.max - 7), "seeds are strings so 64-bit values survive JSON readers")
            XCTAssertEqual(attempt["counted"] as? Bool, true)
        }
        let summary = try XCTUnwrap(root["summary"] as? [String: Any])
        XCTAssertEqual(summary["sat"] as? Int, 3)
        let people = try XCTUnwrap(root["people"] as? [[String: Any]])
        XCTAssertEqual(people.count, 3)
    }

    /// 1002 left the roster: their attempt is listed with `counted: false`,
    /// and their person entry names no counted attempt (issue 9.7).
    func testNoCountedAttemptForPeopleWhoDoNotCount() throws {
        let roster = [F.person("1001", "办公室"), F.person("1002", "办公室", active: false)]
        let report = ExamReport(header: F.header(), outcomes: F.outcomes(roster, [F.attempt(1, "1001", 70), F.attempt(2, "1002", 80)]))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-json-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try AtomicOutput(destination: url, overwrite: false).write { writer in
            try JSONExporter(partialScoring: [:]).write(report, attempts: { _ in }, to: writer)
        }
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let people = try XCTUnwrap(root["people"] as? [[String: Any]])
        let left = try XCTUnwrap(people.first { $0["staffID"] as? String == "1002" })
        XCTAssertTrue(left["countedAttemptID"] is NSNull, "\(left)")
        XCTAssertEqual(left["score"] as? Int, 80, "the score is still shown")
        XCTAssertEqual(people.first { $0["staffID"] as? String == "1001" }?["countedAttemptID"] as? Int, 1)
        let exam = try XCTUnwrap(root["exam"] as? [String: Any])
        XCTAssertNotNil(ISO8601DateFormatter().date(from: try XCTUnwrap(exam["generatedAt"] as? String)))
    }

    func testStringsAndDatesAreValidJSON() throws {
        XCTAssertEqual(JSONText.string("a\"b\\c\n\u{1}"), "\"a\\\"b\\\\c\\n\\u0001\"")
        XCTAssertEqual(JSONText.date(Date(timeIntervalSince1970: 1_700_000_000.5)), "\"2023-11-14T22:13:20.500Z\"")
        XCTAssertEqual(JSONText.number(92.5), "92.5")
        XCTAssertEqual(JSONText.number(90), "90")
    }
}
