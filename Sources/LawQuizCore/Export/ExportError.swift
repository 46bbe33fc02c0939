import Foundation

/// Why an export could not be written. Nothing is left behind in any case:
/// the temporary file is removed and an existing file is untouched.
public enum ExportError: LocalizedError, Sendable, Equatable {
    /// The output exists and `--force` was not given.
    case outputExists(path: String)
    /// The folder of the output does not exist or is not writable.
    case cannotCreate(path: String, reason: String)
    /// Writing failed part way (disk full, removed folder, …).
    case writeFailed(path: String, reason: String)
    /// A workbook could not be assembled or read back.
    case workbook(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .outputExists(let path):
            return "输出文件 \(path) 已存在。如要覆盖，请加 --force；原文件未作改动。"
        case .cannotCreate(let path, let reason):
            return "无法在 \(path) 创建输出文件：\(reason)。请检查目录是否存在、是否有写权限。"
        case .writeFailed(let path, let reason):
            return "写入 \(path) 失败：\(reason)。未留下不完整的文件。"
        case .workbook(let path, let reason):
            return "Excel 文件 \(path) 处理失败：\(reason)"
        }
    }
}
