import Foundation
import LawQuizCore

/// One answer sheet checked and ready to store (`exam enter`).
public struct PaperSheet: Sendable {
    public var issued: IssuedPaper
    public var staff: StaffMember
    public var paper: Paper
    public var keys: [AnswerKey]

    /// Bank letters by item index; blanks absent.
    public var answers: [Int: AnswerKey] = [:]
    /// The paper attempt of an entry that was interrupted before it was
    /// submitted (process killed): entering the sheet again completes it.
    public var unfinishedAttemptID: Int64?
}

/// Paper exams on top of the same rules as online ones: papers are drawn by
/// `PaperDrawer` from recorded seeds, and an entered sheet becomes an attempt
/// through the same insert, answer, grade and submit path (and audit
/// entries), so reports count it alike and `lawquiz verify` checks it alike.
extension AttemptService {
    /// Draws and records papers: one per person of `staff` when given (made
    /// out to them), else `count` blank ones. Nothing is recorded when a
    /// paper cannot be drawn.
    public func printPapers(exam: ExamDefinition, count: Int, staff: [RosterEntry]?, by login: String) throws -> [PrintedPaper] {
        for person in staff ?? [] { _ = try identify(staffID: person.staffID) }
        let people: [RosterEntry?] = staff.map { $0.map(Optional.some) } ?? Array(repeating: nil, count: count)
        let drawer = PaperDrawer(catalog: catalog)
        var drawn: [(seed: UInt64, staffID: String?, paper: Paper)] = []
        for person in people {
            let seed = makeSeed()
            drawn.append((seed, person?.staffID, try drawer.draw(exam, seed: seed)))
        }
        let issued = try store.issuePapers(examID: exam.id, assignments: drawn.map { ($0.seed, $0.staffID) }, by: login, at: clock.now)
        return zip(issued, zip(drawn, people)).map { issued, pair in
            PrintedPaper(number: issued.number, paper: pair.0.paper, checkCode: issued.checkCode, staff: pair.1)
        }
    }

    /// Checks a sheet's paper number (and check code when given) and 工号
    /// without storing anything; `answers` are filled in by the caller.
    public func paperSheet(exam: ExamDefinition, number: Int, checkCode: String? = nil, staffID: String) throws -> PaperSheet {
        guard let issued = try store.issuedPaper(examID: exam.id, number: number) else {
            throw PaperEntryError.notIssued(exam: exam.id, number: number)
        }
        if let checkCode, !checkCode.isEmpty, checkCode.lowercased() != issued.checkCode {
            throw PaperEntryError.checkCodeMismatch(number: number, given: checkCode)
        }
        let trimmed = staffID.trimmingCharacters(in: .whitespaces)
        var unfinished: Int64?
        if let attemptID = try store.attemptID(examID: exam.id, paperNumber: number) {
            guard let attempt = try store.attempt(attemptID), attempt.status == .inProgress, attempt.staffID == trimmed else {
                throw PaperEntryError.alreadyEntered(number: number, attemptID: attemptID)
            }
            unfinished = attemptID
        }
        if let owner = issued.staffID, owner != trimmed { throw PaperEntryError.issuedToOther(number: number, staffID: owner) }
        guard let member = try identify(staffID: trimmed) else { throw PaperEntryError.noRoster }
        let paper = try PaperDrawer(catalog: catalog).draw(exam, seed: issued.seed)
        let keys = try paper.items.map { item in
            guard let question = catalog.question(item.questionID) else { throw AttemptError.questionMissing(questionID: item.questionID) }
            return question.answer
        }
        return PaperSheet(issued: issued, staff: member, paper: paper, keys: keys, unfinishedAttemptID: unfinished)
    }

    /// Stores a checked sheet as a submitted paper attempt, recording the
    /// entering administrator, and returns its graded result. The exam's
    /// `attempts_allowed` applies as online; its open window does not (the
    /// sheets are keyed in after the sitting, often after `closes_at`, so the
    /// deadline is the time limit from now, never the closing time).
    public func enterPaper(_ sheet: PaperSheet, exam: ExamDefinition, enteredBy login: String) throws -> AttemptResult {
        let now = clock.now
        let attemptID: Int64
        if let unfinished = sheet.unfinishedAttemptID {
            attemptID = unfinished
        } else {
            attemptID = try store.insertAttempt(
                exam: exam, staffID: sheet.staff.staffID, paper: sheet.paper, keys: sheet.keys, startedAt: now,
                deadline: now.addingTimeInterval(exam.timeLimit), paperNumber: sheet.issued.number
            ) { used in
                if used >= exam.attemptsAllowed {
                    throw AttemptError.noAttemptsLeft(exam: exam.title, used: used, allowed: exam.attemptsAllowed)
                }
            }
        }
        try store.recordProctor(attemptID: attemptID, login: login)
        // Only what differs from the saved answers (all of them for a new attempt).
        let saved = try store.responses(attemptID: attemptID).compactMapValues(\.answer)
        for item in sheet.paper.items where sheet.answers[item.index] != saved[item.index] {
            try recordAnswer(sheet.answers[item.index], attemptID: attemptID, itemIndex: item.index)
        }
        return try submit(attemptID: attemptID, exam: exam, reason: .byPerson)
    }
}
