import Foundation
import LawQuizCore

#if canImport(Glibc)
    import Glibc
#endif

/// What ties the parsed-bank cache (`CatalogCache`, kept where `Deployment`
/// says) to this build, for every command that loads the catalog.
enum CatalogCacheLocation {
    /// Ties a cached catalog to this build of lawquiz and this banks folder,
    /// so a rebuilt program or a moved folder never reads an old snapshot.
    /// Read with `readlink` and `stat`: it runs at every start.
    static func salt(banks: URL) -> String {
        let executable = ExecutablePath.running() ?? CommandLine.arguments[0]
        var info = stat()
        let stamp = stat(executable, &info) == 0 ? "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)|\(info.st_size)" : "0|0"
        return "\(LawQuiz.version)|\(executable)|\(stamp)|\(banks.standardizedFileURL.path)"
    }
}
