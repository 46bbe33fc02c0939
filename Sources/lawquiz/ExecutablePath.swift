import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where the running program is, read with `readlink` and `realpath` rather
/// than `FileManager` and `URL`: both are asked at every start (the
/// installation's configuration, the cache salt, the banks beside a clone's
/// build), and URL's path standardising was a measurable part of it.
enum ExecutablePath {
    /// The file `/proc/self/exe` names (absolute, links resolved), nil when it cannot be read.
    static func running() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count)
        guard length > 0, length < buffer.count else { return nil }
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `argument` (the program name as started) made absolute, without `.`,
    /// `..` or links; a bare name (found through PATH) is `/proc/self/exe`.
    static func absolute(_ argument: String) -> String {
        guard argument.contains("/") else { return running() ?? argument }
        if let resolved = realpath(argument, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // Gone since it started (or unreadable): the path as written, standardised.
        return URL(fileURLWithPath: argument, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.resolvingSymlinksInPath().path
    }
}
