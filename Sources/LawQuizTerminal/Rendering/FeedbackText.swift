import LawQuizCore

/// 解析 and the article reference with its evidence, shared by the exam
/// review and practice feedback.
enum FeedbackText {
    static func explanationAndArticle(
        _ question: Question, lettering: PaperItem, library: LawLibrary, width: Int, style: TerminalStyle
    ) -> [String] {
        var lines = explanation(question, lettering: lettering, width: width)
        lines.append("依据：" + reference(question, library: library))
        if !question.evidence.isEmpty {
            lines += BankText.wrapped("“" + question.evidence + "”", width: width, firstPrefix: "      ", indent: "      ")
                .map(style.dim)
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
    static func reference(_ question: Question, library: LawLibrary) -> String {
        let law = library.law(named: question.lawID)
        let name = law?.shortName ?? question.lawID
        let heading = law?.article(question.article)?.heading ?? "第\(ChineseNumeral.string(from: question.article) ?? String(question.article))条"
        return "《\(BankText.clean(name))》\(heading)"
    }

    /// The whole article text, for practice feedback.
    static func articleText(_ question: Question, library: LawLibrary, width: Int) -> [String] {
        guard let law = library.law(named: question.lawID), let article = law.article(question.article) else { return [] }
        var lines = [article.heading]
        for paragraph in article.paragraphs {
            lines += BankText.wrapped(paragraph, width: width, firstPrefix: "  ", indent: "")
        }
        return lines
    }
}
