import Foundation

/// Reads Moodle's GIFT format: `::name::`, `$CATEGORY:`, `//` comments,
/// `[html]`/`[plain]`/`[markdown]` prefixes, `\` escapes, `=`/`~` choices
/// with `%weight%`, `{T}`/`{F}` with feedback, `####` general feedback.
/// Types LawQuiz has no form for are listed with their line and skipped.
public struct GIFTReader {
    let library: LawLibrary
    let file: String

    public init(library: LawLibrary, file: String) {
        self.library = library
        self.file = file
    }

    /// Escaped characters become private-use scalars while parsing, so `\=`
    /// never starts an answer; `restore` puts the plain characters back.
    private static let escapes: [(String, String)] = [
        ("\\\\", "\u{E000}"), ("\\~", "\u{E001}"), ("\\=", "\u{E002}"), ("\\#", "\u{E003}"),
        ("\\{", "\u{E004}"), ("\\}", "\u{E005}"), ("\\:", "\u{E006}"), ("\\n", "\n"),
    ]

    static func protect(_ text: String) -> String {
        escapes.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }

    static func restore(_ text: String) -> String {
        escapes.dropLast().reduce(text) { $0.replacingOccurrences(of: $1.1, with: String($1.0.dropFirst())) }
    }

    public func read(_ text: String) -> ImportedBank {
        var bank = ImportedBank()
        var category = ""
        var chunk: [String] = []
        var chunkLine = 0
        let lines = ImportFormat.lines(text)
        func flush() {
            defer { chunk = [] }
            guard !chunk.isEmpty else { return }
            readQuestion(chunk.joined(separator: "\n"), line: chunkLine, category: category, into: &bank)
        }
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("//") { continue }
            if line.isEmpty {
                flush()
                continue
            }
            if line.hasPrefix("$CATEGORY:") {
                flush()
                category = String(line.dropFirst("$CATEGORY:".count)).trimmingCharacters(in: .whitespaces)
                continue
            }
            if chunk.isEmpty { chunkLine = offset + 1 }
            chunk.append(String(raw))
        }
        flush()
        return bank
    }

    private func readQuestion(_ source: String, line: Int, category: String, into bank: inout ImportedBank) {
        func skip(_ kind: String) {
            bank.issues.append(ImportIssue(file: file, line: line, message: "\(kind)不受支持，已跳过", kind: .notice))
        }
        func problem(_ message: String) { bank.issues.append(ImportIssue(file: file, line: line, message: message)) }
        var text = Self.protect(source).trimmingCharacters(in: .whitespacesAndNewlines)
        var name = ""
        if text.hasPrefix("::"), let end = text.range(of: "::", range: text.index(text.startIndex, offsetBy: 2)..<text.endIndex) {
            name = String(text[text.index(text.startIndex, offsetBy: 2)..<end.lowerBound]).trimmingCharacters(in: .whitespaces)
            text = String(text[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var isHTML = false
        for prefix in ["[html]", "[plain]", "[markdown]", "[moodle]"] where text.lowercased().hasPrefix(prefix) {
            isHTML = prefix == "[html]"
            text = String(text.dropFirst(prefix.count))
        }
        guard let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close else {
            return skip("说明（无答案的文字）")
        }
        let before = String(text[..<open]).trimmingCharacters(in: .whitespacesAndNewlines)
        let after = String(text[text.index(after: close)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        var block = String(text[text.index(after: open)..<close])
        var general = ""
        if let feedback = block.range(of: "####") {
            general = String(block[feedback.upperBound...])
            block = String(block[..<feedback.lowerBound])
        }
        block = block.trimmingCharacters(in: .whitespacesAndNewlines)
        let stemText = after.isEmpty ? before : before + "（ ）" + after
        let clean: (String) -> String = { text in
            let restored = Self.restore(text).trimmingCharacters(in: .whitespacesAndNewlines)
            return isHTML ? HTMLText.plain(restored) : restored
        }
        let stem = clean(stemText)
        if block.isEmpty { return skip("问答题（essay）") }
        if block.hasPrefix("#") { return skip("数值题（numerical）") }
        if block.contains("->") { return skip("匹配题（matching）") }
        var question = Question(
            id: Self.identifier(in: clean(name)), type: .judge, lawID: "", article: 0, stem: stem, options: [],
            answer: .judgement(true), evidence: "", explanation: clean(general), source: SourceLocation(file: file, line: line))
        (question.lawID, question.article) = CitationText.lawAndArticle(in: [Self.restore(category), clean(name)], library: library) ?? ("", 0)
        let head = block.split(separator: "#", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).uppercased() } ?? ""
        if ["T", "TRUE", "F", "FALSE"].contains(head) {
            question.answer = .judgement(head.hasPrefix("T"))
        } else {
            let answers = Self.answers(block)
            guard answers.contains(where: { $0.marker == "~" }) else { return skip("填空/简答题（short answer）") }
            guard (2...6).contains(answers.count) else { return problem("选项应有 2 至 6 个，现有 \(answers.count) 个") }
            let letters = OptionLetters.all
            question.options = zip(letters, answers).map { QuestionOption(letter: $0, text: clean($1.text)) }
            switch AnswerText.choiceKey(weights: answers.map(\.weight)) {
            case .success(let (type, right)): (question.type, question.answer) = (type, .options(right))
            case .failure(let weights): return problem("答案权重无法识别为单选或多选：正确选项的权重之和应为 100%（现为 \(weights.text)%）")
            }
        }
        bank.questions.append(ImportedQuestion(question: question, place: "\(file):\(line)"))
    }

    /// `=text#feedback`, `~%50%text`, … split at unescaped `=` / `~`.
    static func answers(_ block: String) -> [(marker: Character, weight: Double, text: String)] {
        var result: [(Character, Double, String)] = []
        var marker: Character?
        var current = ""
        func finish() {
            guard let marker else { return }
            var text = current
            if let hash = text.firstIndex(of: "#") { text = String(text[..<hash]) }
            var weight: Double = marker == "=" ? 100 : 0
            if text.hasPrefix("%"), let end = text.dropFirst().firstIndex(of: "%") {
                weight = Double(text[text.index(after: text.startIndex)..<end]) ?? weight
                text = String(text[text.index(after: end)...])
            }
            result.append((marker, weight, text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        for character in block {
            if character == "=" || character == "~" {
                finish()
                marker = character
                current = ""
            } else {
                current.append(character)
            }
        }
        finish()
        return result
    }

    /// The leading token of a name when it is a question id (`ws1-001 《安全生产法》第一条`).
    static func identifier(in name: String) -> String {
        guard let first = name.split(separator: " ").first, BankImporter.isPortableID(String(first)) else { return "" }
        return String(first)
    }

}
