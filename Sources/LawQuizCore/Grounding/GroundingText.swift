/// How grounding results are named to people: 《安全生产法》第二十一条.
public enum GroundingText {
    public static func citation(_ candidate: GroundingCandidate, library: LawLibrary) -> String {
        guard let law = library.law(named: candidate.lawID), let article = law.article(candidate.article) else {
            return "\(candidate.lawID) \(candidate.article)"
        }
        return "《\(law.shortName)》\(article.heading)"
    }
}
