import Foundation
import Yams

/// Reads exam definition YAML (format in QuestionBanks/EXAMS.md). Stops at the
/// first problem of a file and reports it with its line, in Chinese.
public enum ExamDefinitionLoader {
    static let knownKeys: Set<String> = [
        "id", "title", "sections", "time_limit_minutes", "time_limit_seconds", "full_marks", "pass_mark", "excellent_mark",
        "attempts_allowed", "counting", "multiple_scoring", "shuffle_questions", "shuffle_options", "opens_at",
        "closes_at", "formal", "makeup_of", "required_departments", "exemptions", "review",
    ]
    static let sectionKeys: Set<String> = ["law", "tags", "type", "count", "points"]

    /// Loads one file. `library` normalises law names (`安全生产法` → `work-safety`)
    /// and rejects unknown laws; times without an offset are read in `timeZone`.
    public static func load(file: String, library: LawLibrary?, timeZone: TimeZone = .current) throws -> ExamDefinition {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ExamDefinitionError(file: file, line: 0, message: "无法读取考试定义文件")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ExamDefinitionError(file: file, line: 0, message: "文件不是 UTF-8 编码，请用 UTF-8 另存")
        }
        return try parse(text, file: file, library: library, timeZone: timeZone)
    }

    /// Parses definition text; `file` is used in messages.
    public static func parse(_ text: String, file: String, library: LawLibrary?, timeZone: TimeZone = .current) throws -> ExamDefinition {
        let root: Node?
        do {
            // The basic resolver, as for banks: no regex-based tag resolution
            // (compiling Yams' default rules was about 1 ms of every report's
            // start); numbers are read from plain scalars, flags by `plainBoolean`.
            root = try Yams.compose(yaml: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, .basic)
        } catch let error as YamlError {
            let diagnostic = BankLoader.syntaxDiagnostic(error, file: file)
            throw ExamDefinitionError(file: file, line: diagnostic.line, message: diagnostic.message)
        } catch {
            throw ExamDefinitionError(file: file, line: 0, message: "YAML 语法错误：\(error)")
        }
        guard let root, let mapping = root.mapping else {
            throw ExamDefinitionError(file: file, line: root?.mark?.line ?? 1, message: "考试定义应为映射，至少包含 id、title、time_limit_minutes 和 sections")
        }
        var reader = ExamNodeReader(file: file, mapping: mapping, rootLine: root.mark?.line ?? 1, library: library, timeZone: timeZone)
        return try reader.read()
    }
}
