import Foundation
import GRDB
import LawQuizCore
@testable import LawQuizStore
import XCTest

/// Paper exams: printed papers are recorded with their seeds, an entered
/// sheet becomes a submitted paper attempt through the online path, and the
/// audit chain covers both.
final class PaperEntryTests: StoreTestCase {
    func prepared() throws -> (ResultsStore, AttemptService, ExamDefinition) {
        let store = try openStore()
        _ = try store.importRoster([
            RosterEntry(staffID: "1001", name: "张伟", department: "办公室"), RosterEntry(staffID: "1002", name: "李娜", department: "安全科"),
        ])
        return (store, try service(store), try smallExam())
    }

    func testPrintedPapersAreNumberedRecordedAndRedrawnFromTheirSeeds() throws {
        let (store, service, exam) = try prepared()
        let first = try service.printPapers(exam: exam, count: 2, staff: nil, by: "admin")
        let second = try service.printPapers(
            exam: exam, count: 0, staff: [RosterEntry(staffID: "1002", name: "李娜", department: "安全科")], by: "admin")
        XCTAssertEqual((first + second).map(\.number), [1, 2, 3])
        XCTAssertEqual(second[0].staff?.staffID, "1002")
        let issued = try XCTUnwrap(store.issuedPaper(examID: exam.id, number: 3))
        XCTAssertEqual(issued.staffID, "1002")
        XCTAssertEqual(issued.checkCode, second[0].checkCode)
        XCTAssertEqual(issued.checkCode.count, 6)
        XCTAssertEqual(try PaperDrawer(catalog: service.catalog).draw(exam, seed: issued.seed), second[0].paper)
        XCTAssertNil(try store.issuedPaper(examID: exam.id, number: 4))
    }

    func testAnEnteredSheetIsAGradedPaperAttemptAndVerifiesClean() throws {
        let (store, service, exam) = try prepared()
        let printed = try service.printPapers(exam: exam, count: 1, staff: nil, by: "admin")
        var sheet = try service.paperSheet(exam: exam, number: printed[0].number, checkCode: printed[0].checkCode, staffID: "1001")
        // Every key right except the first question left blank.
        for (item, key) in zip(sheet.paper.items, sheet.keys).dropFirst() { sheet.answers[item.index] = key }
        let result = try service.enterPaper(sheet, exam: exam, enteredBy: "admin")
        XCTAssertEqual(result.grade.score, 80)
        XCTAssertEqual(result.attempt.mode, .paper)
        XCTAssertEqual(result.attempt.paperNumber, printed[0].number)
        XCTAssertEqual(result.attempt.proctorLogin, "admin")
        XCTAssertEqual(result.attempt.status, .submitted)
        let report = try AuditVerifier(store: store).verify(exams: [exam])
        XCTAssertEqual(report.findings, [])
        XCTAssertEqual(report.recomputed, 1)

        // The same paper twice, a paper never printed, someone not on the roster.
        XCTAssertThrowsError(try service.paperSheet(exam: exam, number: 1, staffID: "1002")) { error in
            XCTAssertEqual(error as? PaperEntryError, .alreadyEntered(number: 1, attemptID: result.attempt.id))
        }
        XCTAssertThrowsError(try service.paperSheet(exam: exam, number: 9, staffID: "1002")) { error in
            XCTAssertEqual(error as? PaperEntryError, .notIssued(exam: exam.id, number: 9))
        }
        _ = try service.printPapers(exam: exam, count: 1, staff: nil, by: "admin")
        XCTAssertThrowsError(try service.paperSheet(exam: exam, number: 2, staffID: "9999")) { error in
            XCTAssertEqual(error as? AttemptError, .unknownStaff(staffID: "9999"))
        }
        XCTAssertThrowsError(try service.paperSheet(exam: exam, number: 2, checkCode: "zzzzzz", staffID: "1002")) { error in
            XCTAssertEqual(error as? PaperEntryError, .checkCodeMismatch(number: 2, given: "zzzzzz"))
        }
    }

    func testSheetsAreEnteredAfterTheExamHasClosed() throws {
        let store = try openStore()
        _ = try store.importRoster([RosterEntry(staffID: "1001", name: "张伟", department: "办公室")])
        let service = try service(store)
        let closed = try smallExam(extra: "closes_at: 2023-11-14T00:00:00Z")
        _ = try service.printPapers(exam: closed, count: 1, staff: nil, by: "admin")
        var sheet = try service.paperSheet(exam: closed, number: 1, staffID: "1001")
        for (item, key) in zip(sheet.paper.items, sheet.keys) { sheet.answers[item.index] = key }
        let result = try service.enterPaper(sheet, exam: closed, enteredBy: "admin")
        XCTAssertEqual(result.grade.score, 100, "every answer was committed though closes_at has passed")
        XCTAssertEqual(try AuditVerifier(store: store).verify(exams: [closed]).findings, [])
    }

    func testAnEntryInterruptedBeforeSubmissionIsCompletedByEnteringTheSheetAgain() throws {
        let (store, service, exam) = try prepared()
        _ = try service.printPapers(exam: exam, count: 1, staff: nil, by: "admin")
        var sheet = try service.paperSheet(exam: exam, number: 1, staffID: "1001")
        // As if the process died after the insert and two answers (one of them wrong).
        let attemptID = try store.insertAttempt(
            exam: exam, staffID: "1001", paper: sheet.paper, keys: sheet.keys, startedAt: clock.now,
            deadline: clock.now.addingTimeInterval(exam.timeLimit), paperNumber: 1) { _ in }
        try service.recordAnswer(sheet.keys[0], attemptID: attemptID, itemIndex: 0)
        try service.recordAnswer(sheet.keys[4] == .judgement(true) ? .judgement(false) : .judgement(true), attemptID: attemptID, itemIndex: 4)
        XCTAssertThrowsError(try service.paperSheet(exam: exam, number: 1, staffID: "1002"), "only for the same person")

        sheet = try service.paperSheet(exam: exam, number: 1, staffID: "1001")
        XCTAssertEqual(sheet.unfinishedAttemptID, attemptID)
        for (item, key) in zip(sheet.paper.items, sheet.keys).dropLast() { sheet.answers[item.index] = key }
        let result = try service.enterPaper(sheet, exam: exam, enteredBy: "admin")
        XCTAssertEqual(result.attempt.id, attemptID)
        XCTAssertEqual(result.grade.score, 80, "the wrong saved answer was replaced, the last left blank")
        XCTAssertEqual(try AuditVerifier(store: store).verify(exams: [exam]).findings, [])
        XCTAssertThrowsError(try service.paperSheet(exam: exam, number: 1, staffID: "1001")) { error in
            XCTAssertEqual(error as? PaperEntryError, .alreadyEntered(number: 1, attemptID: attemptID))
        }
    }

    func testAPaperMadeOutToSomeoneIsRefusedForAnother() throws {
        let (_, service, exam) = try prepared()
        _ = try service.printPapers(exam: exam, count: 0, staff: [RosterEntry(staffID: "1002", name: "李娜", department: "安全科")], by: "admin")
        XCTAssertThrowsError(try service.paperSheet(exam: exam, number: 1, staffID: "1001")) { error in
            XCTAssertEqual(error as? PaperEntryError, .issuedToOther(number: 1, staffID: "1002"))
        }
    }

    func testEditingTheSourceBehindLawquizIsFound() throws {
        let (store, service, exam) = try prepared()
        let printed = try service.printPapers(exam: exam, count: 1, staff: nil, by: "admin")
        let sheet = try service.paperSheet(exam: exam, number: printed[0].number, staffID: "1001")
        let result = try service.enterPaper(sheet, exam: exam, enteredBy: "admin")
        _ = try store.write { db in try db.execute("UPDATE attempt SET source = 'online', paper_no = NULL WHERE id = ?", result.attempt.id) }
        let findings = try AuditVerifier(store: store).verify(exams: [exam]).findings
        XCTAssertEqual(findings.map(\.category), [.attemptEdited, .attemptEdited])
    }
}
