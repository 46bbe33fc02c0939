import Foundation

/// Measures grounding on questions whose article is known: each is grounded
/// as if its law, article and evidence were missing, and the proposal is
/// compared with the articles a person cited (a case question citing a duty
/// and a penalty is right with either).
public struct GroundingBenchmark: Sendable {
    public struct Result: Sendable {
        public var questions = 0
        public var top1 = 0
        public var top3 = 0
        /// Proposed evidence passes `bank lint` for the proposed article.
        public var evidencePasses = 0
        public var confident = 0
        public var confidentCorrect = 0
        /// Questions whose best article was wrong: id, expected, proposed.
        public var misses: [(id: String, expected: String, proposed: String)] = []

        public func share(_ count: Int) -> Double { questions == 0 ? 0 : Double(count) / Double(questions) }
    }

    public let grounder: Grounder
    private let linter: BankLinter

    public init(library: LawLibrary) {
        grounder = Grounder(library: library)
        linter = BankLinter(library: library)
    }

    public func run(_ questions: [Question]) -> Result {
        var result = Result()
        for question in questions {
            result.questions += 1
            var stripped = question
            stripped.lawID = ""
            stripped.article = 0
            stripped.evidence = ""
            stripped.furtherCitations = []
            guard let (grounded, proposal) = grounder.ground(stripped) else {
                result.misses.append((question.id, "\(question.lawID) \(question.article)", "—"))
                continue
            }
            let ranks = proposal.candidates.map { "\($0.lawID) \($0.article)" }
            let expected = question.citations.map { "\($0.lawID) \($0.article)" }
            let hit = expected.contains(ranks[0])
            if hit { result.top1 += 1 } else { result.misses.append((question.id, expected.joined(separator: " / "), ranks[0])) }
            if ranks.prefix(3).contains(where: expected.contains) { result.top3 += 1 }
            if proposal.isConfident {
                result.confident += 1
                if hit { result.confidentCorrect += 1 }
            }
            if linter.check(grounded).isEmpty { result.evidencePasses += 1 }
        }
        return result
    }
}
