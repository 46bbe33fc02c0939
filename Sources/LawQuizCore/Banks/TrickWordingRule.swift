/// Flags a 判断题 whose stem differs from the statute only by a modal swap
/// (应当 → 可以), an added 可以, or one negation (不、未、无、非): such a question turns on a
/// word a careful examinee can argue about (a region that must act also may
/// act), not on a fact. A warning for an author to rewrite the stem so the
/// false version changes a number, a body, a deadline or a duty-holder.
public struct TrickWordingRule: Sendable {
    /// Modal words, longest first so 应当 is read before 应.
    static let modals = ["应当", "可以", "必须", "不得", "有权", "无权", "禁止", "严禁", "不应", "不必", "无须", "应", "须", "可"]
    static let negations = ["没有", "不", "未", "无", "非", "没"]
    /// Permissive words: added to a consequence the article imposes outright (处…罚款), they invite 错 on a 对 key.
    static let permissives: Set<String> = ["可以", "可"]
    /// Shorter clauses match the statute too easily to mean anything.
    static let minimumClauseLength = 6

    private let library: LawLibrary
    private let texts: [String: [Int: String]]

    public init(library: LawLibrary) {
        self.library = library
        texts = BankLinter.comparableArticles(of: library)
    }

    /// One warning per flagged judge question, in the order given.
    public func warnings(_ questions: [Question]) -> [BankDiagnostic] {
        questions.compactMap { question in
            guard question.type == .judge, let finding = finding(question) else { return nil }
            return BankDiagnostic(
                file: question.source.file, line: question.source.line,
                message: "\(question.id)：提示：判断题题干与条文仅差\(finding)，考生可据理争辩；请改写为事实（数字、主体、期限、责任人）上的正误",
                severity: .warning)
        }
    }

    /// 一处情态词（条文“应当”，题干“可以”） when the stem is the statute with one word swapped; nil when clean.
    /// `bytes` false searches with Foundation only (tests compare both ways).
    func finding(_ question: Question, bytes: Bool = true) -> String? {
        let sources = question.citations.flatMap { citation -> [String] in
            let lawID = library.law(named: citation.lawID)?.id ?? citation.lawID
            return [TextNormalizer.comparable(citation.evidence), texts[lawID]?[citation.article]].compactMap { $0 }
        }
        // Dozens of variants per clause are looked for: by bytes where that is
        // Foundation's answer (see ComparableSearch), not through NSString
        // (nine tenths of `bank lint`).
        let plainSources = bytes && sources.allSatisfy(ComparableSearch.isPlain)
        func occurs(_ text: String) -> Bool {
            guard plainSources, !text.isEmpty, ComparableSearch.isPlain(text) else { return sources.contains { $0.contains(text) } }
            return sources.contains { ComparableSearch.end(of: text, in: $0, from: 0) != nil }
        }
        for clause in Self.clauses(question.stem) where clause.count >= Self.minimumClauseLength {
            if occurs(clause) {
                // Found as it stands, but perhaps only as the tail of “不…”: the stem dropped a leading negation.
                if let negation = Self.negationAlwaysBefore(clause, in: sources) { return "一处否定词（题干少了“\(negation)”）" }
                continue
            }
            for (variant, finding) in Self.variants(of: clause) where occurs(variant) {
                return finding
            }
        }
        return nil
    }

    /// The negation that precedes every occurrence of `clause` in the texts that contain it, if one does.
    static func negationAlwaysBefore(_ clause: String, in sources: [String]) -> String? {
        var found: String?
        for source in sources {
            var searchStart = source.startIndex
            while let range = source.range(of: clause, range: searchStart..<source.endIndex) {
                let before = source[..<range.lowerBound]
                guard let negation = negations.first(where: { before.hasSuffix($0) }) else { return nil }
                found = found ?? negation
                searchStart = source.index(after: range.lowerBound)
            }
        }
        return found
    }

    /// The stem cut at sentence and clause punctuation (not at 、, which joins list items).
    static func clauses(_ stem: String) -> [String] {
        stem.split(whereSeparator: { "，。；：！？,;:!?（）()".contains($0) })
            .map { TextNormalizer.comparable(String($0)) }
    }

    /// The clause with one modal replaced by another, a permissive dropped, one negation removed, or one inserted.
    static func variants(of clause: String) -> [(String, String)] {
        let characters = Array(clause)
        var result: [(String, String)] = []
        var index = 0
        while index < characters.count {
            let rest = String(characters[index...])
            let before = String(characters[..<index])
            if let modal = modals.first(where: { rest.hasPrefix($0) }) {
                let after = String(rest.dropFirst(modal.count))
                for other in modals where other != modal {
                    result.append((before + other + after, "一处情态词（条文“\(other)”，题干“\(modal)”）"))
                }
                if permissives.contains(modal) {
                    result.append((before + after, "一处情态词（题干多出“\(modal)”，条文的处理是必须的）"))
                }
            }
            if let negation = negations.first(where: { rest.hasPrefix($0) }) {
                result.append((before + rest.dropFirst(negation.count), "一处否定词（题干多出“\(negation)”）"))
            }
            for negation in negations {
                result.append((before + negation + rest, "一处否定词（题干少了“\(negation)”）"))
            }
            index += 1
        }
        return result
    }
}
