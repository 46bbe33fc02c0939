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
    /// Works on the UTF-8 bytes (appending scalar by scalar to a
    /// `String.UnicodeScalarView` cost as much again as the folding): every
    /// accepted character keeps its bytes or becomes one ASCII byte, so the
    /// result is never longer than the text.
    static func plainComparable(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            var plain = true
            let result = String(unsafeUninitializedCapacity: bytes.count) { output in
                var count = 0
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    if lead < 0x80 {
                        index += 1
                        switch lead {
                        case 0x09...0x0D, 0x20: continue
                        case 0x21...0x7E: output[count] = lead
                        default: plain = false; return 0
                        }
                        count += 1
                        continue
                    }
                    // Accepted characters take two bytes (U+00B7) or three; anything longer is not plain.
                    let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    guard length < 4, index + length <= bytes.count else { plain = false; return 0 }
                    var value = UInt32(lead & (length == 3 ? 0x0F : 0x1F))
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    switch value {
                    case 0x3000:
                        break
                    case 0x3400...0x4DBF, 0x4E00...0x9FFF:
                        for offset in 0..<length { output[count + offset] = bytes[index + offset] }
                        count += length
                    case 0xFF01...0xFF5E:
                        output[count] = UInt8(value - 0xFEE0)
                        count += 1
                    default:
                        guard stablePunctuation.contains(value), let scalar = Unicode.Scalar(value) else { plain = false; return 0 }
                        let folded = oneForm(scalar)
                        if folded.isASCII {
                            output[count] = UInt8(folded.value)
                            count += 1
                        } else {
                            for offset in 0..<length { output[count + offset] = bytes[index + offset] }
                            count += length
                        }
                    }
                    index += length
                }
                return count
            }
            return plain ? result : nil
        }
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
        unsafeCharacterDescription(in: text, scanning: true)
    }

    /// `scanning` false skips the byte scan (tests compare both ways).
    static func unsafeCharacterDescription(in text: String, scanning: Bool) -> String? {
        if scanning, !mayHoldUnsafeCharacters(text) { return nil }
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

    /// False when no UTF-8 sequence of `text` is one that
    /// `unsafeCharacterDescription` reports: C0 controls but LF, DEL, C1
    /// controls (C2 80–9F) and the bidirectional controls U+202A–202E
    /// (E2 80 AA–AE) and U+2066–2069 (E2 81 A6–A9). A byte scan: the linter
    /// checks every text field of every question, nearly all of them clean.
    static func mayHoldUnsafeCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x0A: break
                case 0x00...0x1F, 0x7F: return true
                case 0xC2:
                    if index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                case 0xE2:
                    guard index + 2 < bytes.count else { break }
                    let second = bytes[index + 1]
                    let third = bytes[index + 2]
                    if second == 0x80, (0xAA...0xAE).contains(third) { return true }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return true }
                default: break
                }
                index += 1
            }
            return false
        }
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
