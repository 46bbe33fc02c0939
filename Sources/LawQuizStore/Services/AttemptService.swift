import Foundation
import LawQuizCore

/// The rules of sitting an exam, on top of the store; the terminal session
/// loop drives it and holds no rules of its own. Every call that changes
/// something commits before returning, so a killed process loses nothing.
public struct AttemptService: Sendable {
    /// How long after the stored deadline an answer may still be committed:
    /// the time between the person pressing Enter before the deadline and
    /// the commit (a busy store, a slow disk). Later commits are refused and
    /// the attempt is submitted as of its deadline.
    public static let commitGrace: TimeInterval = 5

    public let store: ResultsStore
    public let catalog: BankCatalog
    public let clock: any WallClock
    let makeSeed: @Sendable () -> UInt64

    /// `makeSeed` chooses the paper seed of a new attempt (random by default;
    /// tests pass a fixed one).
    public init(
        store: ResultsStore, catalog: BankCatalog, clock: any WallClock = SystemWallClock(),
        makeSeed: @escaping @Sendable () -> UInt64 = { UInt64.random(in: UInt64.min...UInt64.max) }
    ) {
        self.store = store
        self.catalog = catalog
        self.clock = clock
        self.makeSeed = makeSeed
    }

    // MARK: Who is sitting

    /// Checks a 工号 against the roster. Returns the member, or nil when no
    /// roster has been imported (any 工号 is then accepted; show a notice).
    public func identify(staffID: String) throws -> StaffMember? {
        let trimmed = staffID.trimmingBlanks()
        if let member = try store.staffMember(trimmed) {
            guard member.isActive else { throw AttemptError.inactiveStaff(staffID: trimmed, name: member.name) }
            return member
        }
        if try store.hasRoster() { throw AttemptError.unknownStaff(staffID: trimmed) }
        return nil
    }

    // MARK: Starting and resuming

    /// Takes up the person's attempt in progress, or starts a new one.
    ///
    /// - An attempt in progress is resumed at its first unanswered question;
    ///   if its deadline has passed it is submitted now (`.expired`).
    /// - A new attempt needs the exam open (`opens_at`/`closes_at`), the
    ///   person on the roster when one has been imported (see `identify`) and
    ///   an attempt left (`attempts_allowed`); its paper is drawn from a fresh
    ///   seed and stored with the deadline before anything is shown.
    /// - `lease`: a new attempt is taken for this terminal in the commit that
    ///   creates it (its session carries the token); one resumed still needs `claim`.
    public func begin(exam: ExamDefinition, staffID: String, lease: SessionLease? = nil) throws -> AttemptOpening {
        let now = clock.now
        if let open = try store.attempts(examID: exam.id, staffID: staffID).last(where: { $0.status == .inProgress }) {
            return try resume(open, exam: exam, now: now, lease: lease)
        }
        do {
            try ExamTiming.checkWindow(exam, now: now)
        } catch ExamWindowError.closed(let title, let closedAt) {
            if let shown = try expiredResult(exam: exam, staffID: staffID) { return shown }
            throw ExamWindowError.closed(title: title, closedAt: closedAt)
        }
        _ = try identify(staffID: staffID)
        let seed = makeSeed()
        let paper = try PaperDrawer(catalog: catalog).draw(exam, seed: seed)
        let keys = try paper.items.map { item in
            guard let question = catalog.question(item.questionID) else { throw AttemptError.questionMissing(questionID: item.questionID) }
            return question.answer
        }
        let attemptID: Int64
        do {
            attemptID = try store.insertAttempt(
                exam: exam, staffID: staffID, paper: paper, keys: keys, startedAt: now,
                deadline: ExamTiming.deadline(for: exam, startedAt: now), lease: lease
            ) { used in
                if used >= exam.attemptsAllowed {
                    throw AttemptError.noAttemptsLeft(exam: exam.title, used: used, allowed: exam.attemptsAllowed)
                }
            }
        } catch AttemptError.noAttemptsLeft(let title, let used, let allowed) {
            if let shown = try expiredResult(exam: exam, staffID: staffID) { return shown }
            throw AttemptError.noAttemptsLeft(exam: title, used: used, allowed: allowed)
        } catch AttemptError.alreadyInProgress(let openID) {
            // Another process started it a moment ago: take that one up.
            guard let open = try store.attempt(openID) else { throw AttemptError.attemptNotFound(attemptID: openID) }
            return try resume(open, exam: exam, now: now, lease: lease)
        }
        return try started(attemptID: attemptID, exam: exam, lease: lease)
    }

    /// An open attempt found by `begin`. One that `lease` already holds was
    /// created by this very call's earlier try, whose commit went through
    /// but whose reply was lost (`BusyRetry` then tried again): it is shown
    /// as the new attempt it is, with its lease, not as one to take over.
    private func resume(_ attempt: AttemptRecord, exam: ExamDefinition, now: Date, lease: SessionLease?) throws -> AttemptOpening {
        if ExamTiming.hasExpired(attempt.deadline, now: now) {
            return .expired(try submit(attemptID: attempt.id, exam: exam, reason: .expired))
        }
        if let lease, try store.lease(attemptID: attempt.id)?.token == lease.token {
            return try started(attemptID: attempt.id, exam: exam, lease: lease)
        }
        return .session(try session(attemptID: attempt.id, exam: exam, resumed: true))
    }

    private func started(attemptID: Int64, exam: ExamDefinition, lease: SessionLease?) throws -> AttemptOpening {
        var started = try session(attemptID: attemptID, exam: exam, resumed: false)
        started.leaseToken = lease?.token
        return .session(started)
    }

    /// The result of the person's latest attempt when it was submitted for
    /// them after its deadline: someone who never came back is shown what was
    /// recorded rather than "不能再次参加" when no new attempt is possible.
    private func expiredResult(exam: ExamDefinition, staffID: String) throws -> AttemptOpening? {
        guard let last = try store.attempts(examID: exam.id, staffID: staffID).last,
            last.status == .submitted, last.submitReason == .expired
        else { return nil }
        return .expired(try result(attemptID: last.id, exam: exam))
    }

    /// Loads an attempt with its paper, questions and saved answers
    /// (`resumed` false: one this process just created, which has none).
    public func session(attemptID: Int64, exam: ExamDefinition, resumed: Bool = true) throws -> ExamSession {
        guard let attempt = try store.attempt(attemptID) else { throw AttemptError.attemptNotFound(attemptID: attemptID) }
        guard attempt.examID == exam.id else { throw AttemptError.examMismatch(attemptExam: attempt.examID, given: exam.id) }
        // A new attempt has no answers yet (its lease is this process's): not
        // read, so a start makes no `[Int: SavedResponse]` (the runtime's first
        // use of that type scans the program's conformances, README "Launch").
        let responses = resumed ? try store.responses(attemptID: attemptID) : [:]
        let items = try store.paperItems(attemptID: attemptID).map { stored in
            guard let question = catalog.question(stored.item.questionID) else {
                throw AttemptError.questionMissing(questionID: stored.item.questionID)
            }
            let saved = responses[stored.item.index]
            return SessionItem(
                item: stored.item, question: question, answer: saved?.answer, marked: saved?.marked ?? false,
                questionChanged: question.contentHash != stored.item.contentHash)
        }
        return ExamSession(
            attempt: attempt, exam: exam, items: items, resumed: resumed,
            definitionChanged: attempt.definitionHash != exam.definitionHash)
    }

    // MARK: One live session

    /// Takes the attempt for this terminal. Returns the session with its
    /// lease token, or throws `openElsewhere` naming the live holder unless
    /// `takeOver` is set (the other terminal then fails its next write).
    /// `lease` is the caller's for the whole sitting: a retry after a lost
    /// reply then finds its own lease on the attempt instead of a stranger's.
    public func claim(_ session: ExamSession, takeOver: Bool, lease given: SessionLease? = nil) throws -> ExamSession {
        let lease = given ?? SessionLease.forThisProcess(at: clock.now)
        switch try store.acquireLease(attemptID: session.attempt.id, lease, takeOver: takeOver, now: clock.now) {
        case .acquired:
            var claimed = session
            claimed.leaseToken = lease.token
            return claimed
        case .heldElsewhere(let holder):
            throw AttemptError.openElsewhere(since: holder.since, tty: holder.tty, host: holder.host)
        }
    }

    // MARK: Answering

    /// Saves one answer (bank letters; nil clears it), committed before
    /// returning. Throws `deadlinePassed` once the commit time is past the
    /// deadline plus `commitGrace` — the caller then submits —,
    /// `alreadySubmitted` after submission, and `sessionTakenOver` when
    /// `lease` (the session's token) no longer holds the attempt.
    public func recordAnswer(_ answer: AnswerKey?, attemptID: Int64, itemIndex: Int, lease: String? = nil) throws {
        try check(
            store.saveResponse(
                attemptID: attemptID, itemIndex: itemIndex, answer: answer, at: clock.now, grace: Self.commitGrace, lease: lease),
            attemptID, itemIndex)
    }

    /// Sets or clears the 标记 (marked for review) flag of one question.
    public func setMarked(_ marked: Bool, attemptID: Int64, itemIndex: Int, lease: String? = nil) throws {
        try check(
            store.saveMark(attemptID: attemptID, itemIndex: itemIndex, marked: marked, at: clock.now, grace: Self.commitGrace, lease: lease),
            attemptID, itemIndex)
    }

    private func check(_ outcome: ResponseWrite, _ attemptID: Int64, _ itemIndex: Int) throws {
        switch outcome {
        case .saved: return
        case .attemptNotFound: throw AttemptError.attemptNotFound(attemptID: attemptID)
        case .submitted: throw AttemptError.alreadySubmitted(attemptID: attemptID)
        case .expired: throw AttemptError.deadlinePassed(attemptID: attemptID)
        case .noSuchItem(let count): throw AttemptError.noSuchItem(index: itemIndex, count: count)
        case .leaseLost: throw AttemptError.sessionTakenOver(attemptID: attemptID)
        }
    }

    // MARK: Submitting and results

    /// Grades the saved answers against the keys frozen with the paper and
    /// stores score, 合格 and 优秀. Submitting twice (or from two processes)
    /// stores the first grade and returns it.
    public func submit(attemptID: Int64, exam: ExamDefinition, reason: SubmitReason, lease: String? = nil) throws -> AttemptResult {
        guard let attempt = try store.attempt(attemptID) else { throw AttemptError.attemptNotFound(attemptID: attemptID) }
        guard attempt.examID == exam.id else { throw AttemptError.examMismatch(attemptExam: attempt.examID, given: exam.id) }
        if attempt.status == .submitted { return try result(attemptID: attemptID, exam: exam) }
        let grade = try grade(attemptID: attemptID, exam: exam)
        // Never record a submission time after the deadline, nor before the
        // start (a wall clock moved back).
        let time = max(attempt.startedAt, min(clock.now, attempt.deadline))
        // The memory model learns from every submitted answer (issue 13), in the same commit.
        _ = try store.saveSubmission(attemptID: attemptID, grade: grade, reason: reason, at: time, lease: lease)
        return try result(attemptID: attemptID, exam: exam)
    }

    /// The graded result of an attempt with its review. For a submitted
    /// attempt the stored score and 合格/优秀 are reported as stored.
    public func result(attemptID: Int64, exam: ExamDefinition) throws -> AttemptResult {
        guard let attempt = try store.attempt(attemptID) else { throw AttemptError.attemptNotFound(attemptID: attemptID) }
        guard attempt.examID == exam.id else { throw AttemptError.examMismatch(attemptExam: attempt.examID, given: exam.id) }
        var grade = try grade(attemptID: attemptID, exam: exam)
        if let score = attempt.score, let passed = attempt.passed, let excellent = attempt.excellent {
            grade.score = score
            grade.passed = passed
            grade.excellent = excellent
            grade.fullMarks = attempt.fullMarks
        }
        let review = grade.items.map { graded in
            ReviewItem(
                number: graded.item.index + 1, graded: graded, question: catalog.question(graded.item.questionID),
                givenDisplay: graded.given.map(graded.item.displayText(of:)), rightDisplay: graded.item.displayText(of: graded.key))
        }
        return AttemptResult(attempt: attempt, exam: exam, grade: grade, review: review, timeUsed: attempt.timeUsed(now: clock.now))
    }

    private func grade(attemptID: Int64, exam: ExamDefinition) throws -> ExamGrade {
        try store.grade(attemptID: attemptID, exam: exam)
    }

    /// A person's attempts at every exam, oldest first.
    public func history(staffID: String) throws -> [AttemptRecord] {
        try store.attempts(staffID: staffID)
    }

    /// The attempt as it will be recorded: one still in progress after its
    /// deadline is shown submitted at the deadline and graded on its saved
    /// answers — computed, not written, so listing never changes anyone's
    /// attempt (its owner's next `exam take` stores exactly this). Attempts of
    /// exams no longer defined are returned as they are.
    public func asRecorded(_ attempt: AttemptRecord, exams: ExamCatalog) throws -> AttemptRecord {
        guard attempt.status == .inProgress, ExamTiming.hasExpired(attempt.deadline, now: clock.now),
            let exam = exams.definitions.first(where: { $0.id == attempt.examID })
        else { return attempt }
        let grade = try store.grade(attemptID: attempt.id, exam: exam)
        var recorded = attempt
        recorded.status = .submitted
        recorded.submittedAt = attempt.deadline
        recorded.submitReason = .expired
        recorded.score = grade.score
        recorded.passed = grade.passed
        recorded.excellent = grade.excellent
        return recorded
    }
}
