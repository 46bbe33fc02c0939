/// Writes questions in Moodle's GIFT format: single (`=`/`~`), multiple
/// (`~%w%` weights), judge (`{T}`/`{F}`), 解析 as `####` general feedback,
/// law and article as `$CATEGORY:` and in the question name.
public enum GIFTWriter {
    public static func text(_ questions: [Question], library: LawLibrary) -> String {
        var lines: [String] = ["// 由 lawquiz 导出：\(questions.count) 道题", ""]
        var category = ""
        for question in questions {
            let path = ExportedCitation.category(question, library: library)
            if path != category {
                lines += ["$CATEGORY: \(path)", ""]
                category = path
            }
            var block: [String] = []
            switch question.answer {
            case .judgement(let value):
                block.append(value ? "T" : "F")
            case .options(let right):
                let fractions = ExportedCitation.fractions(question)
                for (option, fraction) in zip(question.options, fractions) {
                    if question.type == .single {
                        block.append((right.contains(option.letter) ? "=" : "~") + escaped(option.text))
                    } else {
                        block.append("~%\(fraction)%" + escaped(option.text))
                    }
                }
            }
            let feedback = question.explanation.isEmpty ? "" : "\n\t####" + escaped(question.explanation)
            lines.append("::\(escaped(ExportedCitation.name(question, library: library)))::[plain]\(escaped(question.stem)) {")
            lines += block.map { "\t" + $0 }
            lines.append(feedback.isEmpty ? "}" : String(feedback.dropFirst()) + "\n}")
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The characters GIFT gives a meaning, escaped with `\`; new lines as `\n`.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "~", "=", "#", "{", "}", ":": result += "\\" + String(character)
            case "\n": result += "\\n"
            case "\r": continue
            default: result.append(character)
            }
        }
        return result
    }
}
