import Foundation
import LawQuizCore
import LawQuizStore

/// `exam take` from start to end, shared by the subcommand and the menu:
/// identify the person, start or resume the attempt (or submit an expired
/// one), show the rules, run the loop.
public struct ExamTakeFlow {
    let exam: ExamDefinition
    let service: AttemptService
    let library: LawLibrary
    let reader: LineReader
    let output: TextOutput
    let clock: WallClock
    let style: TerminalStyle
    /// Passed on to the session loop's resume hint (see `ExamSessionLoop`).
    public var hintStaffOption = true

    public init(
        exam: ExamDefinition, service: AttemptService, reader: LineReader, output: TextOutput, clock: WallClock,
        style: TerminalStyle
    ) {
        self.exam = exam
        self.service = service
        library = service.catalog.library
        self.reader = reader
        self.output = output
        self.clock = clock
        self.style = style
    }

    /// Runs the sitting. The outcome tells the caller which exit status to
    /// use. `proctor`: the login of an administrator starting it for someone
    /// else, recorded on a new attempt; `pin`: a shared console's PIN step.
    /// When another terminal has the attempt open, `takeOver` takes it at
    /// once, `wait` waits until it is free; otherwise a person at a terminal
    /// is asked, and a script gets `AttemptError.openElsewhere`.
    public func run(
        staffID given: String?, proctor: String? = nil, pin: PINPrompt? = nil, takeOver: Bool = false, wait: Bool = false
    ) throws -> ExamSessionOutcome {
        let staffID = try StaffIdentification(service: service, reader: reader, output: output, style: style, pin: pin)
            .identify(given: given)
        let waiting = { (reason: BusyRetry.Reason) in
            output.line(style.dim(reason == .locked ? "数据库正被其他程序占用，等待中…" : "暂时连不上数据库服务器，等待中…"))
        }
        let lease = SessionLease.forThisProcess(at: clock.now)
        let opening = try BusyRetry().run(waiting: waiting, { try service.begin(exam: exam, staffID: staffID, lease: lease) })
        if let proctor, case .session(let session) = opening, !session.resumed {
            try service.store.recordProctor(attemptID: session.attempt.id, login: proctor)
        }
        switch opening {
        case .expired(let result):
            output.wrappedLine("上次作答已超过截止时间（\(ExamTimeFormat.format(result.attempt.deadline))），已按保存的答案交卷。", style: style.warning)
            ExamResultPresenter(library: library, output: output, style: style).show(result, showKeys: exam.showsKeys(now: clock.now))
            return .submitted(result)
        case .session(let opened):
            // A new attempt was taken for this terminal as it was created.
            let session = opened.leaseToken != nil ? opened : try BusyRetry().run(waiting: waiting, { try claim(opened, lease: lease, takeOver: takeOver, wait: wait) })
            if session.resumed {
                output.wrappedLine(BankText.clean(exam.title) + "（继续作答，截止 \(ExamTimeFormat.format(session.attempt.deadline))）", style: style.bold)
            } else {
                let attemptNumber = try service.history(staffID: staffID).filter { $0.examID == exam.id }.count
                output.write(
                    RulesScreen(exam: exam, library: library, deadline: session.attempt.deadline, attemptNumber: attemptNumber)
                        .render(width: output.width, style: style))
            }
            if session.definitionChanged {
                output.wrappedLine("（注：考试定义在开考后有改动，本次作答仍按开考时的试卷和分值。）", style: style.dim)
            }
            let loop = ExamSessionLoop(
                session: session, service: service, library: library, reader: reader, output: output, clock: clock,
                style: style)
            loop.hintStaffOption = hintStaffOption
            return try loop.run()
        }
    }

    /// Takes the attempt's lease, asking, waiting or taking over as told.
    private func claim(_ session: ExamSession, lease: SessionLease, takeOver: Bool, wait: Bool) throws -> ExamSession {
        var waiting = wait
        var told = false
        while true {
            do {
                return try service.claim(session, takeOver: takeOver, lease: lease)
            } catch let error as AttemptError {
                guard case .openElsewhere = error, waiting || reader.isInteractive else { throw error }
                if !told {
                    output.line(style.warning(error.errorDescription ?? ""))
                    told = true
                }
                if waiting {
                    try pause()
                    continue
                }
                let question = "输入 w 等待该终端离开，t 接管（该终端随即不能再作答），其他键退出："
                guard case .line(let text) = reader.readLine(.fixed(style.prompt(question, "1;33"))) else { throw error }
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "w":
                    waiting = true
                    output.line("等待中，该终端离开后自动开始（Ctrl-C 退出）…")
                case "t":
                    output.line("已接管。")
                    return try service.claim(session, takeOver: true, lease: lease)
                default:
                    throw error
                }
            }
        }
    }

    /// Two seconds between polls; on a terminal Ctrl-C ends the wait.
    private func pause() throws {
        guard reader.isInteractive else {
            Thread.sleep(forTimeInterval: 2)
            return
        }
        let request = LineRequest(prompt: { _ in "" }, deadline: clock.now.addingTimeInterval(2))
        switch reader.readLine(request) {
        case .deadlineReached, .line: return
        case .interrupted, .endOfInput, .hangUp: throw ExamTakeFlowStop.gaveUpWaiting
        }
    }
}

/// The person stopped waiting for another terminal (Ctrl-C).
public enum ExamTakeFlowStop: LocalizedError, Sendable {
    case gaveUpWaiting

    public var errorDescription: String? { "已停止等待，未开始作答。" }
}
