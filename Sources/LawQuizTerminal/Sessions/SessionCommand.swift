import Foundation

/// What a line typed at a question means, before any answer parsing: a `:`
/// command, an empty line (move on), or text to be read as an answer.
public enum SessionInput: Sendable, Equatable {
    case command(SessionCommand)
    case empty
    case answer(String)
    /// A `:` word that is not a command, or `:g` without a usable number.
    case badCommand(String)

    public init(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            self = .empty
            return
        }
        guard trimmed.hasPrefix(":") || trimmed.hasPrefix("：") else {
            self = .answer(trimmed)
            return
        }
        // Full-width forms typed with a Chinese input method (：ｇ　１２) read as :g 12.
        let body = trimmed.dropFirst().precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        let word = body.prefix { !$0.isWhitespace && !$0.isNumber }.lowercased()
        let argument = body.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        if let command = SessionCommand(word: word, argument: argument) {
            self = .command(command)
        } else if word == "g" {
            self = .badCommand("用法：:g 题号，例如 :g 3")
        } else {
            self = .badCommand("没有命令 “\(trimmed)”，输入 :h 查看命令")
        }
    }
}

/// The session commands of issue 4: `:n :p :g N :m :l :s :q :h`.
public enum SessionCommand: Sendable, Equatable {
    case next
    case previous
    case go(Int)
    case mark
    case list
    case submit
    case quit
    case help
    /// Practice only: read the articles around the last wrongly answered question.
    case article

    init?(word: String, argument: String) {
        switch (word, argument.isEmpty) {
        case ("n", true), ("next", true): self = .next
        case ("p", true), ("prev", true): self = .previous
        case ("m", true): self = .mark
        case ("l", true): self = .list
        case ("s", true): self = .submit
        case ("q", true), ("quit", true): self = .quit
        case ("h", true), ("help", true), ("?", true): self = .help
        case ("a", true): self = .article
        case ("g", false), ("go", false):
            guard let number = Int(argument) else { return nil }
            self = .go(number)
        default: return nil
        }
    }
}

/// Yes / no answers to confirmations (交卷？离开？), accepting Chinese and
/// English forms; anything else counts as no, so nothing happens by accident.
public enum Confirmation {
    public static func isYes(_ line: String) -> Bool {
        switch line.trimmingCharacters(in: .whitespaces).lowercased() {
        case "y", "yes", "是", "是的", "确认", "确定", "好", "交卷", "对", "1": return true
        default: return false
        }
    }
}
