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
        let reader = try openReports()
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

    /// The item scan reads a new question's type and law by rowid on SQLite
    /// (not with every row): its analysis must equal one built from the
    /// export's reading of every paper row, for all three question types,
    /// whether one or two partitions scan (a question first met in each).
    func testItemScanDescribesQuestionsLikeEveryStoredRow() throws {
        let (exam, _) = try sampleStore()
        let reader = try openReports()
        let loader = try ExamReportLoader(reader: reader, exam: exam, catalog: ExamCatalog(definitions: [exam]))
        let outcomes = try loader.outcomes()
        var expected = ItemAnalysisAccumulator(grid: ExamReportLoader.grid([exam]))
        var types: [String: QuestionType] = [:]
        try reader.forEachSubmittedAttempt(examIDs: [exam.id], itemsPerPaper: 5) { attempt in
            expected.addAttempt(total: attempt.score)
            for item in attempt.items {
                types[item.questionID] = item.type
                let key = AnswerCode.bits(code: item.keyCode, type: item.type)
                let mark = OptionBits.mark(given: item.given, key: key, type: item.type, points: item.points, partial: false)
                expected.addItem(
                    questionID: item.questionID, lawID: item.lawID, type: item.type, position: item.index, key: key, given: item.given,
                    mark: mark, maxMark: item.points, attemptTotal: attempt.score)
            }
        }
        XCTAssertEqual(Set(types.values), [.single, .multiple, .judge])
        for partitions in [1, 2] {
            let scanned = try loader.analyse(outcomes, partitions: partitions)
            XCTAssertEqual(scanned.items, expected.result(), "\(partitions) partition(s)")
            XCTAssertEqual(scanned.accuracy.laws(order: [], title: { $0 }).rows, expected.accuracy().laws(order: [], title: { $0 }).rows)
            XCTAssertEqual(scanned.accuracy.types().rows, expected.accuracy().types().rows)
            XCTAssertEqual(Dictionary(uniqueKeysWithValues: scanned.items.items.map { ($0.questionID, $0.type) }), types)
        }
    }

    /// Person 107 answers 4 questions right and never submits: before the
    /// deadline they are 未参考; after it every report counts them as
    /// submitted at the deadline with 80 points, and the figures do not move
    /// when the submission is finally stored.
    func testOverdueAttemptCountsAsRecordedBeforeItIsWritten() throws {
        let (exam, store) = try sampleStore()
        _ = try store.importRoster((1...7).map { RosterEntry(staffID: "10\($0)", name: "人\($0)", department: $0 % 2 == 0 ? "甲部/一科" : "乙部") })
        let service = try service(store, seed: 7)
        let open = try session(try service.begin(exam: exam, staffID: "107"))
        for (index, item) in open.items.enumerated() {
            try service.recordAnswer(index < 4 ? item.question.answer : wrongAnswer(item), attemptID: open.attempt.id, itemIndex: item.item.index)
        }
        let reader = try openReports()
        let loader = try ExamReportLoader(reader: reader, exam: exam, catalog: ExamCatalog(definitions: [exam]))
        let before = ParticipationSummary(outcomes: try loader.outcomes(now: clock.now), fullMarks: 100)
        XCTAssertEqual(before.participationRate.text, "6/7 = 85.7%")
        let later = clock.now.addingTimeInterval(11 * 60)
        let overdue = try loader.overdue(now: later)
        XCTAssertEqual(overdue.attempts[open.attempt.id]?.score, 80)
        XCTAssertEqual(overdue.attempts[open.attempt.id]?.submittedAt, open.attempt.deadline)
        let read = try loader.outcomes(now: later)
        let after = ParticipationSummary(outcomes: read, fullMarks: 100)
        XCTAssertEqual(after.participationRate.text, "7/7 = 100.0%")
        XCTAssertEqual(after.passed, 4, "60, 80, 100 and the overdue 80")
        var details: [Int64: AttemptDetail] = [:]
        try reader.forEachSubmittedAttempt(examIDs: [exam.id], itemsPerPaper: 5, overdue: overdue) { details[$0.id] = $0 }
        XCTAssertEqual(details.count, 7)
        XCTAssertEqual(details[open.attempt.id]?.submitReason, "expired")
        XCTAssertEqual(details[open.attempt.id]?.items.filter { !$0.given.isEmpty }.count, 5)
        // Read in batches by id: small batches (some holding only skipped rows) give the same attempts in id order.
        for batch in [1, 2, 3] {
            var batched: [AttemptDetail] = []
            try reader.forEachSubmittedAttempt(examIDs: [exam.id], itemsPerPaper: 5, overdue: overdue, batch: batch) { batched.append($0) }
            XCTAssertEqual(
                batched.map { String(describing: $0) }, details.values.sorted { $0.id < $1.id }.map { String(describing: $0) }, "batch \(batch)")
        }
        XCTAssertEqual(try store.attempt(open.attempt.id)?.status, .inProgress, "reports write nothing")
        clock.advance(by: 11 * 60)
        guard case .expired = try service.begin(exam: exam, staffID: "107") else { return XCTFail("not expired") }
        let stored = try loader.outcomes(now: later)
        XCTAssertEqual(stored.people, read.people, "storing the submission changes no figure")
        XCTAssertTrue(try loader.overdue(now: later).attempts.isEmpty)
    }

    func testReaderNeverCreatesOrWrites() throws {
        let missing = folder.appendingPathComponent("nothing/lawquiz.sqlite")
        XCTAssertThrowsError(try ReportReader(path: missing)) { error in
            XCTAssertEqual(error as? ReportStoreError, .missing(path: missing.path))
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.deletingLastPathComponent().path))
        _ = try sampleStore()
        let reader = try openReports()
        XCTAssertThrowsError(try reader.read { db in try db.execute("DELETE FROM staff") }, "reports read in read-only transactions")
        XCTAssertEqual(try reader.roster().count, 6)
    }

    /// Rowid partitions are half-open and may be empty: an empty table, or
    /// fewer rows than partitions, once trapped on `1...0` / `2...1`.
    func testRowidPartitionsCoverEveryRowAndMayBeEmpty() {
        XCTAssertEqual(ReportReader.partition(low: 0, high: -1, count: 2), [0..<0, 0..<0])
        XCTAssertEqual(ReportReader.partition(low: 1, high: 1, count: 2), [1..<2, 2..<2])
        XCTAssertEqual(ReportReader.partition(low: 1, high: 3, count: 4), [1..<2, 2..<3, 3..<4, 4..<4])
        for (low, high, count) in [(1, 10, 3), (5, 5, 1), (7, 1_000, 2), (3, 4, 8)] as [(Int64, Int64, Int)] {
            let parts = ReportReader.partition(low: low, high: high, count: count)
            XCTAssertEqual(parts.count, count)
            XCTAssertEqual(parts.first?.lowerBound, low)
            XCTAssertEqual(parts.last?.upperBound, high + 1)
            XCTAssertEqual(parts.reduce(0) { $0 + $1.count }, Int(high - low + 1))
            for (a, b) in zip(parts, parts.dropFirst()) { XCTAssertEqual(a.upperBound, b.lowerBound) }
        }
    }

    /// Interned values get dense indices in order of first appearance, and
    /// every later lookup of the same bytes finds the same index (past the
    /// table's growth, with empty and multi-byte values).
    func testByteInternerIndexesEachValueOnce() {
        var interner = ByteInterner()
        let texts = [""] + (0..<2_000).map { "q-\($0)" } + ["甲部/一科", "甲部/一科/二组"]
        for round in 0..<2 {
            for (expected, text) in texts.enumerated() {
                var text = text
                let (index, isNew) = text.withUTF8 { interner.index(of: $0) }
                XCTAssertEqual(index, expected, text)
                XCTAssertEqual(isNew, round == 0, text)
            }
        }
        XCTAssertEqual(interner.values, texts)
    }

    /// The walk over values in byte order finds exactly the values among
    /// texts looked up in ascending byte order or shuffled (prefixes, empty,
    /// multi-byte, case), wherever the walk starts and ends, and after it
    /// turns to hashing (a shuffled order, several hundred look-ups).
    func testSortedBytesFindsValuesInAnyOrderOfLookUps() {
        var random = SeededGenerator(seed: 3)
        let alphabet = ["", "a", "A", "b", "工", "S0", "S00", "S1", "S10", "z", "~"]
        let pool = (0..<400).map { _ in (0..<Int.random(in: 0...3, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined() }
        let byBytes: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for _ in 0..<20 {
            let values = Array(Set(pool.filter { _ in Bool.random(using: &random) })).sorted(by: byBytes)
            var list = SortedBytes()
            for var value in values { value.withUTF8 { list.append($0) } }
            XCTAssertEqual(list.count, values.count)
            let ascending = Array(Set(pool.filter { _ in Bool.random(using: &random) })).sorted(by: byBytes)
            let queries = Bool.random(using: &random) ? ascending : ascending.shuffled(using: &random) + ascending.reversed()
            for var query in queries {
                let found = query.withUTF8 { list.contains($0) }
                XCTAssertEqual(found, values.contains(query), query)
            }
        }
    }
}
