import Foundation

/// Everything wrong with a CSV-like input file (a roster, a batch of answer
/// sheets), each problem with its line: such files are checked whole and
/// nothing is stored while any row is bad, so every problem is reported at once.
public struct CSVFileError: LocalizedError, Sendable, Hashable {
    /// What the file holds, which decides how the refusal is worded.
    public enum Content: Sendable, Hashable {
        case roster
        case answerSheets
    }

    public var content: Content
    public var file: String
    public var problems: [CSVError]

    public init(_ content: Content, file: String, problems: [CSVError]) {
        self.content = content
        self.file = file
        self.problems = problems
    }

    public var errorDescription: String? {
        let heading: String
        switch content {
        case .roster: heading = "花名册 \(file) 有 \(problems.count) 处问题，未导入："
        case .answerSheets: heading = "答题卡文件 \(file) 有 \(problems.count) 处问题，未录入任何答题卡："
        }
        return heading + "\n" + problems.map { "  \(file):\($0.line): \($0.message)" }.joined(separator: "\n")
    }
}
