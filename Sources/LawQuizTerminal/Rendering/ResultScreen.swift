import Foundation
import LawQuizCore

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
    public var grade: ExamGrade
    public var catalog: BankCatalog

    public init(grade: ExamGrade, catalog: BankCatalog) {
        self.grade = grade
        self.catalog = catalog
    }

    public func render(width: Int, style: TerminalStyle) -> String {
        let wrong = grade.wrongItems
        guard !wrong.isEmpty else { return style.good("全部答对，没有错题。") + "\n" }
        var blocks = [style.bold("错题回顾（\(wrong.count) 题）")]
        for graded in wrong {
            guard let question = catalog.question(graded.item.questionID) else {
                blocks.append("第 \(graded.item.index + 1) 题（\(graded.item.questionID)）已不在题库中，无法显示。")
                continue
            }
            blocks.append(renderItem(graded, question: question, width: width, style: style))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func renderItem(_ graded: GradedItem, question: Question, width: Int, style: TerminalStyle) -> String {
        let item = graded.item
        var lines = [style.bold("第 \(item.index + 1) 题  \(question.type.title)  \(graded.mark.verdict.title)")]
        lines += BankText.wrapped(question.stem, width: width)
        for (position, bankLetter) in item.optionOrder.enumerated() {
            guard let option = question.option(bankLetter) else { continue }
            lines += BankText.wrapped(option.text, width: width, firstPrefix: "  \(OptionLetters.letter(at: position)). ", indent: "     ")
        }
        let given = graded.given.map(item.displayText(of:)) ?? "未作答"
        lines.append("你的答案：" + style.bad(given) + "    正确答案：" + style.good(item.displayText(of: graded.key)))
        lines += FeedbackText.explanationAndArticle(question, library: catalog.library, width: width, style: style)
        return lines.joined(separator: "\n")
    }
}

/// 解析 and the article reference with its evidence, shared by the exam
/// review and practice feedback.
enum FeedbackText {
    static func explanationAndArticle(_ question: Question, library: LawLibrary, width: Int, style: TerminalStyle) -> [String] {
        var lines: [String] = []
        if !question.explanation.isEmpty {
            lines += BankText.wrapped(question.explanation, width: width, firstPrefix: "解析：", indent: "      ")
        }
        lines.append("依据：" + reference(question, library: library))
        if !question.evidence.isEmpty {
            lines += BankText.wrapped("“" + question.evidence + "”", width: width, firstPrefix: "      ", indent: "      ")
                .map(style.dim)
        }
        return lines
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
