/// Checks loaded questions against each other and against the statutes: the
/// rules that make every question well-formed and traceable to its article.
public struct BankLinter: Sendable {
    public let library: LawLibrary
    /// Comparable text of every article, computed once: evidence checks run per question.
    private let comparableArticles: [String: [Int: String]]

    public init(library: LawLibrary) {
        self.library = library
        comparableArticles = Self.comparableArticles(of: library)
    }

    /// Law id → article number → the article's text through `TextNormalizer.comparable`.
    static func comparableArticles(of library: LawLibrary) -> [String: [Int: String]] {
        var texts: [String: [Int: String]] = [:]
        for law in library.laws {
            texts[law.id] = Dictionary(uniqueKeysWithValues: law.articles.map { ($0.number, TextNormalizer.comparable($0.text)) })
        }
        return texts
    }

    /// Every problem in the collection: the loader's plus the semantic checks, in file and line order.
    public func lint(_ collection: BankCollection) -> [BankDiagnostic] {
        var diagnostics = collection.diagnostics
        var firstID: [String: SourceLocation] = [:]
        var firstStem: [String: (SourceLocation, String)] = [:]
        let questions = collection.questions
        firstID.reserveCapacity(questions.count)
        firstStem.reserveCapacity(questions.count)
        let checks = ParallelMap.map(questions) { check($0) }
        for (question, problems) in zip(questions, checks) {
            diagnostics += problems
            if let first = firstID[question.id] {
                diagnostics.append(problem(question, "题目编号 \(question.id) 重复（首次出现在 \(first)）"))
            } else {
                firstID[question.id] = question.source
            }
            let stemKey = TextNormalizer.comparable(question.stem)
            if let (first, firstQuestionID) = firstStem[stemKey] {
                diagnostics.append(problem(question, "题干与 \(firstQuestionID)（\(first)）重复"))
            } else {
                firstStem[stemKey] = (question.source, question.id)
            }
        }
        return diagnostics.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
    }

    /// Ids of `collection` already used by `neighbours` (the other banks of the
    /// same folder): ids are unique across ALL banks, so linting one file
    /// alone must still catch a clash with a bank it was not given.
    public func duplicateIDs(in collection: BankCollection, against neighbours: BankCollection) -> [BankDiagnostic] {
        let linted = Set(collection.banks.map { ($0.file as NSString).standardizingPath })
        var used: [String: SourceLocation] = [:]
        for question in neighbours.questions where !linted.contains((question.source.file as NSString).standardizingPath) {
            if used[question.id] == nil { used[question.id] = question.source }
        }
        return collection.questions.compactMap { question in
            used[question.id].map { problem(question, "题目编号 \(question.id) 重复（同目录的 \($0) 已使用）") }
        }
    }

    private func problem(_ question: Question, _ message: String) -> BankDiagnostic {
        BankDiagnostic(file: question.source.file, line: question.source.line, message: message)
    }

    /// The checks that concern one question alone.
    public func check(_ question: Question) -> [BankDiagnostic] {
        var messages: [String] = []
        messages += answerProblems(question)
        messages += optionProblems(question)
        messages += question.citations.flatMap { citationProblems($0, of: question) }
        let texts = [("id", question.id), ("stem", question.stem), ("evidence", question.evidence),
                     ("explanation", question.explanation)]
            + question.furtherCitations.map { ("citations.evidence", $0.evidence) }
            + question.options.map { ("options.\($0.letter)", $0.text) } + question.tags.map { ("tags", $0) }
        for (field, text) in texts {
            if let unsafe = TextNormalizer.unsafeCharacterDescription(in: text) {
                messages.append("\(question.id)：字段 \(field) 含\(unsafe)，请删除")
            }
        }
        return messages.map { problem(question, $0) }
    }

    private func answerProblems(_ question: Question) -> [String] {
        switch (question.type, question.answer) {
        case (.judge, .judgement):
            return []
        case (.judge, .options):
            return ["\(question.id)：判断题的答案应为 true 或 false"]
        case (_, .judgement):
            return ["\(question.id)：\(question.type.title)的答案应为选项字母"]
        case (let type, .options(let letters)):
            var result: [String] = []
            let available = Set(question.options.map(\.letter))
            let missing = letters.subtracting(available).sorted()
            if !missing.isEmpty, !available.isEmpty {
                result.append("\(question.id)：答案 \(missing.joined()) 不在选项之中（选项为 \(available.sorted().joined())）")
            }
            if type == .single, letters.count != 1 {
                result.append("\(question.id)：单选题应恰有一个正确答案，现为 \(letters.sorted().joined())")
            }
            if type == .multiple, letters.count < 2 {
                result.append("\(question.id)：多选题应有两个或以上正确答案，现为 \(letters.sorted().joined())")
            }
            if type == .multiple, !available.isEmpty, letters == available, available.count > 2 {
                // allowed, but every option right is rare; no message
            }
            return result
        }
    }

    private func optionProblems(_ question: Question) -> [String] {
        guard question.type != .judge else { return [] }
        var result: [String] = []
        let count = question.options.count
        if !(2...6).contains(count) {
            result.append("\(question.id)：选项应有 2 至 6 个，现有 \(count) 个")
        }
        let letters = question.options.map(\.letter)
        let expected = "ABCDEF".prefix(count).map(String.init)
        if letters != expected, Set(letters).count == count {
            result.append("\(question.id)：选项字母应从 A 起依次排列（\(expected.joined())），现为 \(letters.joined())")
        }
        // Six options at most: a list, not a dictionary grown for every question.
        var seen: [(text: String, letter: String)] = []
        for option in question.options {
            let key = TextNormalizer.comparable(option.text)
            if let other = seen.first(where: { $0.text == key })?.letter {
                result.append("\(question.id)：选项 \(other) 与 \(option.letter) 内容相同")
            } else {
                seen.append((key, option.letter))
            }
        }
        return result
    }

    /// The law and article exist and the evidence is that article's own words;
    /// run for every cited article, so each piece of a case is checked.
    private func citationProblems(_ citation: Citation, of question: Question) -> [String] {
        guard let law = library.law(named: citation.lawID) else {
            let names = library.laws.map(\.id).joined(separator: "、")
            return ["\(question.id)：未知法律 “\(citation.lawID)”，可用：\(names)"]
        }
        guard let article = law.article(citation.article) else {
            return ["\(question.id)：《\(law.shortName)》没有第\(citation.article)条（共 \(law.articles.count) 条）"]
        }
        let text = comparableArticles[law.id]?[article.number] ?? TextNormalizer.comparable(article.text)
        if !EvidenceMatcher.occurs(citation.evidence, inComparable: text) {
            return ["\(question.id)：evidence 不是《\(law.shortName)》\(article.heading)的原文摘录（去除空白、统一全半角标点后仍找不到）"]
        }
        return []
    }
}

/// Decides whether an evidence excerpt is verbatim text of an article.
public enum EvidenceMatcher {
    /// True when every piece of `evidence` (pieces joined by `……`) occurs in
    /// `articleText` in order, after `TextNormalizer.comparable` on both.
    public static func occurs(_ evidence: String, in articleText: String) -> Bool {
        occurs(evidence, inComparable: TextNormalizer.comparable(articleText))
    }

    /// As `occurs(_:in:)` for an article text already passed through `TextNormalizer.comparable`.
    public static func occurs(_ evidence: String, inComparable text: String) -> Bool {
        let pieces = Self.pieces(of: evidence).map(TextNormalizer.comparable).filter { !$0.isEmpty }
        guard !pieces.isEmpty else { return false }
        if ComparableSearch.isPlain(text), pieces.allSatisfy(ComparableSearch.isPlain) {
            var searchStart = 0
            for piece in pieces {
                guard let end = ComparableSearch.end(of: piece, in: text, from: searchStart) else { return false }
                searchStart = end
            }
            return true
        }
        var searchStart = text.startIndex
        for piece in pieces {
            guard let range = text.range(of: piece, range: searchStart..<text.endIndex) else { return false }
            searchStart = range.upperBound
        }
        return true
    }

    /// `evidence` cut at every `…`, empty pieces dropped — as splitting at the
    /// Character `…` does; most evidence has none, and a text whose bytes
    /// hold no U+2026 has no such Character, so it is not walked Character by Character.
    static func pieces(of evidence: String) -> [String] {
        guard ComparableSearch.end(of: "…", in: evidence, from: 0) != nil else { return evidence.isEmpty ? [] : [evidence] }
        return evidence.split(separator: "…", omittingEmptySubsequences: true).map(String.init)
    }
}

import Foundation
