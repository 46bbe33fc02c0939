/// Terminal cell widths: East Asian wide and full-width characters take two
/// cells, so Chinese tables and wrapped stems line up.
public enum DisplayWidth {
    /// Cells taken by one character on a terminal.
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        return of(scalar)
    }

    /// Cells taken by one scalar: 0 for combining marks and controls, 2 for wide ones.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v == 0 || v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if (0x0300...0x036F).contains(v) || (0x200B...0x200F).contains(v) || v == 0xFE0F { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Cells taken by a string. Text of printable ASCII and CJK ideographs
    /// only (工号, most names and departments) is measured scalar by scalar:
    /// each such scalar is a character of its own (no grapheme rule joins
    /// them), so the sum is the same without finding character boundaries,
    /// which cost most of measuring the thousands of cells of `absent`.
    public static func of(_ text: String) -> Int {
        var cells = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20..<0x7F: cells += 1
            case 0x4E00...0x9FFF: cells += 2
            default: return text.reduce(0) { $0 + of($1) }
            }
        }
        return cells
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
            0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// Pads on the right to `width` cells (never truncates).
    public static func padded(_ text: String, to width: Int) -> String {
        let missing = width - of(text)
        return missing > 0 ? text + String(repeating: " ", count: missing) : text
    }

    /// `text` without the spaces padding its end (a padded last column).
    public static func trimmingTrailingSpaces(_ text: String) -> String {
        // The last byte first: a text ending in a space character ends in that byte.
        guard text.utf8.last == UInt8(ascii: " "), text.last == " " else { return text }
        var end = text.endIndex
        while end > text.startIndex, text[text.index(before: end)] == " " { end = text.index(before: end) }
        return String(text[..<end])
    }

    /// Pads on the left to `width` cells, for numbers in tables.
    public static func leftPadded(_ text: String, to width: Int) -> String {
        let missing = width - of(text)
        return missing > 0 ? String(repeating: " ", count: missing) + text : text
    }

    /// Wraps text into lines of at most `width` cells; keeps explicit
    /// newlines; `indent` prefixes continuation lines. Lines break between
    /// CJK characters and at spaces, never inside a run of Latin letters,
    /// digits or ASCII symbols (so `:h`, `A,B,D`, `2021` stay whole), never
    /// before closing punctuation and never after opening punctuation (禁则),
    /// so a blank such as `（ ）` is not torn apart. Widths below
    /// `minimumWidth` are raised to it (screens stay readable; table cells
    /// pass 1 because their column width is exact).
    public static func wrap(_ text: String, width: Int, indent: String = "", minimumWidth: Int = 8) -> [String] {
        let limit = max(width, minimumWidth, 1)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var prefix = ""
            var continuing = false
            func startContinuation() {
                while line.hasSuffix(" ") { line.removeLast() }
                lines.append(prefix + line)
                continuing = true
                prefix = indent
                line = ""
                lineWidth = of(indent)
            }
            for unit in LineBreaking.units(of: String(paragraph)) {
                let unitWidth = of(unit)
                if unit == " ", line.isEmpty, continuing { continue }  // no space after a break
                if lineWidth + unitWidth <= limit {
                    line += unit
                    lineWidth += unitWidth
                    continue
                }
                if !line.isEmpty { startContinuation() }
                if unit == " " { continue }
                // A unit wider than a whole line (a long URL) is cut by cells.
                for character in unit {
                    let w = of(character)
                    if lineWidth + w > limit, !line.isEmpty { startContinuation() }
                    line.append(character)
                    lineWidth += w
                }
            }
            lines.append(prefix + line)
        }
        return lines
    }
}
