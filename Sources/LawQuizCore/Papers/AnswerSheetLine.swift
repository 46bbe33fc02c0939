import Foundation

/// Why a keyed-in answer string does not fit its paper.
public enum AnswerSheetError: LocalizedError, Sendable, Hashable {
    /// Fewer answers than questions.
    case tooFew(given: Int, expected: Int)
    /// Text left over after the last question.
    case tooMany(expected: Int, rest: String)
    /// One answer that is not valid for its question (1-based number on the paper).
    case badAnswer(number: Int, text: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .tooFew(let given, let expected): return "只有 \(given) 个答案，本卷（本部分）共 \(expected) 题（未作答的题请填 -）"
        case .tooMany(let expected, let rest): return "本卷（本部分）共 \(expected) 题，答案多出“\(rest)”"
        case .badAnswer(let number, let text, let reason): return "第 \(number) 题答案“\(text)”：\(reason)"
        }
    }
}

/// The answers of one printed answer sheet keyed in as one string, in paper
/// order — fast to type from a sheet and easy to check by eye:
///
/// - 单选题: one letter (`A`); 判断题: one of `对 错 √ × T F Y N V X`;
/// - 多选题: its letters followed by `/` (or `,` `，` `、` `|`), e.g. `ABD/`;
///   the mark may be left off after the last answer of the string;
/// - `-` (or `_`) for a question left blank;
/// - spaces and the marks above between answers are ignored, letters may be
///   lower case or full width.
///
/// So a paper of 3 单选, 2 多选 and 3 判断 reads `ABD ABD/AC/ √×√`.
public enum AnswerSheetLine {
    static let delimiters = Set<Character>("/,，、|;；")

    /// Answers (bank letters) by the items' `index`; blanks are absent.
    public static func parse(_ text: String, items: [PaperItem]) throws(AnswerSheetError) -> [Int: AnswerKey] {
        let characters = Array(AnswerInput.halfWidth(text))
        var position = 0
        var answers: [Int: AnswerKey] = [:]
        func skipGaps() {
            while position < characters.count, characters[position].isWhitespace || delimiters.contains(characters[position]) {
                position += 1
            }
        }
        for (offset, item) in items.enumerated() {
            skipGaps()
            guard position < characters.count else { throw .tooFew(given: offset, expected: items.count) }
            let token: String
            if characters[position] == "-" || characters[position] == "_" {
                position += 1
                continue
            } else if item.type == .multiple {
                var letters = ""
                while position < characters.count, !delimiters.contains(characters[position]) {
                    if !characters[position].isWhitespace { letters.append(characters[position]) }
                    position += 1
                }
                token = letters
            } else {
                token = String(characters[position])
                position += 1
            }
            do {
                answers[item.index] = try AnswerInput.parse(token, type: item.type, optionOrder: item.optionOrder)
            } catch {
                throw .badAnswer(number: item.index + 1, text: token, reason: error.errorDescription ?? "")
            }
        }
        skipGaps()
        if position < characters.count {
            throw .tooMany(expected: items.count, rest: String(characters[position...]))
        }
        return answers
    }

    /// The answers written back in the same notation (display letters), for
    /// the read-back after keying in and in the marking key.
    public static func format(_ answers: [Int: AnswerKey], items: [PaperItem]) -> String {
        var text = ""
        var previous: QuestionType?
        for item in items {
            if let previous, previous != item.type { text += " " }
            previous = item.type
            let shown = answers[item.index].map { answer -> String in
                if case .judgement(let value) = answer { return value ? "√" : "×" }
                return item.displayText(of: answer)
            } ?? "-"
            text += shown + (item.type == .multiple ? "/" : "")
        }
        return text
    }
}
