import Foundation

/// The one sanitiser for text on its way to a terminal. Titles, names,
/// departments, bank text and echoed arguments come from files and people; a
/// stray ESC in them could retitle the window, clear the screen or move the
/// cursor. Control characters are shown in caret notation (ESC as `^[`, BEL as
/// `^G`, DEL as `^?`), C1 controls and bidirectional overrides as `<U+XXXX>`,
/// so the text is visibly wrong instead of silently acting on the terminal.
public enum TerminalText {
    /// What happens to a line feed: kept where the layout allows several
    /// lines, or turned into a space inside a table cell or a one-line field.
    public enum Newlines: Sendable {
        case keep
        case space
    }

    /// `text` with every control character made visible; a tab becomes a
    /// space (its width is unknowable in a table).
    public static func visible(_ text: String, newlines: Newlines = .keep) -> String {
        guard text.unicodeScalars.contains(where: needsCare) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsCare(scalar) else {
                result.append(scalar)
                continue
            }
            switch scalar.value {
            case 0x0A: result.append(contentsOf: (newlines == .keep ? "\n" : " ").unicodeScalars)
            case 0x09: result.append(" ")
            case 0x00..<0x20: result.append(contentsOf: "^\(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))".unicodeScalars)
            case 0x7F: result.append(contentsOf: "^?".unicodeScalars)
            default: result.append(contentsOf: String(format: "<U+%04X>", scalar.value).unicodeScalars)
            }
        }
        return String(result)
    }

    /// A description of the first character that has no business in an
    /// identifier such as a 工号: controls (line feed included), and
    /// invisible format characters (zero-width space, bidirectional marks)
    /// that would make two different 工号 look the same. Nil when clean.
    public static func invisibleCharacterDescription(inIdentifier text: String) -> String? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value == 0x1B { return "终端转义序列 (ESC)" }
            if value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) {
                return String(format: "控制字符 U+%04X", value)
            }
            if scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .lineSeparator
                || scalar.properties.generalCategory == .paragraphSeparator
            {
                return String(format: "不可见的格式字符 U+%04X", value)
            }
        }
        return nil
    }

    private static func needsCare(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }
}
