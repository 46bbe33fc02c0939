import Foundation
import LawQuizCore
import LawQuizStore

/// How a sitting ended.
public enum ExamSessionOutcome: Sendable {
    /// Submitted (by the person or at the deadline); the result was shown.
    case submitted(AttemptResult)
    /// Left with every answer saved; running `exam take` again resumes.
    case left(LeaveReason)
}

/// Why the person left an attempt in progress.
public enum LeaveReason: Sendable, Equatable {
    case quit
    case endOfInput
    case hangUp
    /// Another terminal took the attempt over (`--take-over`).
    case takenOver
}

/// The exam loop: shows a question, reads a line, and acts on it. Every
/// answer is committed through `AttemptService` before the next question is
/// shown, and the deadline (stored with the attempt) ends the sitting even
/// while the person is idle at the prompt. Holds no exam rules of its own.
public final class ExamSessionLoop {
    var session: ExamSession
    let service: AttemptService
    let library: LawLibrary
    let reader: LineReader
    let output: TextOutput
    let clock: WallClock
    let style: TerminalStyle
    /// Whether the resume hint names `--staff` (not when the login decides
    /// who sits: an installed program refuses it to examinees).
    public var hintStaffOption = true
    let retry: BusyRetry
    /// Renews the lease while the person sits idle at the prompt.
    let heartbeat: LeaseHeartbeat?
    /// 0-based index of the question on screen.
    var index: Int

    public init(
        session: ExamSession, service: AttemptService, library: LawLibrary, reader: LineReader, output: TextOutput,
        clock: WallClock, style: TerminalStyle, retry: BusyRetry = BusyRetry()
    ) {
        self.session = session
        self.service = service
        self.library = library
        self.reader = reader
        self.output = output
        self.clock = clock
        self.style = style
        self.retry = retry
        heartbeat = session.leaseToken.map { LeaseHeartbeat(store: service.store, attemptID: session.attempt.id, token: $0, clock: clock) }
        index = session.startIndex
    }

    var deadline: Date { session.attempt.deadline }
    var count: Int { session.items.count }

    /// Runs until the attempt is submitted or left. Store failures propagate;
    /// whatever was saved before them stays saved.
    public func run() throws -> ExamSessionOutcome {
        if session.resumed {
            output.wrappedLine("继续作答：已答 \(session.answeredCount)/\(count) 题，从第 \(index + 1) 题开始。计时未停止。", style: style.accent)
        }
        var showCard = true
        while true {
            if showCard { output.write("\n" + card(at: index)) }
            let step = try handle(reader.readLine(answerRequest()))
            switch step {
            case .show: showCard = true
            case .stay: showCard = false
            case .finish(let outcome): return outcome
            }
        }
    }

    /// What the loop does after one line.
    enum Step {
        case show
        case stay
        case finish(ExamSessionOutcome)
    }

    private func handle(_ result: LineReadResult) throws -> Step {
        switch result {
        case .line(let text): return try handle(SessionInput(text))
        case .deadlineReached: return .finish(try submit(reason: .timeUp))
        case .endOfInput: return .finish(leave(.endOfInput))
        case .hangUp: return .finish(leave(.hangUp))
        case .interrupted:
            switch confirm("确定要离开吗？已作答的答案都已保存，稍后可继续作答。输入 y 离开，其他键继续：") {
            case .yes: return .finish(leave(.quit))
            case .no: return .show
            case .ended(let outcome): return .finish(try outcome())
            }
        }
    }

    private func handle(_ input: SessionInput) throws -> Step {
        switch input {
        case .empty: return try moveForward()
        case .answer(let text): return try answer(text)
        case .badCommand(let hint):
            output.wrappedLine(hint, style: style.warning)
            return .stay
        case .command(let command): return try perform(command)
        }
    }

    private func perform(_ command: SessionCommand) throws -> Step {
        switch command {
        case .next: return try moveForward()
        case .previous:
            guard index > 0 else {
                output.line(style.warning("已经是第一题。"))
                return .stay
            }
            index -= 1
            return .show
        case .go(let number):
            guard (1...count).contains(number) else {
                output.wrappedLine("没有第 \(number) 题，请输入 1 到 \(count) 之间的题号。", style: style.warning)
                return .stay
            }
            index = number - 1
            return .show
        case .mark: return try toggleMark()
        case .list:
            output.write(answerMap().render(width: output.width, style: style))
            return .stay
        case .submit: return try confirmSubmit(prefix: nil)
        case .quit: return .finish(leave(.quit))
        case .help:
            output.wrappedLine(HelpScreen.exam)
            return .stay
        case .article:
            output.line(style.warning("考试中不能查看法条；:h 查看考试命令。"))
            return .stay
        }
    }

    /// Parses and saves an answer, then moves on. The save is committed
    /// before anything else is shown.
    private func answer(_ text: String) throws -> Step {
        let item = session.items[index]
        let key: AnswerKey
        do {
            key = try item.parse(text)
        } catch {
            output.wrappedLine((error.errorDescription ?? "无法识别的答案") + "（:h 查看帮助）", style: style.warning)
            return .stay
        }
        do {
            try saving { try service.recordAnswer(key, attemptID: session.attempt.id, itemIndex: index, lease: session.leaseToken) }
        } catch AttemptError.deadlinePassed {
            return .finish(try submit(reason: .timeUp))
        } catch AttemptError.sessionTakenOver {
            return .finish(takenOver())
        }
        session.items[index].answer = key
        return try moveForward()
    }

    private func toggleMark() throws -> Step {
        let marked = !session.items[index].marked
        do {
            try saving { try service.setMarked(marked, attemptID: session.attempt.id, itemIndex: index, lease: session.leaseToken) }
        } catch AttemptError.deadlinePassed {
            return .finish(try submit(reason: .timeUp))
        } catch AttemptError.sessionTakenOver {
            return .finish(takenOver())
        }
        session.items[index].marked = marked
        output.line(marked ? "已标记第 \(index + 1) 题，交卷前可用 :l 查看。" : "已取消第 \(index + 1) 题的标记。")
        return .stay
    }

    /// Next question; after the last one, the map and the question whether to submit.
    private func moveForward() throws -> Step {
        if index + 1 < count {
            index += 1
            return .show
        }
        output.write("\n" + answerMap().render(width: output.width, style: style))
        return try confirmSubmit(prefix: "已是最后一题。")
    }

    private func confirmSubmit(prefix: String?) throws -> Step {
        let unanswered = session.unansweredCount
        var question = prefix ?? ""
        question += unanswered == 0 ? "全部 \(count) 题均已作答。" : "还有 \(unanswered) 题未作答（未答不得分）。"
        question += "确定交卷吗？输入 y 交卷，其他键返回继续作答："
        switch confirm(question) {
        case .yes: return .finish(try submit(reason: .byPerson))
        case .ended(let outcome): return .finish(try outcome())
        case .no:
            if let first = session.firstUnansweredIndex { index = first }
            output.line("继续作答。")
            return .show
        }
    }

    enum ConfirmResult {
        case yes
        case no
        /// The deadline, end of input or a hang-up came while asking.
        case ended(() throws -> ExamSessionOutcome)
    }

    /// Asks a yes/no question under the same deadline as the answers.
    private func confirm(_ question: String) -> ConfirmResult {
        let request = LineRequest(prompt: { [style] _ in style.prompt(question, "1;33") }, deadline: deadline)
        switch reader.readLine(request) {
        case .line(let text): return Confirmation.isYes(text) ? .yes : .no
        case .interrupted: return .no
        case .deadlineReached: return .ended { try self.submit(reason: .timeUp) }
        case .endOfInput: return .ended { self.leave(.endOfInput) }
        case .hangUp: return .ended { self.leave(.hangUp) }
        }
    }
}
