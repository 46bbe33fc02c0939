import Foundation

/// Why `lawquiz bank snapshot` could not leave its snapshot beside the banks.
public enum CatalogSnapshotError: LocalizedError, Sendable, Equatable {
    case unwritable(path: String, reason: String)

    public var errorDescription: String? {
        switch self {
        case .unwritable(let path, let reason):
            return "无法写入题库快照 \(path)：\(reason)"
        }
    }
}
