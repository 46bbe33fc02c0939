import Foundation

/// A problem in an exam definition file, always with file and line so the
/// author can go straight to it.
public struct ExamDefinitionError: LocalizedError, Sendable, Hashable {
    public var file: String
    public var line: Int
    public var message: String
    /// The exam id the problem makes unusable, when the file was read far
    /// enough to know it (e.g. an id used by two files).
    public var examID: String?

    public init(file: String, line: Int, message: String, examID: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.examID = examID
    }

    public var errorDescription: String? { "\(file):\(line): \(message)" }
}

/// Errors looking up exams.
public enum ExamCatalogError: LocalizedError, Sendable, Hashable {
    /// No definition with this id; lists the ids that exist.
    case unknownExam(id: String, available: [String])
    /// The exams folder is missing.
    case missingFolder(path: String)

    public var errorDescription: String? {
        switch self {
        case .unknownExam(let id, let available):
            let list = available.isEmpty ? "（没有可用的考试）" : available.joined(separator: "、")
            return "找不到考试 “\(id)”。可用的考试：\(list)。运行 lawquiz exam list 查看。"
        case .missingFolder(let path):
            return "找不到考试定义目录 \(path)（应在 QuestionBanks/exams/ 下放置 *.yaml）"
        }
    }
}
