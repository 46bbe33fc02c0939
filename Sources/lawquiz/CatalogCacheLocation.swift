import Foundation
import LawQuizCore

/// Where the parsed-bank cache (`CatalogCache`) lives and what ties it to
/// this build, for every command that loads the catalog.
enum CatalogCacheLocation {
    /// Where parsed banks are kept between runs: LAWQUIZ_CACHE, else
    /// $XDG_CACHE_HOME/lawquiz or ~/.cache/lawquiz; LAWQUIZ_CACHE=off disables it.
    static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let explicit = environment["LAWQUIZ_CACHE"], !explicit.isEmpty {
            return explicit == "off" ? nil : URL(fileURLWithPath: explicit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("lawquiz")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(fileURLWithPath: home).appendingPathComponent(".cache/lawquiz")
    }

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
