import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What `stat` says about one bank or statute file, so `CatalogCache` can
/// tell an unchanged folder without reading every file. The change time
/// (ctime) is set by the kernel on every write and cannot be set back by
/// `touch`, so an edit that keeps the size and restores the modification
/// time still changes the stamp.
struct FileStamp: Equatable {
    let size: Int64
    /// Nanoseconds since 1970.
    let modified: Int64
    /// Nanoseconds since 1970 (inode change time).
    let changed: Int64
    let inode: UInt64
    let device: UInt64

    /// nil when `path` is missing, unreadable by `stat` or not a regular file.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        size = Int64(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        inode = UInt64(info.st_ino)
        device = UInt64(info.st_dev)
    }

    var text: String { "\(size):\(modified):\(changed):\(inode):\(device)" }

    /// File times are kept at a coarse clock tick, so a file written within
    /// `window` of `now` may change again with the same stamp (git's "racily
    /// clean" case): such a stamp proves nothing and must not be recorded.
    func isRecent(now: Date, window: TimeInterval = 2) -> Bool {
        let limit = Int64((now.timeIntervalSince1970 - window) * 1_000_000_000)
        return max(modified, changed) >= limit
    }
}
