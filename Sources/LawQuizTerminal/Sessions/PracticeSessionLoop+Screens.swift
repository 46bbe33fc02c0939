import Foundation
import LawQuizCore
import LawQuizStore

extension PracticeSessionLoop {
    /// Right or wrong, the right answer, 解析, the article text and the
    /// 错题本 state, when it comes back and, after a wrong answer, where to
    /// read on (`more`: another question follows, so `:a` can be typed there).
    func feedback(_ outcome: PracticeOutcome, item: PracticeItem, more: Bool) -> String {
        let width = output.width
        var lines = [outcome.correct ? style.good("✓ 回答正确") : style.bad("✗ 回答错误") + "，正确答案：" + style.good(outcome.rightDisplay)]
        lines += FeedbackText.explanation(item.question, lettering: item.paperItem, width: width)
        if let articles = FeedbackText.articleTexts(item.question, library: library, width: width) {
            for article in articles {
                lines.append(style.bold("法条：") + article.reference)
                lines += article.lines
            }
        } else {
            // A cited article is missing from the statute text: show the bank's excerpts instead.
            lines += FeedbackText.citedEvidence(item.question, library: library, width: width, style: style)
        }
        if outcome.clearedFromWrongBook {
            lines.append(style.good("已连续答对 \(ResultsStore.wrongBookClearStreak) 次，本题移出错题本。"))
        } else if let entry = outcome.wrongBookEntry, entry.clearedAt == nil {
            if outcome.correct {
                lines.append("错题本：已连续答对 \(entry.rightStreak)/\(ResultsStore.wrongBookClearStreak) 次。")
            } else if item.fromWrongBook {
                lines.append("本题仍在错题本，连续答对次数从 0 重新计算。")
            } else {
                lines.append("本题已记入错题本（lawquiz practice --wrong 巩固）。")
            }
        }
        lines.append(style.dim("\(outcome.nextReviewDays) 天后再练"))
        if !outcome.correct {
            if more {
                lines.append("输入 :a 阅读依据条文及前后条。")
            } else if let command = StudyLinkText.command(item.question, library: library) {
                lines.append("阅读依据条文及前后条：\(command)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `:a`: the articles around the last wrongly answered question.
    func showStudyLink() {
        guard let item = lastWrong else {
            output.line(style.warning(":a 在答错一道题后可用：阅读那道题依据的条文及前后条。"))
            return
        }
        output.write(StudyLinkText.neighbourhood(item.question, library: library, width: output.width, style: style).joined(separator: "\n") + "\n")
    }

    /// The answer prompt of practice: commands kept in memory only, and Tab
    /// offering just the commands practice understands.
    func practiceRequest(_ prompt: String) -> LineRequest {
        LineRequest(
            prompt: { _ in prompt }, remember: { $0.hasPrefix(":") }, completions: CommandCompletion.practiceCommands)
    }

    func summaryText() -> String {
        var text = "本次练习答题 \(summary.answered) 道，答对 \(summary.right) 道"
        if summary.skipped > 0 { text += "，跳过 \(summary.skipped) 道" }
        text += "。"
        if summary.cleared > 0 { text += "移出错题本 \(summary.cleared) 道。" }
        text += summary.wrongBookOpen > 0 ? "错题本还有 \(summary.wrongBookOpen) 道题。" : "错题本已清空。"
        text += "练习成绩不计入考试统计。"
        return text
    }
}
