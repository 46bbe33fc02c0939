/// The grounding fields of a question in the catalog snapshot, after the
/// question's own fields: the status as text ("" for none), the confidence
/// in thousandths.
extension CatalogSnapshot.Writer {
    mutating func grounding(_ question: Question) {
        string(question.grounding?.rawValue ?? "")
        optionalInt(question.confidence.map { Int(($0 * 1000).rounded()) })
    }
}

extension CatalogSnapshot.Reader {
    mutating func groundedQuestion() throws -> Question {
        var question = try question()
        question.grounding = GroundingStatus(rawValue: try string())
        question.confidence = try optionalInt().map { Double($0) / 1000 }
        return question
    }
}
