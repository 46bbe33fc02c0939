import Foundation

/// Reads the Excel / CSV 题库 that 普法 offices circulate: one question per
/// row under a header row (found below any title rows), with the column names
/// in their usual variants. CSV and workbook rows share this reader, so both
/// accept the same files and report the same problems.
public struct SpreadsheetBankReader {
    /// The columns a 题库 may have.
    enum Column: Hashable {
        case id, type, stem, options, option(String), answer, explanation, law, article, evidence, difficulty, tags
    }

    static let headerNames: [Column: [String]] = [
        .id: ["编号", "题目编号", "ID", "试题编号"],
        .type: ["题型", "题目类型", "试题类型", "类型", "题目题型"],
        .stem: ["题干", "题目", "题目内容", "试题", "试题内容", "问题", "题目名称"],
        .options: ["选项", "备选项", "选项内容"],
        .answer: ["答案", "正确答案", "正确选项", "参考答案", "标准答案"],
        .explanation: ["解析", "答案解析", "试题解析", "题目解析"],
        .law: ["法律", "法律名称", "法规", "所属法律"],
        .article: ["条款", "条号", "法条", "条文", "依据条款"],
        .evidence: ["依据", "条文依据", "依据原文"],
        .difficulty: ["难度", "难易程度", "难易度"],
        .tags: ["标签", "知识点", "分类", "章节"],
    ]

    let library: LawLibrary
    /// Names a cell for messages: (row number, column index) → `file:12` or `file:题库!C12`.
    let place: (Int, Int?) -> String

    public init(library: LawLibrary, place: @escaping (Int, Int?) -> String) {
        self.library = library
        self.place = place
    }

    /// Normalised header text: NFKC, no spaces or required-field stars, upper case.
    static func key(_ header: String) -> String {
        String(header.precomposedStringWithCompatibilityMapping.uppercased().filter { !" *\t\n\r:：".contains($0) })
    }

    static func column(for header: String) -> Column? {
        let key = key(header)
        for letter in OptionLetters.all {
            if [letter, "选项" + letter, letter + "选项", "选项(" + letter + ")"].contains(key) { return .option(letter) }
        }
        for (column, names) in headerNames where names.contains(where: { Self.key($0) == key }) { return column }
        return nil
    }

    /// The header row: the first of the top rows naming a stem and an answer column.
    static func headerIndex(_ rows: [CSVRecord]) -> Int? {
        rows.prefix(20).firstIndex { row in
            let columns = Set(row.fields.compactMap(column(for:)))
            return columns.contains(.stem) && columns.contains(.answer)
        }
    }

    public func read(_ rows: [CSVRecord]) -> ImportedBank {
        var bank = ImportedBank()
        guard let headerAt = Self.headerIndex(rows) else {
            bank.issues.append(ImportIssue(
                place: place(rows.first?.line ?? 1, nil),
                message: "找不到表头行：应有“题干”（或 题目/试题/问题）和“答案”（或 正确答案/正确选项）两列"))
            return bank
        }
        var columns: [Column: Int] = [:]
        for (index, header) in rows[headerAt].fields.enumerated() {
            if let column = Self.column(for: header), columns[column] == nil { columns[column] = index }
        }
        for row in rows[(headerAt + 1)...] {
            if let question = readRow(row, columns: columns, issues: &bank.issues) { bank.questions.append(question) }
        }
        if bank.questions.isEmpty, bank.problems.isEmpty {
            bank.issues.append(ImportIssue(place: place(rows[headerAt].line, nil), message: "表头下没有任何题目"))
        }
        return bank
    }

    private func readRow(_ row: CSVRecord, columns: [Column: Int], issues: inout [ImportIssue]) -> ImportedQuestion? {
        func cell(_ column: Column) -> String {
            guard let index = columns[column], row.fields.indices.contains(index) else { return "" }
            return row.fields[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func problem(_ column: Column?, _ message: String) {
            issues.append(ImportIssue(place: place(row.line, column.flatMap { columns[$0] }), message: message))
        }
        let stem = cell(.stem)
        guard !stem.isEmpty else {
            if row.fields.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) { problem(.stem, "题干为空") }
            return nil
        }
        var options: [QuestionOption] = []
        let letters = OptionLetters.all
        if columns.keys.contains(where: { if case .option = $0 { return true } else { return false } }) {
            for letter in letters {
                let text = cell(.option(letter))
                if !text.isEmpty { options.append(QuestionOption(letter: letter, text: text)) }
            }
        } else if !cell(.options).isEmpty {
            let pieces = cell(.options).split(whereSeparator: { "|｜；;\n".contains($0) })
                .map { Self.withoutLetterPrefix($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
            guard pieces.count <= letters.count else {
                problem(.options, "选项多于 6 个（\(pieces.count) 个）")
                return nil
            }
            options = zip(letters, pieces).map { QuestionOption(letter: $0, text: $1) }
        }
        let answerText = cell(.answer)
        var type: QuestionType?
        if !cell(.type).isEmpty {
            type = AnswerText.type(cell(.type))
            if type == nil { problem(.type, "题型“\(cell(.type))”无法识别，应为 单选、多选 或 判断") ; return nil }
        } else if options.isEmpty {
            type = .judge
        } else {
            type = (AnswerText.letters(answerText)?.count ?? 0) > 1 ? .multiple : .single
        }
        guard let type else { return nil }
        let answer: AnswerKey
        if type == .judge {
            guard let value = AnswerText.judgement(answerText) else {
                problem(.answer, "判断题答案“\(answerText)”无法识别，应为 正确/错误、对/错、√/× 或 T/F")
                return nil
            }
            answer = .judgement(value)
            options = []
        } else {
            guard let chosen = AnswerText.letters(answerText) else {
                problem(.answer, "答案“\(answerText)”无法识别，应为选项字母，如 B 或 ABD")
                return nil
            }
            answer = .options(chosen)
        }
        var lawID = "", article = 0
        var citations: [Citation] = []
        let citation = cell(.law) + " " + cell(.article)
        let segments = cell(.article).split(whereSeparator: { "；;\n".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if segments.count > 1 {
            // Several articles (a case: the duty and the penalty), one 依据 line each.
            guard let read = multipleCitations(segments, law: cell(.law), evidence: cell(.evidence), problem: { problem($0, $1) }) else { return nil }
            citations = read
            (lawID, article) = (read[0].lawID, read[0].article)
        } else if cell(.law).isEmpty, !cell(.article).isEmpty, CitationText.law(in: citation, library: library) == nil {
            // 条号 without a law (a one-law 题库): grounding picks the law whose article this is.
            guard let number = CitationText.article(in: cell(.article)), library.laws.contains(where: { $0.article(number) != nil }) else {
                problem(.article, "条号“\(cell(.article))”无法识别，应写成 21、第二十一条 或 《安全生产法》第二十一条")
                return nil
            }
            article = number
        } else if !cell(.law).isEmpty || !cell(.article).isEmpty {
            guard let law = CitationText.law(in: citation, library: library) else {
                problem(cell(.law).isEmpty ? .article : .law, "法律“\(citation.trimmingCharacters(in: .whitespaces))”无法识别，可用：\(library.laws.map(\.shortName).joined(separator: "、"))")
                return nil
            }
            guard let number = CitationText.article(in: cell(.article)), law.article(number) != nil else {
                problem(.article, "条号“\(cell(.article))”无法识别或《\(law.shortName)》没有该条")
                return nil
            }
            (lawID, article) = (law.id, number)
        }
        var difficulty: Int?
        if !cell(.difficulty).isEmpty {
            difficulty = Self.difficulty(cell(.difficulty))
            if difficulty == nil { problem(.difficulty, "难度“\(cell(.difficulty))”无法识别，应为 1–5 或 易/中/难") ; return nil }
        }
        let tags = cell(.tags).split(whereSeparator: { ",，、;；|".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let question = Question(
            id: cell(.id), type: type, lawID: lawID, article: article, stem: stem, options: options, answer: answer,
            evidence: citations.first?.evidence ?? cell(.evidence), explanation: cell(.explanation), difficulty: difficulty, tags: tags,
            furtherCitations: Array(citations.dropFirst()),
            source: SourceLocation(file: place(row.line, nil), line: row.line))
        return ImportedQuestion(question: question, place: place(row.line, nil))
    }

    /// `第二十一条；第九十四条` (or `《档案法》第五条` for another law) with the 依据
    /// lines in the same order; evidence may be left empty for all of them.
    private func multipleCitations(
        _ segments: [String], law lawText: String, evidence: String, problem: (Column?, String) -> Void
    ) -> [Citation]? {
        let pieces = evidence.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard pieces.isEmpty || pieces.count == segments.count else {
            problem(.evidence, "依据应与条号一一对应（每条一行）：条号 \(segments.count) 条，依据 \(pieces.count) 行")
            return nil
        }
        var citations: [Citation] = []
        for (index, segment) in segments.enumerated() {
            guard let law = CitationText.law(in: segment, library: library) ?? CitationText.law(in: lawText, library: library),
                let number = CitationText.article(in: segment), law.article(number) != nil
            else {
                problem(.article, "条号“\(segment)”无法识别：应写成 第二十一条 或 《安全生产法》第二十一条，且法律中有该条")
                return nil
            }
            citations.append(Citation(lawID: law.id, article: number, evidence: pieces.isEmpty ? "" : pieces[index]))
        }
        return citations
    }

    /// `A. text`, `A、text`, `A）text` → `text` (one 选项 column often repeats the letters).
    static func withoutLetterPrefix(_ text: String) -> String {
        let folded = Array(text)
        guard folded.count > 2, "ABCDEFabcdef".contains(folded[0]), ".、)）:：．".contains(folded[1]) else { return text }
        return String(folded.dropFirst(2)).trimmingCharacters(in: .whitespaces)
    }

    /// 1–5, or 易/较易/中/较难/难 and their usual synonyms.
    static func difficulty(_ text: String) -> Int? {
        if let number = Int(text.precomposedStringWithCompatibilityMapping), (1...5).contains(number) { return number }
        switch text {
        case "易", "容易", "简单": return 1
        case "较易", "较简单": return 2
        case "中", "中等", "一般", "适中": return 3
        case "较难": return 4
        case "难", "困难": return 5
        default: return nil
        }
    }
}
