import Foundation
import LawQuizCore
import XCTest

/// `review: immediately | after_close | never` and the defaults of formal
/// exams and 模拟考试.
final class ReviewPolicyTests: XCTestCase {
    let base = """
        id: t
        title: 测试
        time_limit_minutes: 10
        sections:
          - { type: judge, count: 1, points: 100 }
        """

    func exam(_ extra: String) throws -> ExamDefinition { try parseExam(base + "\n" + extra) }

    func testFormalExamsShowKeysOnlyAfterClosesAt() throws {
        let formal = try exam("closes_at: 2023-12-01 17:00")
        let closes = try XCTUnwrap(formal.closesAt)
        XCTAssertEqual(formal.reviewPolicy, .afterClose)
        XCTAssertFalse(formal.showsKeys(now: closes.addingTimeInterval(-1)))
        XCTAssertTrue(formal.showsKeys(now: closes))
        XCTAssertFalse(try exam("").showsKeys(now: Date.distantFuture), "no closes_at: never for a formal exam")
    }

    func testPracticeExamsAndExplicitSettings() throws {
        XCTAssertTrue(try exam("formal: false").showsKeys(now: Date(timeIntervalSince1970: 0)))
        XCTAssertTrue(try exam("review: immediately").showsKeys(now: Date(timeIntervalSince1970: 0)))
        XCTAssertFalse(try exam("review: never\ncloses_at: 2023-12-01 17:00").showsKeys(now: .distantFuture))
        XCTAssertFalse(try exam("formal: false\nreview: after_close").showsKeys(now: .distantFuture))
        assertExamError(base + "\nreview: later", line: 6, contains: "review")
    }

    func testTheInstallationsDefaultAppliesToFormalExamsWithoutReview() throws {
        var chosen = try exam("review: immediately")
        chosen.id = "u"
        let catalog = ExamCatalog(definitions: [try exam("closes_at: 2023-12-01 17:00"), chosen])
        let never = catalog.withFormalReview(.never)
        XCTAssertEqual(never.definitions.map(\.reviewPolicy), [.never, .immediately])
        XCTAssertEqual(never.definitions[0].definitionHash, catalog.definitions[0].definitionHash, "a setting of the host, not of the exam")
        XCTAssertNotEqual(try exam("").definitionHash, try exam("review: never").definitionHash)
    }
}
