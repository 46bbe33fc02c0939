import Foundation

/// A file named on the command line could not be read (exit status 2).
struct InputFileError: LocalizedError {
    var path: String

    var errorDescription: String? { "无法读取文件 \(path)，请检查路径和权限" }
}
