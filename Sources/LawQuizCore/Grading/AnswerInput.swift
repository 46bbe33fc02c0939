import Foundation

/// Why a line typed at a question is not an answer; the message is the hint
/// shown before asking again.
public enum AnswerInputError: Error, LocalizedError, Sendable, Hashable {
    case empty
    /// A character that is not one of the shown option letters.
    case notAnOption(character: String, letters: String)
    /// A 单选题 answered with more than one letter.
    case singleNeedsOneLetter
    /// A 判断题 answered with something other than 对/错 and friends.
    case notAJudgement

    public var errorDescription: String? {
        switch self {
        case .empty: return "请输入答案"
        case .notAnOption(let character, let letters):
            return "“\(character)”不是选项，请输入 \(letters) 中的字母"
        case .singleNeedsOneLetter: return "单选题只能选一个选项"
        case .notAJudgement: return "判断题请输入 对 或 错（也可用 √/×、T/F、Y/N）"
        }
    }
}

/// Parses what a person types as an answer into bank letters, using the
/// paper's option order (displayed A may be bank C).
///
/// Accepted: `A`, `b`, `ABD`, `A,B,D`, `a b d` (also `、`, `，`, `;`); for
/// 判断题 对/错, √/×, ✓/✗, T/F, Y/N, 是/否, 正确/错误, true/false, yes/no.
public enum AnswerInput {
    public static func parse(_ text: String, type: QuestionType, optionOrder: [String]) throws(AnswerInputError) -> AnswerKey {
        let trimmed = halfWidth(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .empty }
        if type == .judge {
            guard let value = judgement(trimmed) else { throw .notAJudgement }
            return .judgement(value)
        }
        let separators = Set<Character>(" \t,，、;；/")
        let shown = (0..<optionOrder.count).map(OptionLetters.letter(at:))
        var letters = Set<String>()
        for character in trimmed where !separators.contains(character) {
            let letter = String(character).uppercased()
            guard let position = shown.firstIndex(of: letter) else {
                throw .notAnOption(character: String(character), letters: shown.joined(separator: "/"))
            }
            letters.insert(optionOrder[position])
        }
        guard !letters.isEmpty else { throw .empty }
        if type == .single, letters.count > 1 { throw .singleNeedsOneLetter }
        return .options(letters)
    }

    /// Folds full-width letters and spaces (ＡＢ　Ｃ, typed with a Chinese input
    /// method left in full-width mode) to ASCII.
    static func halfWidth(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0xFF01...0xFF5E: return Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
            case 0x3000: return " "
            default: return scalar
            }
        }))
    }

    /// Whether a 判断题 input means true, false or neither.
    public static func judgement(_ text: String) -> Bool? {
        switch halfWidth(text).trimmingCharacters(in: .whitespaces).lowercased() {
        case "对", "√", "✓", "✔", "t", "y", "是", "正确", "true", "yes", "v": return true
        case "错", "×", "✗", "✘", "x", "f", "n", "否", "错误", "false", "no": return false
        default: return nil
        }
    }
}
