#if canImport(Glibc)
    import Glibc
#endif

/// The regular files below a folder, listed with `readdir` and `stat`:
/// `CatalogCache` checks the bank folders at every start, and FileManager's
/// enumerator with a URL per entry cost about a millisecond of the warm launch.
enum RegularFiles {
    /// Relative paths (`sub/file.yaml`) of the regular files below `folder`,
    /// in name order; links are followed to files but not into folders (as
    /// FileManager's enumerator does). nil when `folder` cannot be listed.
    static func below(_ folder: String) -> [String]? {
        var found: [String] = []
        guard collect(folder: folder, prefix: "", depth: 0, into: &found) else { return nil }
        return found.sorted()
    }

    /// Deeper folders than this are not searched (a bank tree is two levels at most).
    private static let maxDepth = 16

    private static func collect(folder: String, prefix: String, depth: Int, into found: inout [String]) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = folder + "/" + name
            var own = stat()
            guard lstat(path, &own) == 0 else { continue }
            switch own.st_mode & S_IFMT {
            case S_IFDIR:
                if depth < maxDepth { _ = collect(folder: path, prefix: prefix + name + "/", depth: depth + 1, into: &found) }
            case S_IFREG:
                found.append(prefix + name)
            case S_IFLNK:
                var target = stat()
                if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG { found.append(prefix + name) }
            default:
                break
            }
        }
        return true
    }
}
