import Foundation
import LawQuizCore

/// The daily budget of `practice --due`.
public struct DailyBudget: Sendable, Hashable {
    /// Reviews of questions due today, most overdue first.
    public var due: Int
    /// Questions never answered, in the order of the law (so chapters fill up one by one).
    public var new: Int

    public static let standard = DailyBudget(due: 20, new: 5)

    public init(due: Int, new: Int) {
        self.due = due
        self.new = new
    }
}

extension PracticeService {
    /// 今日练习: the person's questions due by the end of today (matching
    /// `filter`, `filter.count` ignored) up to `budget.due`, then up to
    /// `budget.new` questions never answered. Throws `nothingDue` when both are empty.
    public func drawDue(staffID: String, budget: DailyBudget, filter: PracticeFilter = PracticeFilter()) throws -> [PracticeItem] {
        for count in [budget.due, budget.new] where !(0...500).contains(count) { throw PracticeError.badBudget(count) }
        let pool = try matching(filter)
        guard !pool.isEmpty else { throw PracticeError.noQuestions }
        let eligible = Set(pool.map(\.id))
        let states = try store.memoryStates(staffID: staffID)
        let seen = Set(states.map(\.questionID))
        let endOfToday = calendar.startOfDay(clock.now, plus: 1)
        let due = states.filter { $0.dueAt < endOfToday && eligible.contains($0.questionID) }.prefix(budget.due)
            .compactMap { catalog.question($0.questionID) }
        let new = pool.filter { !seen.contains($0.id) }
            .sorted { ($0.lawID, $0.article, $0.id) < ($1.lawID, $1.article, $1.id) }.prefix(budget.new)
        guard !due.isEmpty || !new.isEmpty else {
            throw PracticeError.nothingDue(nextDue: states.first { eligible.contains($0.questionID) }?.dueAt)
        }
        var generator = SeededGenerator(seed: makeSeed())
        return (due + new).map { item(for: $0, fromWrongBook: false, generator: &generator) }
    }
}
