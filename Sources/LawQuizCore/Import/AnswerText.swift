/// Reads the ways question banks write answers and types: ABD, A,B,D, A、B,
/// 正确/错误, 对/错, √/×, T/F; 单选/单选题/单项选择题 ….
enum AnswerText {
    /// Letters A–F from ABD, A,B,D, A、B, "A B" (full-width letters folded); nil when anything else is there.
    static func letters(_ text: String) -> Set<String>? {
        let folded = text.precomposedStringWithCompatibilityMapping.uppercased()
        var letters: Set<String> = []
        for character in folded {
            if "ABCDEF".contains(character) {
                letters.insert(String(character))
            } else if !" ,，、;；/|".contains(character) {
                return nil
            }
        }
        return letters.isEmpty ? nil : letters
    }

    /// True/false from 正确/错误, 对/错, √/×, T/F, TRUE/FALSE, 是/否.
    static func judgement(_ text: String) -> Bool? {
        switch text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces).uppercased() {
        case "正确", "对", "√", "✓", "✔", "T", "TRUE", "是", "Y", "YES": return true
        case "错误", "错", "×", "✗", "✘", "X", "F", "FALSE", "否", "N", "NO": return false
        default: return nil
        }
    }

    /// Single or multiple from per-option weights in percent (GIFT `%w%`,
    /// Moodle fractions): one option worth 100 is 单选; two or more positive
    /// weights summing to 100 are 多选. Nil for anything else (partial credit
    /// LawQuiz cannot mark), with the positive sum for the message.
    static func choiceKey(weights: [Double]) -> Result<(QuestionType, Set<String>), PositiveWeights> {
        let letters = OptionLetters.all
        let right = zip(letters, weights).filter { $1 > 0 }
        let total = right.reduce(0) { $0 + $1.1 }
        if right.count == 1, right[0].1 >= 99.9 { return .success((.single, [right[0].0])) }
        if right.count >= 2, abs(total - 100) < 1 { return .success((.multiple, Set(right.map { $0.0 }))) }
        return .failure(PositiveWeights(total: total))
    }

    struct PositiveWeights: Error {
        var total: Double
        var text: String { String(format: "%g", total) }
    }

    /// 单选, 单选题, 单项选择题, 多项选择, 判断题 … as well as the English names.
    static func type(_ text: String) -> QuestionType? {
        let name = text.trimmingCharacters(in: .whitespaces)
        if let type = QuestionType(name: name) { return type }
        if name.hasPrefix("单") { return .single }
        if name.hasPrefix("多") || name.hasPrefix("不定项") { return .multiple }
        if name.hasPrefix("判断") || name == "是非题" { return .judge }
        return nil
    }
}

import Foundation
