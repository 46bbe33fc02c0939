import Foundation
import LawQuizCore
import LawQuizStore

/// What a practice run amounted to.
public struct PracticeSummary: Sendable, Equatable {
    public var answered = 0
    public var right = 0
    public var skipped = 0
    /// Questions cleared from the 错题本 in this run.
    public var cleared = 0
    /// Open 错题本 entries afterwards.
    public var wrongBookOpen = 0
    /// The person left early (:q, Ctrl-C confirmed, end of input, hang-up).
    public var leftEarly = false

    public init(answered: Int = 0, right: Int = 0, skipped: Int = 0, cleared: Int = 0, wrongBookOpen: Int = 0, leftEarly: Bool = false) {
        self.answered = answered
        self.right = right
        self.skipped = skipped
        self.cleared = cleared
        self.wrongBookOpen = wrongBookOpen
        self.leftEarly = leftEarly
    }
}

/// Practice: a question, an answer, immediate feedback (right or wrong, the
/// right answer, 解析 and the article text). Each answer is stored through
/// `PracticeService` (which keeps the 错题本) before the feedback is shown.
/// In a 错题本 drill a question comes back until answered right twice in a row.
/// Nothing here is an exam attempt, so practice never reaches exam statistics.
public final class PracticeSessionLoop {
    let service: PracticeService
    let staffID: String
    let reader: LineReader
    let output: TextOutput
    let style: TerminalStyle
    let drill: Bool
    var queue: [PracticeItem]
    var summary = PracticeSummary()
    /// The last question answered wrongly, for `:a`.
    var lastWrong: PracticeItem?

    public init(
        items: [PracticeItem], drill: Bool, service: PracticeService, staffID: String, reader: LineReader,
        output: TextOutput, style: TerminalStyle
    ) {
        queue = items
        self.drill = drill
        self.service = service
        self.staffID = staffID
        self.reader = reader
        self.output = output
        self.style = style
    }

    var library: LawLibrary { service.catalog.library }

    public func run() throws -> PracticeSummary {
        output.wrappedLine(HelpScreen.practice, style: style.dim)
        var shown = 0
        while !queue.isEmpty {
            let item = queue.removeFirst()
            shown += 1
            guard try ask(item, number: shown) else {
                summary.leftEarly = true
                break
            }
        }
        summary.wrongBookOpen = try service.store.wrongBook(staffID: staffID).count
        output.line()
        output.wrappedLine(summaryText(), style: style.bold)
        return summary
    }

    /// Shows one question until it is answered or skipped; false to stop.
    private func ask(_ item: PracticeItem, number: Int) throws -> Bool {
        let total = number + queue.count
        let lawName = library.law(named: item.question.lawID)?.shortName ?? item.question.lawID
        var card = QuestionCard(
            number: number, total: total, question: item.question, optionOrder: item.optionOrder, points: nil,
            lawName: lawName)
        if drill { card.numberText = "错题本 · 第 \(number) 题" }
        output.write("\n" + card.render(width: output.width, style: style))
        let shownAt = service.clock.now
        while true {
            let prompt = style.prompt(drill ? "[巩固 还剩 \(remainingInDrill(after: item)) 道] 答案> " : "[练习 \(number)/\(total)] 答案> ")
            switch reader.readLine(practiceRequest(prompt)) {
            case .endOfInput, .hangUp: return false
            case .deadlineReached: continue
            case .interrupted:
                guard case .line(let text) = reader.readLine(.fixed(style.prompt("结束练习吗？输入 y 结束，其他键继续：", "1;33"))),
                    !Confirmation.isYes(text)
                else { return false }
            case .line(let text):
                switch SessionInput(text) {
                case .empty, .command(.next):
                    summary.skipped += 1
                    return true
                case .command(.quit): return false
                case .command(.help): output.wrappedLine(HelpScreen.practice)
                case .command(.article): showStudyLink()
                case .command: output.wrappedLine("练习中可用 :n 跳过、:a 阅读条文、:q 结束、:h 帮助。", style: style.warning)
                case .badCommand(let hint): output.wrappedLine(hint, style: style.warning)
                case .answer(let answer):
                    if try answered(answer, item: item, seconds: service.clock.now.timeIntervalSince(shownAt)) { return true }
                }
            }
        }
    }

    /// Distinct questions still to clear, counting the one on screen.
    private func remainingInDrill(after item: PracticeItem) -> Int {
        Set(queue.map(\.question.id) + [item.question.id]).count
    }

    /// Records an answer and shows the feedback; false when the input was not an answer.
    private func answered(_ text: String, item: PracticeItem, seconds: TimeInterval) throws -> Bool {
        let key: AnswerKey
        do {
            key = try item.parse(text)
        } catch {
            output.wrappedLine(error.errorDescription ?? "无法识别的答案", style: style.warning)
            return false
        }
        let outcome = try service.record(key, for: item, staffID: staffID, answerSeconds: seconds)
        summary.answered += 1
        if outcome.correct { summary.right += 1 }
        if outcome.clearedFromWrongBook { summary.cleared += 1 }
        lastWrong = outcome.correct ? nil : item
        output.write(feedback(outcome, item: item, more: !queue.isEmpty))
        if drill, let entry = outcome.wrongBookEntry, entry.clearedAt == nil { queue.append(item) }
        return true
    }
}
