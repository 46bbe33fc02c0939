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
