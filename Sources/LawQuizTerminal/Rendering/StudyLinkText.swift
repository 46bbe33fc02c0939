import LawQuizCore

/// `:a` after a wrong practice answer: each cited article with the articles
/// before and after it, under its chapter heading, so the rule is read in its
/// context rather than as a lone sentence (issue 13, study links).
enum StudyLinkText {
    static func neighbourhood(_ question: Question, library: LawLibrary, width: Int, style: TerminalStyle) -> [String] {
        var lines: [String] = []
        for citation in question.citations {
            guard let law = library.law(named: citation.lawID), let cited = law.article(citation.article) else { continue }
            let chapter = law.chapter(of: cited).map { " " + $0.heading } ?? ""
            lines.append(style.bold("《\(BankText.clean(law.shortName))》\(chapter)"))
            for article in ((citation.article - 1)...(citation.article + 1)).compactMap(law.article) {
                lines.append(article.number == citation.article ? style.bold(article.heading + "（本题依据）") : article.heading)
                lines += article.paragraphs.flatMap { BankText.wrapped($0, width: width, firstPrefix: "  ", indent: "") }
            }
        }
        return lines
    }

    /// How to read the same articles from the command line, for when no question follows.
    static func command(_ question: Question, library: LawLibrary) -> String? {
        guard let citation = question.citations.first, let law = library.law(named: citation.lawID) else { return nil }
        return "lawquiz law show \(law.shortName) \(citation.article)"
    }
}
