import Foundation
import LawQuizCore
import LawQuizStore

/// `practice` from start to end, shared by the subcommand and the menu:
/// identify the person (the 错题本 is theirs), draw the questions or the open
/// 错题本 entries, run the loop.
public struct PracticeFlow {
    let service: PracticeService
    let identification: StaffIdentification
    let reader: LineReader
    let output: TextOutput
    let style: TerminalStyle

    public init(
        service: PracticeService, attempts: AttemptService, reader: LineReader, output: TextOutput, style: TerminalStyle,
        pin: PINPrompt? = nil
    ) {
        self.service = service
        identification = StaffIdentification(service: attempts, reader: reader, output: output, style: style, pin: pin)
        self.reader = reader
        self.output = output
        self.style = style
    }

    /// Runs practice with `filter`, the 错题本 drill when `wrongBook` is set,
    /// or 今日练习 (due questions, then new ones) when `daily` is given.
    public func run(
        filter: PracticeFilter, wrongBook: Bool, staffID given: String?, daily: DailyBudget? = nil
    ) throws -> PracticeSummary {
        let staffID = try identification.identify(given: given)
        let items: [PracticeItem]
        if let daily {
            do {
                items = try service.drawDue(staffID: staffID, budget: daily, filter: filter)
            } catch let error as PracticeError {
                // Nothing due and nothing new is a good day's news, not a failure.
                guard case .nothingDue = error else { throw error }
                output.wrappedLine(error.errorDescription ?? "")
                return PracticeSummary()
            }
        } else {
            items = try wrongBook ? service.wrongBookDrill(staffID: staffID) : service.draw(filter)
        }
        if daily != nil {
            output.wrappedLine("今日练习：\(items.count) 道题，先复习到期的题，再学新题；答后显示多少天后再练。", style: style.bold)
        } else if wrongBook {
            output.wrappedLine("错题本巩固：\(items.count) 道题，每道连续答对 \(ResultsStore.wrongBookClearStreak) 次即移出错题本。", style: style.bold)
        } else {
            output.wrappedLine("练习：\(items.count) 道题，答后即显示对错、解析和法条。", style: style.bold)
        }
        return try PracticeSessionLoop(
            items: items, drill: wrongBook, service: service, staffID: staffID, reader: reader, output: output, style: style
        ).run()
    }
}
