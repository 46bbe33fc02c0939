import Foundation

/// Writes questions as the Excel 题库 template `bank import` reads, with the
/// law, article and evidence columns so nothing is lost on the way back.
public enum BankWorkbookWriter {
    public static let headers = ["编号", "题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F", "答案", "解析", "难度", "标签", "法律", "条号", "依据"]

    public static func write(_ questions: [Question], library: LawLibrary, to url: URL, title: String) throws {
        let workbook = try XLSXWorkbook(timeZone: TimeZone(identifier: "UTC") ?? .current)
        defer { workbook.discard() }
        let sheet = try workbook.addSheet(named: "题库", columnWidths: [10, 8, 50] + Array(repeating: 20, count: 6) + [8, 40, 6, 12, 14, 10, 50])
        try sheet.addRow(headers.map(XLSXCell.header))
        for question in questions {
            var cells: [XLSXCell] = [.text(question.id), .text(question.type.title), .text(question.stem)]
            let letters = OptionLetters.all
            cells += letters.map { .text(question.option($0)?.text) }
            let answer: String
            switch question.answer {
            case .judgement(let value): answer = value ? "正确" : "错误"
            case .options: answer = question.answer.code
            }
            let law = library.law(named: question.lawID)
            // A case citing several articles: one 条号 per article (another law's named), one 依据 line each.
            let articles = question.citations.map { citation in
                let other = citation.lawID == question.lawID ? nil : library.law(named: citation.lawID)
                let heading = library.law(named: citation.lawID)?.article(citation.article)?.heading ?? String(citation.article)
                return other.map { "《\($0.shortName)》" + heading } ?? heading
            }
            cells += [
                .text(answer), .text(question.explanation), .number(question.difficulty.map(Double.init)),
                .text(question.tags.joined(separator: "、")), .text(law?.shortName ?? question.lawID),
                .text(articles.joined(separator: "；")), .text(question.citations.map(\.evidence).joined(separator: "\n")),
            ]
            try sheet.addRow(cells)
        }
        try workbook.save(to: url, title: title)
    }
}
