/// An answer as a bit set, so millions of stored responses can be marked and
/// tallied without building sets of strings: bank letters A–F are bits 0–5,
/// a judgement 对 is bit 0 and 错 bit 1. Zero means unanswered.
public struct OptionBits: Sendable, Hashable {
    public var raw: UInt8

    public init(raw: UInt8) { self.raw = raw }

    /// Parses the store's answer code: letters `ABD`, or `T` / `F` for judgements.
    public init(code: String, type: QuestionType) {
        var raw: UInt8 = 0
        for byte in code.utf8 {
            if type == .judge {
                if byte == UInt8(ascii: "T") { raw |= 1 } else if byte == UInt8(ascii: "F") { raw |= 2 }
            } else if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "F") {
                raw |= 1 << (byte - UInt8(ascii: "A"))
            }
        }
        self.raw = raw
    }

    public init(_ key: AnswerKey?) {
        switch key {
        case nil: raw = 0
        case .judgement(let value)?: raw = value ? 1 : 2
        case .options(let letters)?:
            raw = letters.reduce(0) { bits, letter in
                guard let scalar = letter.unicodeScalars.first, letter.count == 1, ("A"..."F").contains(scalar) else { return bits }
                return bits | UInt8(1 << (scalar.value - 65))
            }
        }
    }

    public var isEmpty: Bool { raw == 0 }

    /// Marks like `Grader`: exact set → full points; under partial scoring a
    /// non-empty proper subset of a 多选题's key earns half; anything else nothing.
    public static func mark(given: OptionBits, key: OptionBits, type: QuestionType, points: Double, partial: Bool) -> Double {
        if given.raw == 0 { return 0 }
        if given.raw == key.raw { return points }
        if partial, type == .multiple, given.raw & ~key.raw == 0 { return points / 2 }
        return 0
    }

    /// Column labels of the option tallies: A–F for choice questions, 对/错 for judgements.
    public static func labels(for type: QuestionType) -> [String] {
        type == .judge ? ["对", "错"] : ["A", "B", "C", "D", "E", "F"]
    }
}
