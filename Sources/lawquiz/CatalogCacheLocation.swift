import Foundation
import LawQuizCore

/// What ties the parsed-bank cache (`CatalogCache`, kept where `Deployment`
/// says) to this build, for every command that loads the catalog.
enum CatalogCacheLocation {
    /// Ties a cached catalog to this build of lawquiz and this banks folder,
    /// so a rebuilt program or a moved folder never reads an old snapshot.
    static func salt(banks: URL) -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let attributes = (try? FileManager.default.attributesOfItem(atPath: executable)) ?? [:]
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return "\(LawQuiz.version)|\(executable)|\(modified)|\(size)|\(banks.standardizedFileURL.path)"
    }

}
