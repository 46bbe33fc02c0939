import Foundation
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// The read-only report reader on a store sat through AttemptService.
final class ReportReaderTests: StoreTestCase {
    /// Six people sit the small exam with 0…5 right answers (5 questions × 20 points).
    func sampleStore() throws -> (ExamDefinition, ResultsStore) {
        let store = try openStore()
        _ = try store.importRoster((1...6).map { RosterEntry(staffID: "10\($0)", name: "人\($0)", department: $0 % 2 == 0 ? "甲部/一科" : "乙部") })
        let exam = try smallExam(extra: "formal: true")
        for person in 1...6 {
            let service = try service(store, seed: UInt64(person))
            let session = try session(try service.begin(exam: exam, staffID: "10\(person)"))
            for (index, item) in session.items.enumerated() {
                let answer = index < person - 1 ? item.question.answer : wrongAnswer(item)
                try service.recordAnswer(answer, attemptID: session.attempt.id, itemIndex: item.item.index)
            }
            _ = try service.submit(attemptID: session.attempt.id, exam: exam, reason: .byPerson)
        }
        return (exam, store)
    }

    func testPartitionedScanMatchesASingleScan() throws {
        let (exam, _) = try sampleStore()
        let reader = try ReportReader(path: databaseURL)
        let loader = try ExamReportLoader(reader: reader, exam: exam, catalog: ExamCatalog(definitions: [exam]))
        let outcomes = try loader.outcomes()
        XCTAssertEqual(ParticipationSummary(outcomes: outcomes, fullMarks: 100).participationRate.text, "6/6 = 100.0%")
        let single = try loader.analyse(outcomes, partitions: 1)
        let split = try loader.analyse(outcomes, partitions: 3)
        XCTAssertEqual(single.items, split.items)
        XCTAssertEqual(single.items.test.attempts, 6)
        XCTAssertEqual(single.items.items.reduce(0) { $0 + $1.drawn }, 30)
        XCTAssertEqual(single.items.items.reduce(0) { $0 + $1.right }, 15, "0+1+2+3+4+5 right answers")
        let byType = single.accuracy.types().rows
        XCTAssertEqual(byType.reduce(0) { $0 + $1.responses }, 30)
    }

    func testReaderNeverCreatesOrWrites() throws {
        let missing = folder.appendingPathComponent("nothing/lawquiz.sqlite")
        XCTAssertThrowsError(try ReportReader(path: missing)) { error in
            XCTAssertEqual(error as? ReportStoreError, .missing(path: missing.path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
        _ = try sampleStore()
        let reader = try ReportReader(path: databaseURL)
        XCTAssertThrowsError(try reader.queue.write { db in try db.execute(sql: "DELETE FROM staff") }, "read-only connection")
        XCTAssertEqual(try reader.roster().count, 6)
    }
}
