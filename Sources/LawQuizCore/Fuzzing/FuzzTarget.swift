import Foundation

/// The input paths a fuzzer drives: one per kind of file or text that an
/// administrator or an examinee can hand the program. The libFuzzer harnesses
/// in Fuzz/ and the regression tests that replay every crash they found call
/// the same `run`, so a fixed crash stays fixed on exactly the path it hit.
/// `run` must return for any bytes: errors are expected, a trap is a bug.
public enum FuzzTarget: String, CaseIterable, Sendable {
    case bankYAML = "bank-yaml"
    case examYAML = "exam-yaml"
    case statute
    case rosterCSV = "roster-csv"
    case rosterXLSX = "roster-xlsx"
    case moodleXML = "moodle-xml"
    case answerInput = "answer-input"

    /// Feeds `data` through this target's path. `library` (the shipped
    /// statutes) lets bank and exam inputs reach the checks that need laws.
    public func run(_ data: Data, library: LawLibrary?) {
        switch self {
        case .bankYAML: Self.bank(data, library: library)
        case .examYAML: Self.exam(data, library: library)
        case .statute: Self.statute(data)
        case .rosterCSV: _ = try? RosterFile.entries(csv: data, file: "fuzz.csv")
        case .rosterXLSX: Self.workbook(data)
        case .moodleXML: _ = try? MoodleXMLReader(library: library ?? LawLibrary(laws: []), file: "fuzz.xml").read(data)
        case .answerInput: Self.answer(data)
        }
    }

    private static func bank(_ data: Data, library: LawLibrary?) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        let (bank, problems) = BankLoader.parse(text, file: "fuzz.yaml")
        let collection = BankCollection(banks: bank.map { [$0] } ?? [], diagnostics: problems)
        if let library {
            let linter = BankLinter(library: library)
            _ = linter.lint(collection).map(\.description)
            _ = linter.duplicateIDs(in: collection, against: collection)
        }
    }

    private static func exam(_ data: Data, library: LawLibrary?) {
        guard let text = String(data: data, encoding: .utf8) else { return }
        let utc = TimeZone(identifier: "UTC") ?? .current
        guard let exam = try? ExamDefinitionLoader.parse(text, file: "fuzz.yaml", library: library, timeZone: utc) else { return }
        // What `exam list`, `exam check` and a sitting compute from a definition.
        _ = [exam.definitionHash, exam.timeLimitText, ExamDefinition.number(exam.fullMarks), ExamDefinition.number(exam.passMark)]
        _ = (exam.questionCount, exam.timeLimit, exam.passes(exam.excellentMark), exam.sections.map { $0.describe() })
        _ = ExamCatalog.checkedAcrossFiles([exam, exam])
    }

    private static func statute(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8), let law = try? StatuteParser.parse(text, fileName: "fuzz-law-2021.md") else { return }
        let library = LawLibrary(laws: [law])
        for article in law.articles.prefix(50) {
            _ = ArticleFormatter.render(article, of: law, width: 40)
            _ = try? library.requireArticle(String(article.number), in: law)
        }
        _ = StatuteSearch.search(["安全", "的"], in: [law])
    }

    private static func workbook(_ data: Data) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-fuzz-\(getpid()).xlsx")
        guard (try? data.write(to: url)) != nil else { return }
        defer { try? FileManager.default.removeItem(at: url) }
        _ = try? RosterWorkbook.entries(xlsx: url, file: "fuzz.xlsx")
    }

    /// First byte: question type and number of options; the rest: the line typed.
    private static func answer(_ data: Data) {
        guard let first = data.first else { return }
        let type = [QuestionType.single, .multiple, .judge][Int(first) % 3]
        let letters = (0..<(2 + Int(first / 3) % 5)).map(OptionLetters.letter(at:))
        let text = String(decoding: data.dropFirst(), as: UTF8.self)
        do {
            _ = try AnswerInput.parse(text, type: type, optionOrder: letters.reversed())
        } catch {
            _ = error.errorDescription
        }
    }
}
