import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal

/// What every interactive command needs: banks, the results store, the
/// attempt service, a line reader suited to the terminal (or pipe), output
/// and colour.
struct SessionEnvironment {
    let paths: PathOptions
    let catalog: BankCatalog
    let store: ResultsStore
    let clock: WallClock
    let service: AttemptService
    let reader: LineReader
    let output: TextOutput
    let style: TerminalStyle

    init(paths: PathOptions) throws {
        self.paths = paths
        catalog = try CatalogCache.load(
            root: paths.resolved.questionBanks, folder: Self.cacheFolder(), salt: Self.cacheSalt(banks: paths.resolved.questionBanks))
        store = try paths.openStore()
        clock = SystemWallClock()
        service = AttemptService(store: store, catalog: catalog, clock: clock)
        reader = TerminalFacts.makeLineReader(clock: clock)
        output = StandardOutput()
        style = TerminalStyle.forStandardOutput()
    }

    /// Where parsed banks are kept between runs: LAWQUIZ_CACHE, else
    /// $XDG_CACHE_HOME/lawquiz or ~/.cache/lawquiz; LAWQUIZ_CACHE=off disables it.
    static func cacheFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
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
    static func cacheSalt(banks: URL) -> String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let attributes = (try? FileManager.default.attributesOfItem(atPath: executable)) ?? [:]
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return "\(LawQuiz.version)|\(executable)|\(modified)|\(size)|\(banks.standardizedFileURL.path)"
    }

    func exams() throws -> ExamCatalog {
        try paths.loadExams(library: catalog.library)
    }
}
