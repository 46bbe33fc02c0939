/// The law and article of a question as other platforms carry them: a
/// category path (安全生产法/第二十一条) and a question name that starts with
/// the id, so an exported bank imports back into the same questions.
enum ExportedCitation {
    static func category(_ question: Question, library: LawLibrary) -> String {
        guard let law = library.law(named: question.lawID), let article = law.article(question.article) else { return question.lawID }
        return "\(law.shortName)/\(article.heading)"
    }

    static func name(_ question: Question, library: LawLibrary) -> String {
        question.id + " " + GroundingText.citation(
            GroundingCandidate(lawID: question.lawID, article: question.article, score: 0), library: library)
    }

    /// Moodle's fraction for each option: right options share 100, wrong ones
    /// share −100, so guessing every option scores nothing. Values are from
    /// Moodle's list of allowed grades (100/3 → 33.33333).
    static func fractions(_ question: Question) -> [String] {
        guard case .options(let right) = question.answer else { return [] }
        let wrongCount = question.options.count - right.count
        return question.options.map { option in
            right.contains(option.letter)
                ? number(100 / Double(right.count))
                : (question.type == .single ? "0" : number(-100 / Double(max(1, wrongCount))))
        }
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded() { return String(Int(value)) }
        var text = String(format: "%.5f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

import Foundation
