import Foundation
import LawQuizCore

// srs-sim: evidence for issue 13. Synthetic learners (see SyntheticLearner)
// practise for 30 days, once a day: with 今日练习 (FSRS-4.5 due questions
// first, up to 20, then up to 5 new ones, rated Good/Again from correctness),
// and with today's random practice given the very same number of answers each
// day. Prints the share of questions mastered (true recall ≥ 0.9) at the end.
//
// Usage: swift run srs-sim [questions] [learners] [days]; by default as many
// questions as the banks in ./QuestionBanks hold, 200 learners, 30 days.

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let shipped = (try? BankCatalog.load(root: URL(fileURLWithPath: "QuestionBanks")))?.questions.count
let questionCount = arguments.count > 0 ? arguments[0] : shipped ?? 764
let learnerCount = arguments.count > 1 ? arguments[1] : 200
let dayCount = arguments.count > 2 ? arguments[2] : 30
let budget = (due: 20, new: 5)
let fsrs = FSRS()

struct Outcome {
    var mastered = 0
    var answers = 0
}

/// One learner with 今日练习; returns the answers given each day and the outcome.
func scheduled(seed: UInt64) -> ([Int], Outcome) {
    var learner = SyntheticLearner(questions: questionCount, seed: seed)
    var memory: [Int: (state: MemoryState, last: Double, due: Double)] = [:]
    var perDay: [Int] = []
    var nextNew = 0
    for day in 0..<dayCount {
        let now = Double(day)
        let due = memory.filter { $0.value.due < now + 1 }.sorted { ($0.value.due, $0.key) < ($1.value.due, $1.key) }
            .prefix(budget.due).map(\.key)
        let new = Array(nextNew..<min(questionCount, nextNew + budget.new))
        nextNew += new.count
        for question in due + new {
            let right = learner.answer(question, at: now)
            let previous = memory[question]
            let state = fsrs.review(
                previous?.state, rating: right ? .good : .again, elapsedDays: previous.map { now - $0.last } ?? 0)
            memory[question] = (state, now, now + Double(fsrs.scheduledDays(stability: state.stability)))
        }
        perDay.append(due.count + new.count)
    }
    return (perDay, Outcome(mastered: learner.mastered(at: Double(dayCount)), answers: perDay.reduce(0, +)))
}

/// The same learner (same seed, same true curves) with random practice: each
/// day as many distinct random questions as the scheduled run answered that day.
func random(seed: UInt64, perDay: [Int]) -> Outcome {
    var learner = SyntheticLearner(questions: questionCount, seed: seed)
    var draw = SeededGenerator(seed: seed ^ 0x5EED)
    for (day, count) in perDay.enumerated() {
        var pool = Array(0..<questionCount)
        draw.shuffle(&pool)
        for question in pool.prefix(count) { _ = learner.answer(question, at: Double(day)) }
    }
    return Outcome(mastered: learner.mastered(at: Double(dayCount)), answers: perDay.reduce(0, +))
}

var fsrsShares: [Double] = []
var randomShares: [Double] = []
var answers = 0
for learner in 0..<learnerCount {
    let seed = UInt64(1000 + learner)
    let (perDay, withFSRS) = scheduled(seed: seed)
    let withRandom = random(seed: seed, perDay: perDay)
    fsrsShares.append(Double(withFSRS.mastered) / Double(questionCount))
    randomShares.append(Double(withRandom.mastered) / Double(questionCount))
    answers += withFSRS.answers
}

func summary(_ shares: [Double]) -> String {
    let mean = shares.reduce(0, +) / Double(max(1, shares.count))
    let sorted = shares.sorted()
    return String(
        format: "平均 %.1f%%（%.1f%%–%.1f%%）", mean * 100, (sorted.first ?? 0) * 100, (sorted.last ?? 0) * 100)
}

print("模拟：\(learnerCount) 名学员，\(questionCount) 道题，\(dayCount) 天，每天今日练习 \(budget.due) 道到期 + \(budget.new) 道新题")
print("每人平均作答 \(answers / max(1, learnerCount)) 次（两种方式相同）")
print("第 \(dayCount) 天结束时掌握（真实答对概率 ≥ 90%）的题所占比例：")
print("  今日练习（FSRS）：" + summary(fsrsShares))
print("  随机练习：        " + summary(randomShares))
