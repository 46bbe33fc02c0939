import Foundation

/// Reads the Aiken format (single-answer questions: the stem, `A)` or `A.`
/// options, `ANSWER: X`), reporting the cases Moodle rejects: an option
/// before any question, fewer than two options, a question without ANSWER.
public struct AikenReader {
    let file: String

    public init(file: String) {
        self.file = file
    }

    private struct Pending {
        var line: Int
        var stem: [String]
        var options: [QuestionOption] = []
    }

    public func read(_ text: String) -> ImportedBank {
        var bank = ImportedBank()
        var pending: Pending?
        let lines = ImportFormat.lines(text)
        func problem(_ line: Int, _ message: String) { bank.issues.append(ImportIssue(file: file, line: line, message: message)) }
        for (offset, raw) in lines.enumerated() {
            let number = offset + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if let answer = Self.answerLetter(line) {
                guard let question = pending else {
                    problem(number, "ANSWER 行之前没有题目")
                    continue
                }
                pending = nil
                guard question.options.count >= 2 else {
                    problem(question.line, "题目只有 \(question.options.count) 个选项，至少应有 2 个")
                    continue
                }
                guard question.options.contains(where: { $0.letter == answer }) else {
                    problem(number, "答案 \(answer) 不在选项之中（选项为 \(question.options.map(\.letter).joined())）")
                    continue
                }
                let stem = question.stem.joined(separator: "\n")
                bank.questions.append(ImportedQuestion(
                    question: Question(
                        id: "", type: .single, lawID: "", article: 0, stem: stem, options: question.options,
                        answer: .options([answer]), evidence: "", explanation: "", source: SourceLocation(file: file, line: question.line)),
                    place: "\(file):\(question.line)"))
            } else if let (letter, text) = Self.option(line) {
                guard pending != nil else {
                    problem(number, "选项 \(letter) 出现在题目之前")
                    continue
                }
                guard pending?.options.count ?? 0 < 6 else {
                    problem(number, "选项多于 6 个")
                    continue
                }
                let expected = OptionLetters.all[pending?.options.count ?? 0]
                if letter != expected { problem(number, "选项字母应为 \(expected)，现为 \(letter)") }
                pending?.options.append(QuestionOption(letter: expected, text: text))
            } else if let question = pending, !question.options.isEmpty {
                problem(question.line, "题目缺少 ANSWER 行")
                pending = Pending(line: number, stem: [line])
            } else if pending != nil {
                pending?.stem.append(line)
            } else {
                pending = Pending(line: number, stem: [line])
            }
        }
        if let question = pending { problem(question.line, "题目缺少 ANSWER 行") }
        return bank
    }

    /// `ANSWER: B` (Moodle also accepts `ANSWER:B`).
    static func answerLetter(_ line: String) -> String? {
        guard line.uppercased().hasPrefix("ANSWER:") else { return nil }
        let letter = line.dropFirst("ANSWER:".count).trimmingCharacters(in: .whitespaces).uppercased()
        return letter.isEmpty ? "?" : letter
    }

    /// `A) text` or `A. text`.
    static func option(_ line: String) -> (String, String)? {
        let characters = Array(line)
        guard characters.count >= 3, characters[0].isASCII, characters[0].isUppercase, ")．.".contains(characters[1]),
            characters[2] == " " || characters[2] == "\t"
        else { return nil }
        return (String(characters[0]), String(characters[3...]).trimmingCharacters(in: .whitespaces))
    }
}
