import Foundation

/// What grounding proposes for one question: ranked candidates, the chosen
/// article with its evidence, and how clearly it leads.
public struct GroundingProposal: Sendable, Hashable {
    /// Best first; at most `Grounder.candidateCount`.
    public var candidates: [GroundingCandidate]
    /// 1 − second score / best score: 0 for a tie, near 1 when nothing else comes close.
    public var confidence: Double
    /// Verbatim excerpt of the best article shared with the question.
    public var evidence: String

    public var best: GroundingCandidate { candidates[0] }

    /// The margin rule: the best article leads the next by a clear share of its score.
    public var isConfident: Bool { confidence >= Grounder.confidentMargin }
}

/// Finds the article a question rests on from its words alone — stem and the
/// correct options, the part of a question the law has to support — for
/// imported questions that come without law, article or evidence.
public struct Grounder: Sendable {
    /// Margin from which a proposal counts as clear (chosen with the benchmark
    /// of `GroundingBenchmark` on the shipped banks).
    public static let confidentMargin = 0.25
    public static let candidateCount = 3
    /// Correct options weigh more than the stem: they state what the article says.
    static let optionWeight = 2.0

    public let library: LawLibrary
    private let ranker: ArticleRanker

    public init(library: LawLibrary) {
        self.library = library
        ranker = ArticleRanker(library: library)
    }

    /// Articles for free text (`lawquiz law cite`), best first.
    public func cite(_ text: String, lawIDs: Set<String>? = nil, limit: Int = 5) -> [GroundingCandidate] {
        ranker.rank([(text, 1)], lawIDs: lawIDs ?? namedLaws(in: text), limit: limit)
    }

    /// Stems that ask for the option the article does NOT support (下列不属于…的是):
    /// there the other options are the article's words.
    static let negativeStems = ["不属于", "不包括", "不正确", "错误的是", "不符合", "不是"]

    /// The texts that must rest on the article: stem, and the correct options
    /// (a false judge statement still uses the article's words) — or, for a
    /// negative stem, every option.
    public static func supportingTexts(of question: Question) -> [(text: String, weight: Double)] {
        var texts: [(String, Double)] = [(question.stem, 1)]
        guard case .options(let letters) = question.answer else { return texts }
        let negative = negativeStems.contains { question.stem.contains($0) }
        for option in question.options where negative || letters.contains(option.letter) {
            texts.append((option.text, negative ? 1 : optionWeight))
        }
        return texts
    }

    /// A proposal for a question, ignoring its current law, article and evidence;
    /// nil when no article shares a word with it. `numbers` keeps only
    /// articles with those numbers (a 题库 row that gives 条号 but no law).
    public func propose(for question: Question, lawIDs: Set<String>? = nil, numbers: Set<Int>? = nil) -> GroundingProposal? {
        let texts = Self.supportingTexts(of: question)
        let laws = lawIDs ?? namedLaws(in: question.stem)
        let candidates = ranker.rank(texts, lawIDs: laws, numbers: numbers, limit: Self.candidateCount)
        guard let first = candidates.first, let law = library.law(named: first.lawID), let article = law.article(first.article) else {
            return nil
        }
        let second = candidates.count > 1 ? candidates[1].score : 0
        let evidence = EvidenceExtractor.evidence(for: texts.map(\.text), in: article)
        return GroundingProposal(candidates: candidates, confidence: max(0, 1 - second / first.score), evidence: evidence)
    }

    /// The question with the proposal applied and marked `grounding: auto`.
    public func ground(_ question: Question, lawIDs: Set<String>? = nil, numbers: Set<Int>? = nil) -> (Question, GroundingProposal)? {
        guard let proposal = propose(for: question, lawIDs: lawIDs, numbers: numbers) else { return nil }
        var grounded = question
        grounded.lawID = proposal.best.lawID
        grounded.article = proposal.best.article
        grounded.evidence = proposal.evidence
        grounded.grounding = .auto
        grounded.confidence = (proposal.confidence * 100).rounded() / 100
        return (grounded, proposal)
    }

    /// The laws a text names by short name or title (《安全生产法》), when it names
    /// exactly one: a stem that says which law it asks about narrows the search.
    func namedLaws(in text: String) -> Set<String>? {
        let named = library.laws.filter { text.contains($0.shortName) || text.contains($0.title) }
        return named.count == 1 ? [named[0].id] : nil
    }
}
