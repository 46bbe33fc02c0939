/// The warnings `bank lint` gives for questions whose law, article and
/// evidence were proposed by grounding and not yet confirmed by a person:
/// usable, but the promise that each question rests on its article is only
/// kept once someone has read the article and set `grounding: reviewed`.
public enum GroundingReview {
    public static func warnings(_ questions: [Question], library: LawLibrary) -> [BankDiagnostic] {
        questions.filter { $0.grounding == .auto }.map { question in
            let citation = GroundingText.citation(
                GroundingCandidate(lawID: question.lawID, article: question.article, score: 0), library: library)
            let confidence = question.confidence.map { String(format: "，置信度 %.2f", $0) } ?? ""
            return BankDiagnostic(
                file: question.source.file, line: question.source.line,
                message: "警告：\(question.id) 的条文依据为自动定位（\(citation)\(confidence)），请核对后改为 grounding: reviewed",
                severity: .warning)
        }
    }
}
