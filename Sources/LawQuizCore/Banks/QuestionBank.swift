/// One bank file: a titled list of questions.
public struct QuestionBank: Sendable {
    /// Bank id, the file name without `.yaml`.
    public var id: String
    public var title: String
    /// Path the bank was read from.
    public var file: String
    public var questions: [Question]

    public init(id: String, title: String, file: String, questions: [Question]) {
        self.id = id
        self.title = title
        self.file = file
        self.questions = questions
    }
}

/// A problem found in a bank file, reported as `file:line: message`.
public struct BankDiagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The file could not be read at all (exit status 2 for `bank lint`).
        case unreadable
        /// The file was read but a question is wrong (exit status 1).
        case problem
        /// Worth a person's look, not wrong: printed by `bank lint`, the
        /// question stays in use and the exit status is unchanged.
        case warning
    }

    public var file: String
    public var line: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, message: String, severity: Severity = .problem) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String { "\(file):\(line): \(message)" }
}

/// Every loaded bank plus the problems found, in file order.
public struct BankCollection: Sendable {
    public var banks: [QuestionBank]
    public var diagnostics: [BankDiagnostic]

    public init(banks: [QuestionBank], diagnostics: [BankDiagnostic]) {
        self.banks = banks
        self.diagnostics = diagnostics
    }

    /// All questions of all banks, in file order.
    public var questions: [Question] { banks.flatMap(\.questions) }
}
