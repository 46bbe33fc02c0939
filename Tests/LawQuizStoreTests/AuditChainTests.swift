import Foundation
import GRDB
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// The audit chain and `AuditVerifier`: a clean store verifies clean, and
/// each edit made behind lawquiz's back (through a separate SQLite
/// connection, as the sqlite3 shell would) is found and attributed.
final class AuditChainTests: StoreTestCase {
    /// A submitted sitting of `smallExam` with 3 of 5 answered (items 0, 1 right; 2 wrong).
    private func sitting(_ store: ResultsStore, staffID: String = "1001") throws -> (ExamDefinition, AttemptResult) {
        let exam = try smallExam()
        let service = try service(store)
        let sitting = try session(try service.begin(exam: exam, staffID: staffID))
        for item in sitting.items.prefix(2) {
            try service.recordAnswer(item.question.answer, attemptID: sitting.attempt.id, itemIndex: item.item.index)
        }
        try service.recordAnswer(wrongAnswer(sitting.items[2]), attemptID: sitting.attempt.id, itemIndex: 2)
        try service.setMarked(true, attemptID: sitting.attempt.id, itemIndex: 4)
        clock.advance(by: 30)
        return (exam, try service.submit(attemptID: sitting.attempt.id, exam: exam, reason: .byPerson))
    }

    /// Runs SQL as the sqlite3 shell or psql would: its own connection, no
    /// transaction around it (SQLite: foreign keys off unless the SQL turns
    /// them on; PostgreSQL always checks them).
    private func raw(_ sql: String) throws {
        try withRawConnection { db in
            try db.executeScript(db.dialect.name == "sqlite" ? sql : sql.replacingOccurrences(of: "PRAGMA foreign_keys = ON; ", with: ""))
        }
    }

    private func verify(_ exam: ExamDefinition) throws -> AuditReport {
        try AuditVerifier(store: try openStore()).verify(exams: [exam])
    }

    func testCleanStoreVerifiesCleanAndEveryChangeIsAnEntry() throws {
        let store = try openStore()
        let (exam, result) = try sitting(store)
        XCTAssertEqual(result.grade.score, 40)
        let report = try verify(exam)
        XCTAssertEqual(report.findings, [])
        // genesis + started + 3 answers + submitted (marks change no result).
        XCTAssertEqual(report.entries, 6)
        XCTAssertEqual(report.attempts, 1)
        XCTAssertEqual(report.recomputed, 1)
        XCTAssertEqual(report.head, try store.auditHead())
        XCTAssertEqual(report.head?.count, 64)
    }

    /// The hashed text of every entry already stored was escaped by
    /// Foundation's `replacingOccurrences`: the byte-wise escape must give the
    /// same text, or old chains would stop verifying; and it reads back.
    func testEscapingMatchesFoundationsAndReadsBack() throws {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["\\", "\n", "\r", "\r\n", "\\n", "n", "r", "工号", "é", "e\u{301}", "=", " ", "👩‍👩‍👧", "a"]
        for _ in 0..<500 {
            let value = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            let foundation = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
                .replacingOccurrences(of: "\r", with: "\\r")
            XCTAssertEqual(Array(AuditPayload.escape(value).utf8), Array(foundation.utf8), value.debugDescription)
            var payload = AuditPayload(text: "")
            payload.add("value", value)
            XCTAssertEqual(Array((AuditPayload(text: payload.text)["value"] ?? "").utf8), Array(value.utf8), value.debugDescription)
        }
    }

    func testKeyFileIsCreatedGroupReadableOnlyAndReused() throws {
        forceSQLite = true
        let store = try openStore()
        let keyPath = AuditKeyFile.url(forStore: databaseURL).path
        XCTAssertEqual(URL(fileURLWithPath: keyPath).lastPathComponent, "lawquiz.sqlite.key")
        let attributes = try FileManager.default.attributesOfItem(atPath: keyPath)
        XCTAssertEqual((attributes[.posixPermissions] as? Int).map { $0 & 0o007 }, 0, "never world-readable")
        XCTAssertEqual(attributes[.size] as? Int, 32)
        let before = try Data(contentsOf: URL(fileURLWithPath: keyPath))
        _ = try sitting(try openStore())
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: keyPath)), before, "an existing key is reused")
        _ = store
    }

    func testEditedScoreIsFoundAndNamesThePerson() throws {
        let store = try openStore()
        _ = try store.importRoster([RosterEntry(staffID: "1001", name: "张伟", department: "办公室")])
        let (exam, result) = try sitting(store)
        try raw("UPDATE attempt SET score = 100, passed = 1, excellent = 1 WHERE id = \(result.attempt.id)")
        let findings = try verify(exam).findings
        XCTAssertTrue(findings.contains { $0.category == .resultEdited && $0.detail.contains("成绩被改动：数据库中为 100.0，审计链记录为 40.0") })
        XCTAssertTrue(findings.contains { $0.category == .scoreMismatch })
        XCTAssertTrue(findings.allSatisfy { $0.attemptID == result.attempt.id && $0.person == "1001 张伟" })
        XCTAssertTrue(findings[0].message.hasPrefix("作答 #\(result.attempt.id)（1001 张伟，考试 small）："), findings[0].message)
    }

    func testEditedAnswerIsFound() throws {
        let (exam, result) = try sitting(try openStore())
        let right = result.review[2].graded.key.code
        try raw("UPDATE response SET answer = '\(right)' WHERE attempt_id = \(result.attempt.id) AND item_index = 2")
        let findings = try verify(exam).findings
        XCTAssertEqual(findings.filter { $0.category == .answerEdited }.count, 1)
        XCTAssertTrue(findings.contains { $0.detail.hasPrefix("第 3 题答案被改动") }, "\(findings)")
        XCTAssertTrue(findings.contains { $0.category == .scoreMismatch }, "the regrade no longer matches the stored 40")
    }

    func testMovedDeadlineIsFound() throws {
        let store = try openStore()
        let service = try service(store)
        let exam = try smallExam()
        let open = try session(try service.begin(exam: exam, staffID: "1002"))
        try raw("UPDATE attempt SET deadline = '2099-01-01 00:00:00.000' WHERE id = \(open.attempt.id)")
        let findings = try verify(exam).findings
        XCTAssertEqual(findings.map(\.category), [.attemptEdited])
        XCTAssertTrue(findings[0].detail.hasPrefix("截止时间被改动：数据库中为 2099-01-01"), findings[0].detail)
    }

    func testDeletedAndInsertedAttemptsAreFound() throws {
        let (exam, result) = try sitting(try openStore())
        try raw("PRAGMA foreign_keys = ON; DELETE FROM attempt WHERE id = \(result.attempt.id)")
        try raw("""
            INSERT INTO attempt (exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, submitted_at, status,
                score, full_marks, passed, excellent, is_formal)
            VALUES ('small', '小测验', 'x', '1003', 1, '2023-11-14 22:13:20.000', '2023-11-14 22:23:20.000',
                '2023-11-14 22:20:00.000', 'submitted', 100, 100, 1, 1, 1)
            """)
        let findings = try verify(exam).findings
        XCTAssertEqual(findings.filter { $0.category == .attemptDeleted }.map(\.attemptID), [result.attempt.id])
        XCTAssertEqual(findings.filter { $0.category == .attemptInserted }.map(\.person), ["1003"])
    }

    func testEditedKeyIsFound() throws {
        let (exam, result) = try sitting(try openStore())
        try raw("UPDATE paper_item SET answer_key = 'Z' WHERE attempt_id = \(result.attempt.id) AND item_index = 0")
        XCTAssertTrue(try verify(exam).findings.contains { $0.category == .paperEdited })
    }

    func testEditedDeletedOrForgedChainEntriesAreFound() throws {
        let (exam, _) = try sitting(try openStore())
        try raw("UPDATE audit_entry SET payload = replace(payload, 'score=40.0', 'score=100.0') WHERE kind = 'attempt_submitted'")
        XCTAssertTrue(try verify(exam).findings.contains { $0.category == .chain && $0.detail.contains("内容被改动") })

        // Recomputing the hash without the key still fails the HMAC.
        try withRawConnection { db in
            let row = try db.row("SELECT seq, payload, prev_hash FROM audit_entry WHERE kind = 'attempt_submitted'")!
            let hash = AuditDigest.entryHash(previous: try row["prev_hash"], payload: try row["payload"])
            try db.execute("UPDATE audit_entry SET entry_hash = ? WHERE seq = ?", hash, try row["seq"] as Int64)
        }
        XCTAssertTrue(try verify(exam).findings.contains { $0.category == .chain && $0.detail.contains("HMAC") })

        try raw("DELETE FROM audit_entry WHERE seq = 3")
        XCTAssertTrue(try verify(exam).findings.contains { $0.category == .chain && $0.detail.contains("第 3–3 条缺失") })
    }

    func testAStoreFromBeforeTheChainStartsItWithSnapshots() throws {
        forceSQLite = true
        let (exam, result) = try sitting(try openStore())
        // Make the file look like one written before v3-audit-chain.
        try raw("DROP TABLE audit_entry; DELETE FROM grdb_migrations WHERE identifier = 'v3-audit-chain'")
        // An orphan row from some old hand edit must not block the upgrade.
        try raw("INSERT INTO response (attempt_id, item_index, answer, answered_at) VALUES (999, 0, 'A', '2023-11-14 22:13:20.000')")
        let store = try openStore()
        let report = try AuditVerifier(store: store).verify(exams: [exam])
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.entries, 2, "genesis and one snapshot")
        // The snapshot carries answers and the result: editing them is caught from now on.
        try raw("UPDATE attempt SET score = 90 WHERE id = \(result.attempt.id)")
        try raw("UPDATE response SET answer = NULL WHERE attempt_id = \(result.attempt.id) AND item_index = 0")
        let categories = Set(try verify(exam).findings.map(\.category))
        XCTAssertEqual(categories, [.resultEdited, .answerEdited, .scoreMismatch, .sheetMismatch])
    }

    /// The answer sheet (v7) is written with the submission and equals the
    /// rows; an edit of the sheet alone, of an answer row alone, or the
    /// sheet's deletion is each reported as a sheet that differs.
    func testAnswerSheetIsWrittenAtSubmissionAndAnEditOfEitherSideIsFound() throws {
        let store = try openStore()
        let (exam, result) = try sitting(store)
        let id = result.attempt.id
        let sheet = try store.read { try $0.value(String.self, "SELECT sheet FROM answer_sheet WHERE attempt_id = ?", id) }
        XCTAssertEqual(sheet?.first, "1", "format version")
        XCTAssertEqual(sheet?.filter { $0 == "\u{1E}" }.count, 5, "one record per item")
        XCTAssertEqual(try verify(exam).findings, [])

        try raw("UPDATE answer_sheet SET sheet = sheet || sheet")
        XCTAssertEqual(try verify(exam).findings.map(\.category), [.sheetMismatch])
        try raw("UPDATE answer_sheet SET sheet = '\(sheet ?? "")'")
        XCTAssertEqual(try verify(exam).findings, [])

        try raw("UPDATE response SET answer = 'A' WHERE attempt_id = \(id) AND item_index = 4")
        let findings = try verify(exam).findings
        XCTAssertTrue(Set(findings.map(\.category)).isSuperset(of: [.answerEdited, .sheetMismatch]), "\(findings)")
        XCTAssertTrue(findings.contains { $0.category == .sheetMismatch && $0.detail.contains("第 5 题答案为 未答，答案记录为 A") }, "\(findings)")

        try raw("DELETE FROM answer_sheet")
        XCTAssertTrue(try verify(exam).findings.contains { $0.category == .sheetMismatch && $0.detail.contains("没有答卷摘要") })
    }

    /// A store from before v7 gets the sheets of its submitted attempts when
    /// it is opened: the same text the submission writes, equal to the rows.
    func testAStoreFromBeforeTheAnswerSheetsGetsThemAtTheUpgrade() throws {
        let (exam, result) = try sitting(try openStore())
        let read = { try self.openStore().read { try $0.values(String.self, "SELECT sheet FROM answer_sheet", []) } }
        let written = try read()
        XCTAssertEqual(written.count, 1)
        let migrations = Self.usesServer ? "lawquiz_migrations" : "grdb_migrations"
        try raw("DROP TABLE answer_sheet; DELETE FROM \(migrations) WHERE identifier = 'v7-answer-sheet'")
        XCTAssertEqual(try read(), written)
        XCTAssertEqual(try verify(exam).findings, [])
        XCTAssertEqual(result.attempt.id, try openStore().read { try $0.value(Int64.self, "SELECT attempt_id FROM answer_sheet", []) })
    }

    func testRosterImportIsAuditedAndCommitsInBatchesThatLeaveTheLockFree() throws {
        forceSQLite = true
        let store = try openStore()
        let entries = (0..<1_050).map { RosterEntry(staffID: String(10_000 + $0), name: "员工\($0)", department: "部门\($0 % 7)") }
        var configuration = Configuration()
        configuration.busyMode = .immediateError
        let other = try DatabaseQueue(path: databaseURL.path, configuration: configuration)
        var batches: [Int] = []
        let report = try store.importRoster(entries, batchSize: 500) { written in
            batches.append(written)
            // Between batches another writer gets the lock at once.
            do {
                try other.inTransaction(.immediate) { _ in .commit }
            } catch {
                XCTFail("the lock was held between batches: \(error)")
            }
        }
        try other.close()
        XCTAssertEqual(batches, [500, 1_000, 1_050])
        XCTAssertEqual(report.added.count, 1_050)
        XCTAssertEqual(try store.roster().count, 1_050)
        let entry = try store.read { db in
            try db.value(String.self, "SELECT payload FROM audit_entry WHERE kind = 'roster_imported'")
        }
        let payload = AuditPayload(text: entry ?? "")
        XCTAssertEqual(payload["added"], "1050")
        XCTAssertEqual(payload["content"]?.count, 64)
    }
}

extension AuditChainTests {
    func testAPINChangeIsAnEntryWithoutThePIN() throws {
        let store = try openStore()
        try store.write { db in try store.auditPINChange(db, staffID: "1001", changedBy: "admin", at: clock.now) }
        let text = try store.read { db in try db.value(String.self, "SELECT payload FROM audit_entry WHERE kind = 'pin_changed'") }
        XCTAssertEqual(text, "kind=pin_changed\nstaff=1001\nby=admin")
        XCTAssertEqual(try AuditVerifier(store: store).verify(exams: []).findings, [])
    }

    func testPayloadEscapingKeepsEachFieldOnItsLine() {
        var payload = AuditPayload(kind: .pinChanged)
        payload.add("staff", "1001\nkind=genesis")
        payload.add("by", "a\\b")
        XCTAssertEqual(payload.text.split(separator: "\n").count, 3, "a line break in a value cannot forge a field")
        let parsed = AuditPayload(text: payload.text)
        XCTAssertEqual(parsed["staff"], "1001\nkind=genesis")
        XCTAssertEqual(parsed["by"], "a\\b")
        XCTAssertEqual(parsed.kind, .pinChanged)
    }
}
