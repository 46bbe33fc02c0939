import Foundation

/// Reads Moodle XML question exports: `multichoice` (single and multiple by
/// fractions), `truefalse` and `category`. HTML is reduced to text; embedded
/// files are left out with a notice; other types are listed and skipped.
public struct MoodleXMLReader {
    let library: LawLibrary
    let file: String

    public init(library: LawLibrary, file: String) {
        self.library = library
        self.file = file
    }

    public func read(_ data: Data) throws -> ImportedBank {
        // Moodle never writes a DTD; one in a question file can only declare
        // entities (external files, exponential expansion), so it is refused.
        let prolog = String(decoding: data.prefix(upTo: data.range(of: Data("<quiz".utf8))?.lowerBound ?? data.endIndex), as: UTF8.self)
        if prolog.range(of: "<!DOCTYPE", options: .caseInsensitive) != nil {
            throw ImportError(file: file, reason: "文件含 DTD（<!DOCTYPE …>）声明；Moodle 导出的文件没有 DTD，出于安全考虑不予读取")
        }
        let root = try XMLTree.parse(data, file: file)
        guard root.name == "quiz" else { throw ImportError(file: file, reason: "不是 Moodle XML 题目文件（根元素应为 <quiz>）") }
        var bank = ImportedBank()
        var category = ""
        for element in root.children where element.name == "question" {
            let type = element.attributes["type"] ?? ""
            let place = "\(file):\(element.line)"
            switch type {
            case "category":
                category = element.child("category")?.child("text")?.text ?? ""
            case "multichoice", "truefalse":
                if element.contains("file") {
                    bank.issues.append(ImportIssue(place: place, message: "题目中嵌入的文件（图片等）已忽略", kind: .notice))
                }
                switch question(element, type: type, category: category) {
                case .success(let question): bank.questions.append(ImportedQuestion(question: question, place: place))
                case .failure(let issue): bank.issues.append(ImportIssue(place: place, message: issue.message))
                }
            default:
                bank.issues.append(ImportIssue(place: place, message: "题型 \(type) 不受支持，已跳过", kind: .notice))
            }
        }
        return bank
    }

    /// Moodle's text format: HTML unless the element says otherwise (plain_text, markdown, moodle_auto_format).
    private static func isHTML(_ element: XMLTree) -> Bool {
        (element.attributes["format"] ?? "html") == "html"
    }

    private struct Problem: Error {
        var message: String
    }

    private func question(_ element: XMLTree, type: String, category: String) -> Result<Question, Problem> {
        func text(_ name: String) -> String {
            guard let node = element.child(name) else { return "" }
            let raw = node.child("text")?.text ?? ""
            return Self.isHTML(node) ? HTMLText.plain(raw) : raw.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let name = element.child("name")?.child("text")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let stem = text("questiontext")
        guard !stem.isEmpty else { return .failure(Problem(message: "题干为空")) }
        var question = Question(
            id: GIFTReader.identifier(in: name), type: .judge, lawID: "", article: 0, stem: stem, options: [],
            answer: .judgement(true), evidence: "", explanation: text("generalfeedback"),
            source: SourceLocation(file: file, line: element.line))
        (question.lawID, question.article) = CitationText.lawAndArticle(in: [category, name], library: library) ?? ("", 0)
        let answers = element.children.filter { $0.name == "answer" }.map { answer in
            let raw = answer.child("text")?.text ?? ""
            let plain = Self.isHTML(answer) ? HTMLText.plain(raw) : raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return (text: plain, fraction: Double(answer.attributes["fraction"] ?? "0") ?? 0)
        }
        if type == "truefalse" {
            guard let right = answers.first(where: { $0.fraction > 0 }), let value = AnswerText.judgement(right.text) else {
                return .failure(Problem(message: "判断题应有一个得分为 100 的 true 或 false 答案"))
            }
            question.answer = .judgement(value)
            return .success(question)
        }
        guard (2...6).contains(answers.count) else { return .failure(Problem(message: "选项应有 2 至 6 个，现有 \(answers.count) 个")) }
        let letters = OptionLetters.all
        question.options = zip(letters, answers).map { QuestionOption(letter: $0, text: $1.text) }
        switch AnswerText.choiceKey(weights: answers.map(\.fraction)) {
        case .success(let (type, right)):
            (question.type, question.answer) = (type, .options(right))
            return .success(question)
        case .failure(let weights):
            return .failure(Problem(message: "答案得分无法识别为单选或多选：正确选项的得分之和应为 100（现为 \(weights.text)）"))
        }
    }
}

/// A small element tree with line numbers, enough for Moodle question files.
final class XMLTree: XMLEventHandler {
    let name: String
    let attributes: [String: String]
    let line: Int
    private(set) var children: [XMLTree] = []
    private(set) var text = ""
    private weak var parent: XMLTree?
    private var current: XMLTree?

    init(name: String, attributes: [String: String], line: Int, parent: XMLTree?) {
        self.name = name
        self.attributes = attributes
        self.line = line
        self.parent = parent
    }

    static func parse(_ data: Data, file: String) throws -> XMLTree {
        let document = XMLTree(name: "", attributes: [:], line: 0, parent: nil)
        document.current = document
        do throws(XMLSyntaxError) {
            try XMLEventReader.read(data, into: document)
        } catch {
            throw ImportError(file: file, reason: "XML 无法解析（第 \(error.line) 行）：\(error.reason)")
        }
        guard let root = document.children.first else { throw ImportError(file: file, reason: "XML 无法解析：没有根元素") }
        return root
    }

    func child(_ name: String) -> XMLTree? { children.first { $0.name == name } }

    /// Whether an element of this name occurs anywhere below.
    func contains(_ name: String) -> Bool { children.contains { $0.name == name || $0.contains(name) } }

    func startElement(_ name: String, attributes: [String: String], line: Int) {
        let node = XMLTree(name: name, attributes: attributes, line: line, parent: current)
        current?.children.append(node)
        current = node
    }

    func endElement(_ name: String) {
        current = current?.parent ?? self
    }

    func characters(_ text: String) { current?.text += text }
}
