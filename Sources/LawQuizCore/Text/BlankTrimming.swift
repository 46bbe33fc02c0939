extension StringProtocol {
    /// The text without leading and trailing blanks — exactly what
    /// Foundation's `trimmingCharacters(in: .whitespaces)` removes (tab, the
    /// space separators U+0020, U+00A0, U+3000 …, U+200B; not line breaks) —
    /// on Swift's own scalars: Foundation bridges through `NSString`, and its
    /// first use costs a start-up a protocol-conformance scan of the program
    /// (README, "Launch"); a 工号 is trimmed before the first question.
    public func trimmingBlanks() -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isBlank($0) }) else { return "" }
        var end = scalars.endIndex
        while end > first, Self.isBlank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(Substring(scalars[first..<end]))
    }

    /// Foundation's `CharacterSet.whitespaces`, scalar by scalar: tab, the
    /// space separators (Zs) and U+200B ZERO WIDTH SPACE.
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
