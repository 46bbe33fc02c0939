import LawQuizCore

/// 解析 and the article references with their evidence, shared by the exam
/// review and practice feedback. A case question shows every article it cites.
enum FeedbackText {
    static func explanationAndArticle(
        _ question: Question, lettering: PaperItem, library: LawLibrary, width: Int, style: TerminalStyle
    ) -> [String] {
        explanation(question, lettering: lettering, width: width) + citedEvidence(question, library: library, width: width, style: style)
    }

    /// `依据：《…》第X条` and its excerpt, for each cited article.
    static func citedEvidence(_ question: Question, library: LawLibrary, width: Int, style: TerminalStyle) -> [String] {
        var lines: [String] = []
        for citation in question.citations {
            lines.append("依据：" + reference(citation, library: library))
            if !citation.evidence.isEmpty {
                lines += BankText.wrapped("“" + citation.evidence + "”", width: width, firstPrefix: "      ", indent: "      ")
                    .map(style.dim)
            }
        }
        return lines
    }

    /// 解析 with option letters as shown on this paper (`lettering`), since
    /// options are shuffled and the bank text names them by bank letter.
    static func explanation(_ question: Question, lettering: PaperItem, width: Int) -> [String] {
        guard !question.explanation.isEmpty else { return [] }
        let text = lettering.relabelingOptionLetters(in: BankText.clean(question.explanation))
        return BankText.wrapped(text, width: width, firstPrefix: "解析：", indent: "      ")
    }

    /// 《安全生产法》第二十一条.
    static func reference(_ citation: Citation, library: LawLibrary) -> String {
        let law = library.law(named: citation.lawID)
        return "《\(BankText.clean(law?.shortName ?? citation.lawID))》" + heading(citation, law: law)
    }

    private static func heading(_ citation: Citation, law: Law?) -> String {
        law?.article(citation.article)?.heading
            ?? "第\(ChineseNumeral.string(from: citation.article) ?? String(citation.article))条"
    }

    /// The whole text of each cited article, for practice feedback: its
    /// reference and wrapped paragraphs. Nil when any cited article is missing from the statutes.
    static func articleTexts(_ question: Question, library: LawLibrary, width: Int) -> [(reference: String, lines: [String])]? {
        var texts: [(reference: String, lines: [String])] = []
        for citation in question.citations {
            guard let law = library.law(named: citation.lawID), let article = law.article(citation.article) else { return nil }
            let lines = article.paragraphs.flatMap { BankText.wrapped($0, width: width, firstPrefix: "  ", indent: "") }
            texts.append((reference(citation, library: library), lines))
        }
        return texts
    }
}
