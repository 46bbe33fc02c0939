import Foundation
import LawQuizCore
import LawQuizStore
import LawQuizTerminal

/// What every interactive command needs: banks, the results store, the
/// attempt service, a line reader suited to the terminal (or pipe), output
/// and colour.
struct SessionEnvironment {
    let paths: PathChoice
    let catalog: BankCatalog
    /// Exam definitions from the catalog cache (nil: parse the files when asked).
    let cachedExams: ExamCatalog?
    let store: ResultsStore
    let clock: WallClock
    let service: AttemptService
    let reader: LineReader
    let output: TextOutput
    let style: TerminalStyle

    /// `busyTimeout`: how long one write waits for another process's lock
    /// (`exam take` waits briefly and retries with 正在保存… on screen).
    /// `startWait`: how long a session keeps trying to open a store that is
    /// busy or a server that cannot be reached (restarting, overloaded)
    /// before it gives up; nil gives up at once, as administration commands do.
    init(paths: PathChoice, busyTimeout: TimeInterval = ResultsStore.busyTimeout, startWait: TimeInterval? = nil) throws {
        self.paths = paths
        (catalog, cachedExams) = try paths.loadCatalogAndExams()
        LaunchTrace.mark("catalog")
        if !catalog.diagnostics.isEmpty {
            // A broken bank file drops its questions; say so, or a short paper
            // or an empty practice looks like a mystery.
            Console.error("注意：有 \(catalog.diagnostics.count) 个题库问题，相关题目未计入。请管理员运行 lawquiz bank lint 查看并修正。")
        }
        if let startWait {
            store = try BusyRetry().run(waiting: { Console.error(Self.startNotice($0, seconds: startWait)) }, giveUpAfter: startWait) {
                try paths.openStore(busyTimeout: busyTimeout)
            }
        } else {
            store = try paths.openStore(busyTimeout: busyTimeout)
        }
        LaunchTrace.mark("store")
        // Setting the system clock back during a sitting adds no time.
        clock = MonotonicBoundClock()
        service = AttemptService(store: store, catalog: catalog, clock: clock)
        reader = TerminalFacts.makeLineReader(clock: clock)
        output = StandardOutput()
        // The deployment's copy of the environment (NO_COLOR, TERM): building another costs a start.
        style = TerminalStyle.forStandardOutput(environment: Deployment.current.environment)
        LaunchTrace.mark("session")
    }

    /// What a session shows while it waits to open the store.
    static func startNotice(_ reason: BusyRetry.Reason, seconds: TimeInterval) -> String {
        switch reason {
        case .locked: return "结果数据库正被其他程序占用，等待中（最多 \(Int(seconds)) 秒）…"
        case .unreachable: return "暂时连不上数据库服务器，正在重试（最多 \(Int(seconds)) 秒）…"
        }
    }

    func exams() throws -> ExamCatalog {
        try paths.loadExams(library: catalog.library, cached: cachedExams)
    }
}
