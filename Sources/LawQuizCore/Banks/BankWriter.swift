import Foundation

/// Writes questions as a bank YAML file in the layout of the shipped banks
/// (the format of QuestionBanks/README.md), for `bank import` and `bank ground`.
public enum BankWriter {
    /// `notes` are comments placed under a question's id line (e.g. the
    /// candidate articles of an unclear grounding), keyed by question id.
    public static func yaml(bankID: String, title: String, questions: [Question], notes: [String: [String]] = [:]) -> String {
        var lines = ["bank: \(YAMLText.scalar(bankID))", "title: \(YAMLText.scalar(title))", "questions:"]
        for question in questions {
            lines.append("  - id: \(YAMLText.scalar(question.id))")
            for note in notes[question.id] ?? [] { lines.append("    # \(note.replacingOccurrences(of: "\n", with: " "))") }
            lines.append("    type: \(question.type.rawValue)")
            lines.append("    law: \(YAMLText.scalar(question.lawID))")
            if question.furtherCitations.isEmpty { lines.append("    article: \(question.article)") }
            if let grounding = question.grounding { lines.append("    grounding: \(grounding.rawValue)") }
            if let confidence = question.confidence { lines.append("    confidence: \(String(format: "%.2f", confidence))") }
            if let difficulty = question.difficulty { lines.append("    difficulty: \(difficulty)") }
            if !question.tags.isEmpty {
                lines.append("    tags: [\(question.tags.map(YAMLText.quotedIfNeededInFlow).joined(separator: ", "))]")
            }
            lines.append("    stem: \(YAMLText.scalar(question.stem))")
            if !question.options.isEmpty {
                lines.append("    options:")
                for option in question.options { lines.append("      \(option.letter): \(YAMLText.scalar(option.text))") }
            }
            switch question.answer {
            case .judgement(let value): lines.append("    answer: \(value)")
            case .options: lines.append("    answer: \(question.answer.code)")
            }
            if question.furtherCitations.isEmpty {
                lines.append("    evidence: \(YAMLText.scalar(question.evidence))")
            } else {
                lines.append("    citations:")
                for citation in question.citations {
                    let law = citation.lawID == question.lawID ? "" : "law: \(YAMLText.scalar(citation.lawID)), "
                    lines.append("      - {\(law)article: \(citation.article), evidence: \(YAMLText.quoted(citation.evidence))}")
                }
            }
            lines.append("    explanation: \(YAMLText.scalar(question.explanation))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Comment lines listing the candidate articles of a proposal, for a person to choose from.
    public static func candidateNote(_ proposal: GroundingProposal, library: LawLibrary) -> [String] {
        let list = proposal.candidates.map { candidate in
            GroundingText.citation(candidate, library: library) + String(format: "（%.1f）", candidate.score)
        }
        return [String(format: "自动定位置信度低（%.2f），请核对。候选条文：", proposal.confidence) + list.joined(separator: "、")]
    }
}

extension YAMLText {
    /// Tags sit inside `[ … ]`, where `,` `[` `]` `{` `}` also need quotes.
    static func quotedIfNeededInFlow(_ text: String) -> String {
        text.contains(where: { ",[]{}".contains($0) }) ? quoted(text) : scalar(text)
    }
}
