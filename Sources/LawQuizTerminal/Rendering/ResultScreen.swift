import Foundation
import LawQuizCore
import LawQuizStore

/// The result of a submitted attempt: score of full marks, 合格 / 优秀, the
/// breakdown by law and by question type, and the time used.
public struct ResultScreen: Sendable {
    public var examTitle: String
    public var grade: ExamGrade
    public var library: LawLibrary
    /// Seconds from start to submission.
    public var timeUsed: TimeInterval
    /// Why the attempt ended, e.g. 时间到，已自动交卷.
    public var note: String?

    public init(examTitle: String, grade: ExamGrade, library: LawLibrary, timeUsed: TimeInterval, note: String? = nil) {
        self.examTitle = examTitle
        self.grade = grade
        self.library = library
        self.timeUsed = timeUsed
        self.note = note
    }

    /// The screen for a graded attempt, noting how it was submitted when it
    /// was not by the person.
    public init(result: AttemptResult, library: LawLibrary) {
        let reason = result.attempt.submitReason
        self.init(
            examTitle: result.attempt.examTitle, grade: result.grade, library: library, timeUsed: result.timeUsed,
            note: reason == nil || reason == .byPerson ? nil : reason?.title)
    }

    public func render(width: Int, style: TerminalStyle) -> String {
        var lines = [style.bold("成绩：\(BankText.clean(examTitle))")]
        if let note { lines.append(style.warning(note)) }
        let score = "\(ExamScoreText.number(grade.score)) / \(ExamScoreText.number(grade.fullMarks)) 分"
        let verdict = grade.passed ? style.good("合格") : style.bad("不合格")
        let excellence = grade.excellent ? "，" + style.good("优秀") : "，未达优秀"
        lines.append("得分 \(style.bold(score))  \(verdict)\(excellence)")
        let right = grade.items.filter { $0.mark.verdict == .right }.count
        lines.append("答对 \(right)/\(grade.items.count) 题，用时 \(ExamScoreText.duration(timeUsed))")
        lines.append("")
        lines.append(breakdownTable(title: "法律", groups: grade.byLaw) { library.law(named: $0)?.shortName ?? $0 })
        lines.append(breakdownTable(title: "题型", groups: grade.byType) { QuestionType(rawValue: $0)?.title ?? $0 })
        return lines.joined(separator: "\n") + "\n"
    }

    private func breakdownTable(title: String, groups: [GradeBreakdown], name: (String) -> String) -> String {
        let rows = groups.map { group in
            [
                name(group.key), "\(group.right)/\(group.questions)",
                "\(ExamScoreText.number(group.earned))/\(ExamScoreText.number(group.possible))",
            ]
        }
        return TextTable(headers: [title, "答对", "得分"], rows: rows, rightAligned: [1, 2]).render()
    }
}

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
        lines += FeedbackText.explanationAndArticle(question, library: library, width: width, style: style)
        return lines.joined(separator: "\n")
    }
}

/// 解析 and the article reference with its evidence, shared by the exam
/// review and practice feedback.
enum FeedbackText {
    static func explanationAndArticle(_ question: Question, library: LawLibrary, width: Int, style: TerminalStyle) -> [String] {
        var lines = explanation(question, width: width)
        lines.append("依据：" + reference(question, library: library))
        if !question.evidence.isEmpty {
            lines += BankText.wrapped("“" + question.evidence + "”", width: width, firstPrefix: "      ", indent: "      ")
                .map(style.dim)
        }
        return lines
    }

    static func explanation(_ question: Question, width: Int) -> [String] {
        guard !question.explanation.isEmpty else { return [] }
        return BankText.wrapped(question.explanation, width: width, firstPrefix: "解析：", indent: "      ")
    }

    /// 《安全生产法》第二十一条.
    static func reference(_ question: Question, library: LawLibrary) -> String {
        let law = library.law(named: question.lawID)
        let name = law?.shortName ?? question.lawID
        let heading = law?.article(question.article)?.heading ?? "第\(ChineseNumeral.string(from: question.article) ?? String(question.article))条"
        return "《\(BankText.clean(name))》\(heading)"
    }

    /// The whole article text, for practice feedback.
    static func articleText(_ question: Question, library: LawLibrary, width: Int) -> [String] {
        guard let law = library.law(named: question.lawID), let article = law.article(question.article) else { return [] }
        var lines = [article.heading]
        for paragraph in article.paragraphs {
            lines += BankText.wrapped(paragraph, width: width, firstPrefix: "  ", indent: "")
        }
        return lines
    }
}
