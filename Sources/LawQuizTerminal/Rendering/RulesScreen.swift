import Foundation
import LawQuizCore

/// The rules shown before the first question: what the paper holds, the time
/// limit, the marks, and how to answer and move around.
public struct RulesScreen: Sendable {
    public var exam: ExamDefinition
    public var library: LawLibrary
    public var deadline: Date?
    public var attemptNumber: Int

    public init(exam: ExamDefinition, library: LawLibrary, deadline: Date? = nil, attemptNumber: Int = 1) {
        self.exam = exam
        self.library = library
        self.deadline = deadline
        self.attemptNumber = attemptNumber
    }

    public func render(width: Int, style: TerminalStyle) -> String {
        var lines = [style.bold(BankText.clean(exam.title))]
        lines.append("共 \(exam.questionCount) 题，满分 \(ExamScoreText.number(exam.fullMarks)) 分，限时 \(timeLimitText)。")
        lines.append("\(ExamScoreText.number(exam.passMark)) 分及以上为合格，\(ExamScoreText.number(exam.excellentMark)) 分及以上为优秀。")
        for section in exam.sections {
            let law = section.lawID.flatMap { library.law(named: $0)?.shortName }
            lines.append("  · \(section.describe(lawName: law))，每题 \(ExamScoreText.number(section.points)) 分")
        }
        if exam.multipleScoring == .partial {
            lines.append("多选题少选（所选均正确）得一半分，错选不得分。")
        } else {
            lines.append("多选题须全部选对才得分。")
        }
        lines.append("允许作答 \(exam.attemptsAllowed) 次，这是第 \(attemptNumber) 次。")
        if let deadline { lines.append("截止时间：\(ExamTimeFormat.format(deadline))，到时自动交卷。") }
        lines.append("每道题的答案输入后立即保存；中途离开（:q、Ctrl-D 或关闭窗口）可再次运行同一命令继续作答，计时不停。")
        lines.append("")
        lines.append(HelpScreen.exam)
        return lines.flatMap { DisplayWidth.wrap($0, width: width, indent: "") }.joined(separator: "\n") + "\n"
    }

    private var timeLimitText: String {
        let seconds = Int(exam.timeLimit)
        if seconds % 60 == 0 { return "\(seconds / 60) 分钟" }
        return ExamScoreText.duration(Double(seconds))
    }
}

/// Command help for `:h`.
public enum HelpScreen {
    public static let exam = """
        答题：单选输入字母（A 或 b）；多选输入全部选项（ABD、A,B,D 或 a b d）；判断输入 对/错（也可 √/×、T/F、Y/N）。
        命令：:n 下一题  :p 上一题  :g N 跳到第 N 题  :m 标记/取消标记  :l 答题卡
              :s 交卷  :q 保存并离开  :h 帮助；直接回车跳到下一题；Tab 补全命令。
        """

    public static let practice = """
        答题：单选输入字母；多选输入全部选项（ABD、A,B,D）；判断输入 对/错（也可 √/×、T/F、Y/N）。
        每题作答后显示对错、解析和法条原文。命令：:n 跳过本题  :a 答错后阅读依据条文及前后条  :q 结束练习  :h 帮助。
        """
}
