import Foundation
import LawQuizCore
import LawQuizStore

extension ExamSessionLoop {
    /// The card of the question at `position`, with its saved answer and mark.
    func card(at position: Int) -> String {
        let item = session.items[position]
        let lawName = library.law(named: item.item.lawID)?.shortName ?? item.item.lawID
        var text = QuestionCard(
            number: position + 1, total: count, question: item.question, optionOrder: item.item.optionOrder,
            points: item.item.points, lawName: lawName, savedAnswer: item.answerDisplay, marked: item.marked
        ).render(width: output.width, style: style)
        if item.questionChanged {
            text += style.dim("（注：本题在开考后被修改过，评分以开考时的答案为准。）") + "\n"
        }
        return text
    }

    /// The answer prompt: progress and the time left, refreshed every tick.
    func answerRequest() -> LineRequest {
        let number = index + 1
        let total = count
        let answered = session.answeredCount
        let deadline = deadline
        let style = style
        return LineRequest(
            prompt: { now in
                let left = ExamTiming.secondsLeft(until: deadline, now: now)
                let clock = ExamTiming.formatCountdown(seconds: left)
                let timeText = left <= 300 ? style.prompt("剩余 \(clock)", "1;31") : "剩余 \(clock)"
                return style.prompt("[\(number)/\(total) 已答 \(answered)] ") + timeText + style.prompt(" 答案> ")
            },
            deadline: deadline,
            remember: { $0.hasPrefix(":") }, completions: CommandCompletion.examCommands, tick: heartbeat?.tick)
    }

    func answerMap() -> AnswerMap {
        AnswerMap(
            entries: session.items.map { AnswerMap.Entry(type: $0.item.type, answer: $0.answerDisplay, marked: $0.marked) },
            current: index)
    }

    /// Submits, shows the result and the review of wrong answers.
    func submit(reason: SubmitReason) throws -> ExamSessionOutcome {
        if reason == .timeUp { output.line("\n" + style.warning("考试时间到，已按已保存的答案自动交卷。")) }
        let result: AttemptResult
        do {
            result = try saving { try service.submit(attemptID: session.attempt.id, exam: session.exam, reason: reason, lease: session.leaseToken) }
        } catch AttemptError.sessionTakenOver {
            return takenOver()
        }
        releaseLease()
        ExamResultPresenter(library: library, output: output, style: style)
            .show(result, showKeys: session.exam.showsKeys(now: clock.now))
        return .submitted(result)
    }

    /// Runs a write through `BusyRetry`, saying 正在保存… while another
    /// process holds the store.
    func saving<T>(_ body: () throws -> T) throws -> T {
        try retry.run(waiting: { output.line(style.dim(BusyRetry.savingNotice($0))) }, body)
    }

    /// Another terminal took the attempt: stop before writing anything.
    func takenOver() -> ExamSessionOutcome {
        output.line("\n" + style.warning(AttemptError.sessionTakenOver(attemptID: session.attempt.id).errorDescription ?? ""))
        return .left(.takenOver)
    }

    /// Gives the attempt up for another terminal; a failure only leaves a
    /// lease that goes stale by itself.
    func releaseLease() {
        if let token = session.leaseToken { try? service.store.releaseLease(attemptID: session.attempt.id, token: token) }
    }

    /// Leaves the attempt in progress; everything is already saved.
    func leave(_ reason: LeaveReason) -> ExamSessionOutcome {
        releaseLease()
        let left = ExamTiming.formatCountdown(seconds: ExamTiming.secondsLeft(until: deadline, now: clock.now))
        let why: String
        switch reason {
        case .quit: why = "已保存并离开。"
        case .endOfInput: why = "输入结束，已保存并离开。"
        case .hangUp: why = "终端已关闭，已保存并离开。"
        case .takenOver: return takenOver()
        }
        output.line(
            "\(why)已答 \(session.answeredCount)/\(count) 题。再次运行 lawquiz exam take \(session.exam.id)"
                + (hintStaffOption ? " --staff \(session.attempt.staffID)" : "") + " 继续作答；"
                + "计时不停，剩余 \(left)，截止 \(ExamTimeFormat.format(deadline))。")
        return .left(reason)
    }
}

/// Shows a graded attempt: the result screen, then the review of every
/// question not fully right.
public struct ExamResultPresenter {
    let library: LawLibrary
    let output: TextOutput
    let style: TerminalStyle

    public init(library: LawLibrary, output: TextOutput, style: TerminalStyle) {
        self.library = library
        self.output = output
        self.style = style
    }

    /// The score always; the keys and 解析 only when `showKeys` (the exam's
    /// review policy at this moment), else when they will be shown.
    public func show(_ result: AttemptResult, showKeys: Bool = true) {
        output.line()
        output.write(ResultScreen(result: result, library: library).render(width: output.width, style: style))
        output.line()
        guard showKeys else {
            output.line(style.dim(Self.keysWithheldNotice(result.exam)))
            return
        }
        output.write(WrongAnswerReview(items: result.wrongItems, library: library).render(width: output.width, style: style))
    }

    /// Why no review is shown, and when it will be.
    static func keysWithheldNotice(_ exam: ExamDefinition) -> String {
        if let closesAt = exam.closesAt, exam.reviewPolicy != .never {
            return "答案与解析将在考试截止（\(ExamTimeFormat.format(closesAt))）后开放查看，以免影响尚未参加考试的同事。"
        }
        return "本考试不公布答案与解析。"
    }
}
