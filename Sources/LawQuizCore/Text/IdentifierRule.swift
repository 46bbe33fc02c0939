/// The one pattern for question and exam ids, `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`.
/// Ids are stored with every answer and typed in commands, so they must stay
/// short, printable and free of spaces, line breaks and look-alike characters.
public enum IdentifierRule {
    /// Longest id accepted.
    public static let maxLength = 64
    /// The rule as shown in messages (QuestionBanks/README.md and EXAMS.md say the same).
    public static let summary = "以英文字母或数字开头，只含英文字母、数字、. _ -，最长 64 个字符"

    /// Whether `text` is a valid id.
    public static func isValid(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, scalars.count <= maxLength, isAlphanumeric(first) else { return false }
        return scalars.allSatisfy { isAlphanumeric($0) || $0 == "." || $0 == "_" || $0 == "-" }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
