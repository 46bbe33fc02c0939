import Foundation

/// Canonical text for comparisons that must ignore layout: white space and the
/// full-width / half-width forms of punctuation differ between a statute copy
/// and a bank author's excerpt without changing the words.
public enum TextNormalizer {
    /// NFKC-folds full-width forms, maps Chinese punctuation to one form and drops white space.
    public static func comparable(_ text: String) -> String {
        plainComparable(text) ?? foundationComparable(text)
    }

    /// `comparable` through Foundation's NFKC, for any text.
    static func foundationComparable(_ text: String) -> String {
        let folded = text.precomposedStringWithCompatibilityMapping
        var result = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars where !whiteSpace.contains(scalar) {
            result.append(oneForm(scalar))
        }
        return String(result)
    }

    private static let whiteSpace = CharacterSet.whitespacesAndNewlines

    /// `comparable` without Foundation's NFKC (a round trip through UTF-16 that
    /// was the largest cost of parsing the banks) for text made only of
    /// characters whose NFKC form is known here: ASCII, CJK ideographs, the
    /// full-width forms U+FF01–FF5E (NFKC: the ASCII character U+FEE0 below),
    /// the ideographic space and the punctuation of `stablePunctuation`.
    /// nil when anything else occurs; `TextNormalizerTests` checks every such
    /// character against Foundation.
    static func plainComparable(_ text: String) -> String? {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x09...0x0D, 0x20, 0x3000:
                continue
            case 0x21...0x7E, 0x3400...0x4DBF, 0x4E00...0x9FFF:
                result.append(oneForm(scalar))
            case 0xFF01...0xFF5E:
                guard let ascii = Unicode.Scalar(value - 0xFEE0) else { return nil }
                result.append(oneForm(ascii))
            default:
                guard stablePunctuation.contains(value) else { return nil }
                result.append(oneForm(scalar))
            }
        }
        return String(result)
    }

    /// Punctuation of Chinese text that NFKC leaves as it is.
    static let stablePunctuation: Set<UInt32> = [
        0x00B7, 0x2014, 0x2015, 0x2018, 0x2019, 0x201C, 0x201D, 0x3001, 0x3002,
        0x3008, 0x3009, 0x300A, 0x300B, 0x300C, 0x300D, 0x300E, 0x300F, 0x3010, 0x3011, 0x3014, 0x3015,
    ]

    /// One form for the punctuation that Chinese and Western text write differently.
    private static func oneForm(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "“", "”", "„", "「", "」", "『", "』": return "\""
        case "‘", "’": return "'"
        case "、": return ","
        case "。", "．": return "."
        case "〈", "《": return "<"
        case "〉", "》": return ">"
        case "【": return "["
        case "】": return "]"
        default: return scalar
        }
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
