/// Tab completion of session commands. Pure, so it can be tested without a
/// terminal; the readline adapter only converts strings.
public enum CommandCompletion {
    /// Every command a session understands, with its one-line help.
    public static let commands: [(name: String, help: String)] = [
        (":n", "下一题"), (":p", "上一题"), (":g", "跳到第 N 题（:g N）"), (":m", "标记 / 取消标记本题"),
        (":l", "答题卡：已答、未答、已标记"), (":s", "交卷"), (":q", "保存并离开（可继续作答）"), (":h", "帮助"),
    ]

    /// Commands that start with `word`, only when the word begins the line
    /// and starts with `:` (answers are never completed).
    public static func candidates(for word: String, atLineStart: Bool) -> [String] {
        guard atLineStart, word.hasPrefix(":") || word.isEmpty else { return [] }
        let prefix = word.isEmpty ? ":" : word
        return commands.map(\.name).filter { $0.hasPrefix(prefix) }
    }

    /// The longest prefix shared by all candidates (readline shows it first).
    public static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first else { return "" }
        for candidate in candidates.dropFirst() {
            while !candidate.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
