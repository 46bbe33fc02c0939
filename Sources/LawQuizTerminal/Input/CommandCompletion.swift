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
    public static func candidates(for word: String, atLineStart: Bool, among offered: [String] = examCommands) -> [String] {
        guard atLineStart, word.hasPrefix(":") || word.isEmpty else { return [] }
        let prefix = word.isEmpty ? ":" : word
        return offered.filter { $0.hasPrefix(prefix) }
    }

    /// Commands of an exam session: all of them.
    public static let examCommands = commands.map(\.name)
    /// Practice understands only these; offering :g or :s there would mislead.
    public static let practiceCommands = [":n", ":q", ":h"]

    /// The commands as a bit set (bit i = `commands[i]`), the form the C side
    /// keeps for the completion hook, which cannot capture Swift state.
    static func mask(of names: [String]) -> UInt32 {
        commands.enumerated().reduce(0) { mask, entry in names.contains(entry.element.name) ? mask | (1 << entry.offset) : mask }
    }

    static func names(inMask mask: UInt32) -> [String] {
        commands.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element.name)
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
