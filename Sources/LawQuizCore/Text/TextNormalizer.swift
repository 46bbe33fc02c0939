import Foundation

/// Canonical text for comparisons that must ignore layout: white space and the
/// full-width / half-width forms of punctuation differ between a statute copy
/// and a bank author's excerpt without changing the words.
public enum TextNormalizer {
    /// NFKC-folds full-width forms, maps Chinese punctuation to one form and drops white space.
    public static func comparable(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
        var result = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if CharacterSet.whitespacesAndNewlines.contains(scalar) { continue }
            switch scalar {
            case "“", "”", "„", "「", "」", "『", "』": result.append("\"")
            case "‘", "’": result.append("'")
            case "、": result.append(",")
            case "。", "．": result.append(".")
            case "〈", "《": result.append("<")
            case "〉", "》": result.append(">")
            case "【": result.append("[")
            case "】": result.append("]")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Finds control characters and terminal escape sequences, which must never
    /// reach a terminal from bank text. Returns a short description or nil.
    public static func unsafeCharacterDescription(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x1B { return "终端转义序列 (ESC)" }
            if value == 0x0A { continue }  // newlines are allowed in block scalars
            if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) {
                return String(format: "控制字符 U+%04X", value)
            }
            if (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value) {
                return String(format: "双向控制字符 U+%04X", value)
            }
        }
        return nil
    }

    /// Removes control characters and escape sequences before text is printed.
    public static func stripControlCharacters(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x0A || value >= 0x20 && value != 0x7F && !(0x80...0x9F).contains(value)
                && !(0x202A...0x202E).contains(value) && !(0x2066...0x2069).contains(value)
            {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
