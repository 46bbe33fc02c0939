import LawQuizCore

/// The 答题卡 (`:l`): every question's number with its answer or a blank,
/// marks flagged, so the person sees at a glance what is left.
public struct AnswerMap: Sendable {
    public struct Entry: Sendable {
        public var type: QuestionType
        /// Saved answer in display letters or 对/错; nil when unanswered.
        public var answer: String?
        public var marked: Bool

        public init(type: QuestionType, answer: String?, marked: Bool) {
            self.type = type
            self.answer = answer
            self.marked = marked
        }
    }

    public var entries: [Entry]
    /// 0-based index of the current question, shown with a pointer.
    public var current: Int?

    public init(entries: [Entry], current: Int? = nil) {
        self.entries = entries
        self.current = current
    }

    public var answeredCount: Int { entries.filter { $0.answer != nil }.count }
    public var unansweredNumbers: [Int] { entries.indices.filter { entries[$0].answer == nil }.map { $0 + 1 } }
    public var markedNumbers: [Int] { entries.indices.filter { entries[$0].marked }.map { $0 + 1 } }

    public func render(width: Int, style: TerminalStyle) -> String {
        var lines = [style.bold("答题卡") + "  已答 \(answeredCount)/\(entries.count)，未答 \(unansweredNumbers.count)，已标记 \(markedNumbers.count)"]
        let numberWidth = String(entries.count).count
        let cellWidth = numberWidth + 8
        let perLine = max(1, (width - 2) / cellWidth)
        var start = 0
        while start < entries.count {
            let type = entries[start].type
            var end = start
            while end < entries.count, entries[end].type == type { end += 1 }
            lines.append(type.title + "：")
            lines += cells(start..<end, numberWidth: numberWidth, cellWidth: cellWidth, perLine: perLine, style: style)
            start = end
        }
        lines.append(style.dim("（__ 未答，* 已标记，> 当前题；:g N 跳到第 N 题）"))
        return lines.joined(separator: "\n") + "\n"
    }

    private func cells(_ range: Range<Int>, numberWidth: Int, cellWidth: Int, perLine: Int, style: TerminalStyle) -> [String] {
        var lines: [String] = []
        var line = ""
        var count = 0
        for index in range {
            let entry = entries[index]
            let pointer = index == current ? ">" : " "
            let number = DisplayWidth.leftPadded(String(index + 1), to: numberWidth)
            let answer = entry.answer ?? "__"
            var cell = "\(pointer)\(number) \(answer)\(entry.marked ? "*" : "")"
            cell = DisplayWidth.padded(cell, to: cellWidth)
            line += entry.answer == nil ? style.warning(cell) : cell
            count += 1
            if count == perLine {
                lines.append(" " + line)
                line = ""
                count = 0
            }
        }
        if !line.isEmpty { lines.append(" " + line) }
        return lines.map(DisplayWidth.trimmingTrailingSpaces)
    }
}
