import Foundation

/// Why the reports could not read the results store. (The name contains
/// "Store", so the executable exits with status 4 for these.)
public enum ReportStoreError: LocalizedError, Sendable, Equatable {
    /// No results file at the path: nothing has been recorded yet.
    case missing(path: String)
    /// The file is an SQLite database but not a LawQuiz results store.
    case notResultsStore(path: String)

    public var errorDescription: String? {
        switch self {
        case .missing(let path):
            return "结果数据库 \(path) 不存在：尚无任何考试记录。请确认 --results 或 LAWQUIZ_RESULTS 指向正确的文件。"
        case .notResultsStore(let path):
            return "\(path) 不是 LawQuiz 结果数据库（缺少考试记录表）。请用 --results 指定正确的文件；原文件未作改动。"
        }
    }
}
