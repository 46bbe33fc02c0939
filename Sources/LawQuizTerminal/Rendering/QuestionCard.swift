import LawQuizCore

/// One question as shown during an exam or practice: header line (number of
/// total, type, points, law), the stem and the options under their display
/// letters in the paper's order, wrapped to the terminal with CJK counted as
/// two cells.
public struct QuestionCard: Sendable {
    public var number: Int
    public var total: Int
    public var question: Question
    /// Bank letters in display order (the paper's option order).
    public var optionOrder: [String]
    public var points: Double?
    public var lawName: String
    /// The saved answer in display letters (or 对/错), if any.
    public var savedAnswer: String?
    public var marked: Bool
    /// Replaces `第 n/total 题` (e.g. the 错题本 drill, whose length changes).
    public var numberText: String?

    public init(
        number: Int, total: Int, question: Question, optionOrder: [String], points: Double?, lawName: String,
        savedAnswer: String? = nil, marked: Bool = false
    ) {
        self.number = number
        self.total = total
        self.question = question
        self.optionOrder = optionOrder.isEmpty ? question.options.map(\.letter) : optionOrder
        self.points = points
        self.lawName = lawName
        self.savedAnswer = savedAnswer
        self.marked = marked
    }

    public func render(width: Int, style: TerminalStyle) -> String {
        var header = (numberText ?? "第 \(number)/\(total) 题") + "  \(question.type.title)"
        if let points { header += "  \(ExamScoreText.number(points)) 分" }
        header += "  《\(BankText.clean(lawName))》"
        var lines = [style.bold(header) + (marked ? "  " + style.warning("［已标记］") : "")]
        lines += BankText.wrapped(question.stem, width: width)
        for (position, bankLetter) in optionOrder.enumerated() {
            guard let option = question.option(bankLetter) else { continue }
            let prefix = "  \(OptionLetters.letter(at: position)). "
            lines += BankText.wrapped(option.text, width: width, firstPrefix: prefix, indent: "     ")
        }
        lines += DisplayWidth.wrap(inputHint, width: width).map(style.dim)
        if let savedAnswer { lines.append("已作答：" + style.accent(savedAnswer)) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What to type for this kind of question.
    var inputHint: String {
        switch question.type {
        case .single: return "（输入一个选项字母，如 A；:h 查看命令）"
        case .multiple: return "（输入全部正确选项，如 ABD 或 A,B,D；:h 查看命令）"
        case .judge: return "（输入 对 或 错，也可用 √/×、T/F、Y/N；:h 查看命令）"
        }
    }
}

/// Number formatting shared by screens: no trailing `.0`.
public enum ExamScoreText {
    public static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%g", value)
    }

    /// `12 分 34 秒`, `1 小时 02 分`, for time used.
    public static func duration(_ seconds: Double) -> String {
        let total = max(0, Int(seconds.rounded()))
        let hours = total / 3600, minutes = (total % 3600) / 60, rest = total % 60
        if hours > 0 { return "\(hours) 小时 \(minutes) 分" }
        if minutes > 0 { return "\(minutes) 分 \(rest) 秒" }
        return "\(rest) 秒"
    }
}
