import Foundation

/// A problem or notice found while importing, at a place a person can find:
/// `file:line` for text formats, `file:工作表!C7` for workbooks.
public struct ImportIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The question (or file) could not be understood; nothing is written without --skip-bad.
        case problem
        /// Something was left out on purpose (an unsupported question type, an embedded file).
        case notice
    }

    public var place: String
    public var message: String
    public var kind: Kind

    public init(place: String, message: String, kind: Kind = .problem) {
        self.place = place
        self.message = message
        self.kind = kind
    }

    public init(file: String, line: Int, message: String, kind: Kind = .problem) {
        self.init(place: "\(file):\(line)", message: message, kind: kind)
    }

    public var description: String { "\(place): \(kind == .notice ? "提示：" : "")\(message)" }
}

/// A question read from a foreign file, with the place it came from. Law
/// and article may be missing (empty law id, article 0; an article number
/// with an empty law id when the file gave 条号 alone) and evidence is
/// usually empty: grounding fills them in.
public struct ImportedQuestion: Sendable, Hashable {
    public var question: Question
    public var place: String

    public init(question: Question, place: String) {
        self.question = question
        self.place = place
    }
}

/// Everything read from one foreign file.
public struct ImportedBank: Sendable {
    public var questions: [ImportedQuestion]
    public var issues: [ImportIssue]

    public init(questions: [ImportedQuestion] = [], issues: [ImportIssue] = []) {
        self.questions = questions
        self.issues = issues
    }

    public var problems: [ImportIssue] { issues.filter { $0.kind == .problem } }
}

/// Why a file could not be imported at all (exit status 2).
public struct ImportError: Error, LocalizedError, Sendable, Hashable {
    public var file: String
    public var reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var errorDescription: String? { "无法导入 \(file)：\(reason)" }
}
