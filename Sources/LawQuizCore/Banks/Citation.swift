/// One article a question rests on, with the statute's own words that prove
/// it. A case question often needs two: the duty in one article and the
/// penalty in another, each checked against its own text.
public struct Citation: Sendable, Hashable {
    /// Law id, e.g. `work-safety`.
    public var lawID: String
    public var article: Int
    /// Verbatim excerpt of this article.
    public var evidence: String

    public init(lawID: String, article: Int, evidence: String) {
        self.lawID = lawID
        self.article = article
        self.evidence = evidence
    }
}
