/// Writes the single-answer questions in Aiken format (the only kind Aiken
/// has); the caller reports how many others were left out.
public enum AikenWriter {
    public static func text(_ questions: [Question]) -> (text: String, written: Int, leftOut: Int) {
        var lines: [String] = []
        var written = 0
        for question in questions where question.type == .single {
            guard case .options(let right) = question.answer, let letter = right.first else { continue }
            lines.append(oneLine(question.stem))
            lines += question.options.map { "\($0.letter). \(oneLine($0.text))" }
            lines += ["ANSWER: \(letter)", ""]
            written += 1
        }
        return (lines.joined(separator: "\n"), written, questions.count - written)
    }

    /// Aiken has one line per stem and option.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
