import Foundation
import LawQuizCore
import LawQuizStore

/// The review after the result: each question not fully right with the
/// stem, the answer given, the right answer, 解析, and the article it rests
/// on with the supporting excerpt.
public struct WrongAnswerReview: Sendable {
    public var items: [ReviewItem]
    public var library: LawLibrary

    public init(items: [ReviewItem], library: LawLibrary) {
        self.items = items
        self.library = library
    }

    public func render(width: Int, style: TerminalStyle) -> String {
        guard !items.isEmpty else { return style.good("全部答对，没有错题。") + "\n" }
        var blocks = [style.bold("错题回顾（\(items.count) 题）")]
        for item in items {
            guard let question = item.question else {
                blocks.append("第 \(item.number) 题（\(item.graded.item.questionID)）已不在题库中，无法显示。正确答案：\(item.rightDisplay)")
                continue
            }
            blocks.append(renderItem(item, question: question, width: width, style: style))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func renderItem(_ review: ReviewItem, question: Question, width: Int, style: TerminalStyle) -> String {
        let item = review.graded.item
        var lines = [style.bold("第 \(review.number) 题  \(question.type.title)  \(review.graded.mark.verdict.title)")]
        lines += BankText.wrapped(question.stem, width: width)
        for (position, bankLetter) in item.optionOrder.enumerated() {
            guard let option = question.option(bankLetter) else { continue }
            lines += BankText.wrapped(option.text, width: width, firstPrefix: "  \(OptionLetters.letter(at: position)). ", indent: "     ")
        }
        lines.append("你的答案：" + style.bad(review.givenDisplay ?? "未作答") + "    正确答案：" + style.good(review.rightDisplay))
        lines += FeedbackText.explanationAndArticle(question, lettering: item, library: library, width: width, style: style)
        return lines.joined(separator: "\n")
    }
}
