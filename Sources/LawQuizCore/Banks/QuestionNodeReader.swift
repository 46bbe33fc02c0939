import Yams

/// Turns one YAML mapping into a `Question`, collecting a diagnostic for every
/// missing or mistyped field rather than stopping at the first.
struct QuestionNodeReader {
    let node: Node
    let file: String
    /// The question's fields, indexed once for every read below; nil when it is not a mapping.
    let fields: MappingFields?
    private(set) var diagnostics: [BankDiagnostic] = []

    init(node: Node, file: String) {
        self.node = node
        self.file = file
        fields = node.mapping.map(MappingFields.init)
    }

    private var line: Int { node.mark?.line ?? 0 }

    /// The letters an option may have: a set, not `"ABCDEF".contains`, which bridges to `NSString`.
    static let optionLetters: Set<String> = ["A", "B", "C", "D", "E", "F"]

    mutating func report(_ message: String, at node: Node? = nil) {
        diagnostics.append(BankDiagnostic(file: file, line: node?.mark?.line ?? line, message: message))
    }

    /// Reports at the line of `key` (where an author looks), not of its value.
    mutating func report(_ message: String, key: String, in mapping: MappingFields) {
        report(message, at: mapping.keyNode(key))
    }

    mutating func string(_ key: String, in mapping: MappingFields, label: String, missingAt: Node? = nil) -> String? {
        guard let value = mapping[key] else {
            report("缺少必填字段 \(key)（\(label)）", at: missingAt)
            return nil
        }
        guard let scalar = value.scalar, !scalar.string.isEmpty, !value.isPlainNull else {
            report("字段 \(key)（\(label)）应为非空文字", key: key, in: mapping)
            return nil
        }
        return scalar.string
    }

    mutating func read() -> Question? {
        guard let mapping = fields else {
            report("每道题应为映射（id: …、type: … 等字段）")
            return nil
        }
        for key in mapping.keys {
            if let name = key.string, !BankLoader.knownKeys.contains(name) {
                report("未知字段 “\(name)”（是否拼写错误？可用字段：\(BankLoader.knownKeys.sorted().joined(separator: ", "))）", at: key)
            }
        }
        var id = string("id", in: mapping, label: "题目编号")
        if let text = id, !IdentifierRule.isValid(text) {
            report("id（题目编号）无效：\(IdentifierRule.summary)", key: "id", in: mapping)
            id = nil
        }
        let typeName = string("type", in: mapping, label: "题型")
        var type: QuestionType?
        if let typeName {
            type = QuestionType(name: typeName)
            if type == nil { report("题型 “\(typeName)” 无效，应为 single（单选）、multiple（多选）或 judge（判断）", key: "type", in: mapping) }
        }
        let law = string("law", in: mapping, label: "所依据的法律")
        let citations = readCitations(mapping, law: law)
        let stem = string("stem", in: mapping, label: "题干")
        let explanation = string("explanation", in: mapping, label: "解析")
        let difficulty = readDifficulty(mapping)
        let tags = readTags(mapping)
        let options = type.map { readOptions(mapping, type: $0) } ?? []
        let answer = type.flatMap { readAnswer(mapping, type: $0) }
        guard let id, let type, let citations, let first = citations.first, let stem, let explanation, let answer,
            diagnostics.isEmpty || diagnostics.allSatisfy({ $0.message.hasPrefix("未知字段") })
        else { return nil }
        return Question(
            id: id, type: type, lawID: first.lawID, article: first.article, stem: stem, options: options ?? [],
            answer: answer, evidence: first.evidence, explanation: explanation, difficulty: difficulty, tags: tags,
            furtherCitations: Array(citations.dropFirst()), source: SourceLocation(file: file, line: line))
    }

    mutating func readArticle(_ mapping: MappingFields, missingAt: Node? = nil) -> Int? {
        guard let value = mapping["article"] else {
            report("缺少必填字段 article（条文编号）", at: missingAt)
            return nil
        }
        if let number = value.plainInteger, Law.articleNumbers.contains(number) { return number }
        if let text = value.string {
            var trimmed = text
            if trimmed.hasPrefix("第") { trimmed.removeFirst() }
            if trimmed.hasSuffix("条") { trimmed.removeLast() }
            if let number = ChineseNumeral.value(of: trimmed), Law.articleNumbers.contains(number) { return number }
        }
        report("article（条文编号）应为正整数（1 到 \(Law.articleNumbers.upperBound)），如 21", key: "article", in: mapping)
        return nil
    }

    private mutating func readDifficulty(_ mapping: MappingFields) -> Int? {
        guard let value = mapping["difficulty"] else { return nil }
        guard let number = value.plainInteger, (1...5).contains(number) else {
            report("difficulty（难度）应为 1 到 5 的整数", key: "difficulty", in: mapping)
            return nil
        }
        return number
    }

    private mutating func readTags(_ mapping: MappingFields) -> [String] {
        guard let value = mapping["tags"] else { return [] }
        guard let sequence = value.sequence, sequence.allSatisfy({ $0.scalar != nil }) else {
            report("tags（标签）应为文字列表，如 [第一责任人, 培训]", key: "tags", in: mapping)
            return []
        }
        return sequence.compactMap(\.string)
    }

    /// `nil` inner value means options were present but malformed (already reported).
    private mutating func readOptions(_ mapping: MappingFields, type: QuestionType) -> [QuestionOption]? {
        let value = mapping["options"]
        if type == .judge {
            if value != nil { report("判断题不应有 options（选项）", key: "options", in: mapping) }
            return []
        }
        guard let value else {
            report("\(type.title)缺少 options（选项）")
            return nil
        }
        guard let options = value.mapping else {
            report("options 应为以字母 A–F 为键的映射，如 A: …", key: "options", in: mapping)
            return nil
        }
        var result: [QuestionOption] = []
        for index in options.indices {
            let (key, text) = options[index]
            guard let letter = key.string, Self.optionLetters.contains(letter) else {
                report("选项字母 “\(key.string ?? "?")” 无效，应为 A–F", at: key)
                continue
            }
            guard let scalar = text.scalar, !scalar.string.isEmpty else {
                report("选项 \(letter) 应为非空文字", at: text)
                continue
            }
            result.append(QuestionOption(letter: letter, text: scalar.string))
        }
        return result
    }

    private mutating func readAnswer(_ mapping: MappingFields, type: QuestionType) -> AnswerKey? {
        guard let value = mapping["answer"] else {
            report("缺少必填字段 answer（答案）")
            return nil
        }
        if type == .judge {
            if let truth = value.plainBoolean { return .judgement(truth) }
            switch value.string {
            case "对", "正确", "√": return .judgement(true)
            case "错", "错误", "×": return .judgement(false)
            default:
                report("判断题的 answer 应为 true 或 false", key: "answer", in: mapping)
                return nil
            }
        }
        var letters: [String] = []
        if let sequence = value.sequence {
            letters = sequence.compactMap(\.string)
        } else if let text = value.scalar?.string {
            letters = text.filter { !" ,，、".contains($0) }.map(String.init)
        }
        guard !letters.isEmpty, letters.allSatisfy(Self.optionLetters.contains) else {
            report("answer（答案）应为选项字母，如 \(type == .single ? "B" : "ACD")", key: "answer", in: mapping)
            return nil
        }
        return .options(Set(letters))
    }
}

/// Typed reads of plain scalars under the basic resolver (every scalar a string).
extension Node {
    private var plainText: String? {
        guard let scalar, scalar.style == .plain || scalar.style == .any else { return nil }
        return scalar.string
    }

    /// `~`, `null` or nothing, written without quotes.
    var isPlainNull: Bool {
        switch plainText {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    /// An unquoted whole number.
    var plainInteger: Int? { plainText.flatMap { Int($0) } }

    /// An unquoted `true` / `false` (also yes / no), in any case.
    var plainBoolean: Bool? {
        switch plainText?.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}

/// The optional `grounding` and `confidence` fields, read after the question
/// itself so an imported question keeps how its article was found.
extension QuestionNodeReader {
    /// Sets the fields on `question`; false (with a diagnostic) when one is malformed.
    mutating func readGrounding(into question: inout Question) -> Bool {
        guard let mapping = fields else { return true }
        var valid = true
        if let value = mapping["grounding"] {
            question.grounding = value.string.flatMap(GroundingStatus.init(rawValue:))
            if question.grounding == nil {
                report("grounding 应为 auto（自动定位，待人工核对）或 reviewed（已核对）", key: "grounding", in: mapping)
                valid = false
            }
        }
        if let value = mapping["confidence"] {
            question.confidence = value.string.flatMap(Double.init).flatMap { (0...1).contains($0) ? $0 : nil }
            if question.confidence == nil {
                report("confidence（定位置信度）应为 0 到 1 之间的小数", key: "confidence", in: mapping)
                valid = false
            }
        }
        return valid
    }
}
