import Foundation
import Yams

/// Reads bank YAML files into questions, reporting every structural problem
/// with its file and line instead of stopping at the first.
public enum BankLoader {
    static let knownKeys: Set<String> = [
        "grounding", "confidence",
        "id", "type", "law", "article", "stem", "options", "answer", "evidence", "explanation", "difficulty", "tags",
        "citations",
    ]

    /// One constructor for every file: `Constructor.default` builds its tables
    /// anew at each use. Never changed after it is made, so shared by the threads.
    nonisolated(unsafe) private static let constructor = Constructor.default

    /// Expands folders to their `*.yaml` / `*.yml` files (sorted); missing paths become diagnostics.
    public static func bankFiles(in paths: [String]) -> (files: [String], diagnostics: [BankDiagnostic]) {
        var files: [String] = []
        var diagnostics: [BankDiagnostic] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(
                    BankDiagnostic(file: path, line: 0, message: "找不到题库文件或目录，请检查路径", severity: .unreadable))
                continue
            }
            if isDirectory.boolValue {
                let entries = (try? manager.contentsOfDirectory(atPath: path)) ?? []
                let yaml = entries.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                if yaml.isEmpty {
                    diagnostics.append(
                        BankDiagnostic(
                            file: path, line: 0, message: "目录中没有题库文件（*.yaml）", severity: .unreadable))
                }
                files += yaml.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return (files, diagnostics)
    }

    /// Loads banks from files and folders. Questions with structural problems are
    /// left out of the result and reported.
    public static func load(paths: [String]) -> BankCollection {
        let (files, fileProblems) = bankFiles(in: paths)
        var banks: [QuestionBank] = []
        var diagnostics = fileProblems
        for (bank, problems) in ParallelMap.map(files, { load(file: $0) }) {
            diagnostics += problems
            if let bank { banks.append(bank) }
        }
        return BankCollection(banks: banks, diagnostics: diagnostics)
    }

    /// Reads one file: unreadable and non-UTF-8 files become diagnostics.
    public static func load(file: String, allowsUngrounded: Bool = false) -> (QuestionBank?, [BankDiagnostic]) {
        guard let data = FileManager.default.contents(atPath: file) else {
            return (nil, [BankDiagnostic(file: file, line: 0, message: "无法读取文件（权限不足或不是普通文件）", severity: .unreadable)])
        }
        // As String(data:encoding: .utf8) reads it (one leading byte-order mark
        // dropped), without Foundation's generic decoding.
        let hasMark = data.starts(with: [0xEF, 0xBB, 0xBF])
        guard let text = String(validating: hasMark ? data.dropFirst(3) : data[...], as: UTF8.self) else {
            let line = firstInvalidUTF8Line(data)
            return (nil, [BankDiagnostic(file: file, line: line, message: "文件不是 UTF-8 编码，请用 UTF-8 另存", severity: .unreadable)])
        }
        return parse(text, file: file, allowsUngrounded: allowsUngrounded)
    }

    /// Parses bank YAML text; `file` is used in messages and as the bank id.
    /// `allowsUngrounded` accepts questions without law, article and evidence
    /// (read with an empty law id and article 0) for grounding to complete.
    public static func parse(_ text: String, file: String, allowsUngrounded: Bool = false) -> (QuestionBank?, [BankDiagnostic]) {
        let bankID = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let root: Node?
        do {
            // The basic resolver keeps every scalar a string: no regex-based tag
            // resolution (a large part of load time); numbers and booleans are
            // read explicitly where a field expects them. The text is a Swift
            // string, so UTF-8 (Yams would look its encoding up in the environment).
            // `BankYAMLComposer` builds the same nodes faster; what it does not
            // take (errors above all) Yams composes and reports.
            let yaml = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
            if let composed = BankYAMLComposer.compose(yaml: yaml, constructor: constructor) {
                root = composed.root
            } else {
                root = try Yams.compose(yaml: yaml, .basic, constructor, .utf8)
            }
        } catch let error as YamlError {
            return (nil, [syntaxDiagnostic(error, file: file)])
        } catch {
            return (nil, [BankDiagnostic(file: file, line: 0, message: "YAML 语法错误：\(error)", severity: .unreadable)])
        }
        guard let root, let mapping = root.mapping else {
            return (nil, [BankDiagnostic(file: file, line: root?.mark?.line ?? 1, message: "题库文件应为映射，至少包含 questions: 列表")])
        }
        var diagnostics: [BankDiagnostic] = []
        let title = mapping["title"]?.string ?? bankID
        guard let list = mapping["questions"] else {
            return (nil, [BankDiagnostic(file: file, line: root.mark?.line ?? 1, message: "缺少 questions: 列表")])
        }
        guard let sequence = list.sequence else {
            let keyLine = mapping.first { $0.key.string == "questions" }?.key.mark?.line
            return (nil, [BankDiagnostic(file: file, line: keyLine ?? list.mark?.line ?? 1, message: "questions 应为列表（每题以“- ”开头）")])
        }
        var questions: [Question] = []
        for node in sequence {
            let draft = allowsUngrounded ? DraftQuestion.completed(node) : nil
            var reader = QuestionNodeReader(node: draft ?? node, file: file)
            if var question = reader.read(), reader.readGrounding(into: &question) {
                if draft != nil { DraftQuestion.clear(&question) }
                questions.append(question)
            }
            diagnostics += reader.diagnostics
        }
        return (QuestionBank(id: bankID, title: title, file: file, questions: questions), diagnostics)
    }

    static func syntaxDiagnostic(_ error: YamlError, file: String) -> BankDiagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // The parser notices a problem where it stops (often the next
            // line); the construct it was reading began at the context mark.
            let detail = context.map { context in
                context.mark.line != mark.line && context.mark.line > 0
                    ? "\(problem)，\(context.text)：该结构从第 \(context.mark.line) 行开始" : "\(problem)，\(context.text)"
            } ?? problem
            return BankDiagnostic(
                file: file, line: mark.line,
                message: "YAML 语法错误（\(detail)）：请检查缩进、冒号后的空格，含“: ”或“#”的文字请加引号",
                severity: .unreadable)
        case .reader(let problem, _, _, _):
            return BankDiagnostic(file: file, line: 0, message: "无法读取 YAML（\(problem)）", severity: .unreadable)
        case .duplicatedKeysInMapping(let duplicates, let context):
            return BankDiagnostic(
                file: file, line: context.mark.line,
                message: "同一映射中字段重复：\(duplicates.joined(separator: "、"))", severity: .unreadable)
        default:
            return BankDiagnostic(file: file, line: 0, message: "YAML 错误：\(error)", severity: .unreadable)
        }
    }

    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            if String(data: data[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = data.index(after: index)
        }
        return line
    }
}
