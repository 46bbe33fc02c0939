/// Where a line of mixed Chinese and Latin text may break. Text is cut into
/// units that must stay on one line: a single CJK character, a run of narrow
/// non-space characters (a Latin word, a number, `:h`, `A,B,D`), or a space.
/// Closing punctuation joins the unit before it and opening punctuation the
/// unit after it, as Chinese typesetting rules (禁则) require; a space right
/// after opening or before closing punctuation is part of the blank `（ ）`.
enum LineBreaking {
    /// Punctuation that must not begin a line. Decided on the character's
    /// one Unicode scalar, not by comparing `Character`s: each `Character`
    /// comparison is a string comparison with normalisation checks, about
    /// 0.2 ms of CPU for the rules screen before the first question, and a
    /// `Set<Character>` costs a protocol-conformance scan of the program at
    /// its first use (README, "Launch"). None of these marks has a
    /// decomposition, so a character of several scalars is never one of them.
    static func isClosing(_ character: Character) -> Bool {
        guard let scalar = singleScalar(character) else { return false }
        switch scalar {
        case "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "”", "’", "》", "〉", "】", "…", "—",
            ",", ".", ";", ":", "?", "!", ")", "]", "}":
            return true
        default:
            return false
        }
    }

    /// Punctuation that must not end a line.
    static func isOpening(_ character: Character) -> Bool {
        guard let scalar = singleScalar(character) else { return false }
        switch scalar {
        case "（", "「", "『", "“", "‘", "《", "〈", "【", "(", "[", "{": return true
        default: return false
        }
    }

    private static func singleScalar(_ character: Character) -> Unicode.Scalar? {
        let scalars = character.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
        return first
    }

    static func units(of text: String) -> [String] {
        var units: [String] = []
        var glueNext = false
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            // Zero-width characters (markers placed by a caller) ride along
            // with the unit before them and change no rule.
            if DisplayWidth.of(character) == 0, !units.isEmpty {
                units[units.count - 1].append(character)
                continue
            }
            let joinsPrevious: Bool
            if units.isEmpty {
                joinsPrevious = false
            } else if glueNext || isClosing(character) {
                joinsPrevious = true
            } else if character == " " {
                joinsPrevious = next.map(isClosing) ?? false
            } else if let last = units[units.count - 1].last(where: { DisplayWidth.of($0) > 0 }) {
                joinsPrevious = isNarrowWordCharacter(character) && isNarrowWordCharacter(last)
            } else {
                joinsPrevious = false
            }
            if joinsPrevious {
                units[units.count - 1].append(character)
            } else {
                units.append(String(character))
            }
            glueNext = isOpening(character) || (glueNext && character == " ")
        }
        return units
    }

    /// Letters, digits and ASCII symbols that form words which must not be split.
    private static func isNarrowWordCharacter(_ character: Character) -> Bool {
        character != " " && DisplayWidth.of(character) == 1
    }
}
