/// Converts between Arabic integers and Chinese numerals as written in statute
/// headings (第一百一十九条), so users can type either form.
public enum ChineseNumeral {
    private static let digits: [Character] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// Renders 1…9999 the way statutes do: 十, 十一, 二十, 一百零五, 一百一十九.
    public static func string(from value: Int) -> String? {
        guard value > 0, value < 10000 else { return nil }
        let units: [(Int, String)] = [(1000, "千"), (100, "百"), (10, "十")]
        var result = ""
        var rest = value
        var pendingZero = false
        for (unit, name) in units {
            let digit = rest / unit
            rest %= unit
            if digit > 0 {
                if pendingZero { result.append("零") }
                pendingZero = false
                // 十 alone (not 一十) when the number starts with it.
                if !(unit == 10 && digit == 1 && result.isEmpty) { result.append(digits[digit]) }
                result += name
            } else if !result.isEmpty {
                pendingZero = true
            }
        }
        if rest > 0 {
            if pendingZero { result.append("零") }
            result.append(digits[rest])
        }
        return result
    }

    /// Parses 一百一十九, 十二, 二十, 一〇五 / 一百零五 and also plain Arabic digits.
    public static func value(of text: String) -> Int? {
        let trimmed = text.trimmingBlanks()
        if let arabic = Int(trimmed) { return arabic }
        // Longer text is no article or chapter number, and could overflow below.
        guard !trimmed.isEmpty, trimmed.count <= 12 else { return nil }
        // Positional form without units: 一〇五 = 105.
        if trimmed.count > 1, trimmed.allSatisfy({ digitValue($0) != nil }) {
            return trimmed.reduce(0) { $0 * 10 + (digitValue($1) ?? 0) }
        }
        var total = 0
        var section = 0
        for character in trimmed {
            if let digit = digitValue(character) {
                section = digit
            } else if let unit = unitValue(character) {
                total += (section == 0 && unit == 10 ? 1 : section) * unit
                section = 0
            } else {
                return nil
            }
        }
        total += section
        return total > 0 ? total : nil
    }

    private static func digitValue(_ character: Character) -> Int? {
        switch character {
        case "零", "〇": return 0
        case "两": return 2
        default: return digits.firstIndex(of: character)
        }
    }

    private static func unitValue(_ character: Character) -> Int? {
        switch character {
        case "十": return 10
        case "百": return 100
        case "千": return 1000
        default: return nil
        }
    }
}

import Foundation
