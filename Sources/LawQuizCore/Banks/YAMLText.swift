import Foundation

/// Scalars for bank YAML written by the program: plain when a person would
/// write them so and they read back unchanged, double-quoted otherwise.
public enum YAMLText {
    private static let indicators: Set<Character> = ["-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
    private static let special: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    public static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, !indicators.contains(first),
            !first.isWhitespace, !last.isWhitespace, last != ":",
            !text.contains(": "), !text.contains(" #"), !special.contains(text.lowercased()), Double(text) == nil
        else { return false }
        return !text.unicodeScalars.contains(where: needsEscape)
    }

    /// Controls, the byte-order mark and the Unicode line and paragraph separators (line breaks to YAML).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
            || scalar.value == 0xFEFF || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// A double-quoted scalar: `\` and `"` escaped, control characters as `\uXXXX`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if needsEscape(scalar) {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
