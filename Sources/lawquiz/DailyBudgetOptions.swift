import ArgumentParser
import LawQuizStore

/// `--budget-due` / `--budget-new`: the daily budget of 今日练习, shared by
/// `practice --due` and `progress` (which estimates days of practice with it).
struct DailyBudgetOptions: ParsableArguments {
    @Option(help: ArgumentHelp("今日练习每天到期复习题的上限（0–500），默认 20。", valueName: "N"))
    var budgetDue: Int = DailyBudget.standard.due

    @Option(help: ArgumentHelp("今日练习每天新题的上限（0–500），默认 5。", valueName: "N"))
    var budgetNew: Int = DailyBudget.standard.new

    var budget: DailyBudget { DailyBudget(due: budgetDue, new: budgetNew) }

    func validate() throws {
        for count in [budgetDue, budgetNew] where !(0...500).contains(count) {
            throw ValidationError("--budget-due / --budget-new 应为 0 到 500，收到 \(count)")
        }
    }
}
