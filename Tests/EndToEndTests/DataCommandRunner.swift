import Foundation
import LawQuizCore
import LawQuizStore
import XCTest

/// Runs the built `lawquiz` binary for the exam-data end-to-end tests, with
/// the repository's banks and a throw-away results file.
struct DataCommandRunner {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `lawquiz` beside the test bundle (same build configuration), else `.build/debug/lawquiz`.
    static var binary: URL {
        let besideTests = Bundle(for: BundleMarker.self).bundleURL.deletingLastPathComponent().appendingPathComponent("lawquiz")
        if FileManager.default.isExecutableFile(atPath: besideTests.path) { return besideTests }
        return repositoryRoot.appendingPathComponent(".build/debug/lawquiz")
    }

    /// A fresh folder holding this test's results file.
    let folder: URL
    var banks: URL = repositoryRoot.appendingPathComponent("QuestionBanks")
    /// The results file (SQLite runs, and tests of the file itself).
    var results: URL { folder.appendingPathComponent("Results/lawquiz.sqlite") }
    /// This runner's PostgreSQL database on the PostgreSQL run.
    let server: ServerDatabase?

    /// `sqliteOnly`: tests of the SQLite file itself (locks, damage, the
    /// sqlite3 shell) keep a file store on every run.
    init(sqliteOnly: Bool = false) {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-e2e-\(UUID().uuidString)")
        server = sqliteOnly ? nil : ServerDatabase()
    }

    /// A runner on its own PostgreSQL database on every run (tests of the
    /// server store itself); nil when no server is configured.
    init?(serverOnly: Void) {
        guard let server = ServerDatabase(always: true) else { return nil }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-e2e-\(UUID().uuidString)")
        self.server = server
    }

    /// The audit key file of this runner's store: beside the SQLite file, or
    /// the one `storeEnvironment` names for the server store.
    var auditKeyFile: URL {
        server == nil ? AuditKeyFile.url(forStore: results) : folder.appendingPathComponent("Results/postgres.key")
    }

    /// What lawquiz gets as `LAWQUIZ_RESULTS`: the file, or the server URL.
    var resultsLocation: String { server?.url ?? results.path }

    /// The variables that put lawquiz on this runner's store (a server
    /// store's audit key is a file in the test's folder).
    func storeEnvironment() throws -> [String: String] {
        guard let server else { return ["LAWQUIZ_RESULTS": results.path] }
        try server.ensureCreated()
        return ["LAWQUIZ_RESULTS": server.url, "LAWQUIZ_AUDIT_KEY": auditKeyFile.path]
    }

    /// The store lawquiz writes, opened in the test process.
    func openStore() throws -> ResultsStore {
        var paths = ProjectPaths(questionBanks: banks, resultsDatabase: results)
        if let server {
            try server.ensureCreated()
            paths.setResults(server.url, relativeTo: folder, auditKey: auditKeyFile.path)
        }
        return try ResultsStore.open(paths, environment: [:])
    }

    func cleanUp() {
        server?.drop()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs `lawquiz` once on a runner of its own, removed afterwards (its
    /// folder, and its database on the PostgreSQL run).
    static func runOnce(_ arguments: [String], input: String = "") throws -> Output {
        let runner = DataCommandRunner()
        defer { runner.cleanUp() }
        return try runner.run(arguments, input: input)
    }

    /// Runs `lawquiz` with `arguments` off a terminal (stdin from `input`).
    func run(_ arguments: [String], input: String = "", environment extra: [String: String] = [:]) throws -> Output {
        var environment = ProcessInfo.processInfo.environment
        environment["LAWQUIZ_BANKS"] = banks.path
        for (key, value) in try storeEnvironment() { environment[key] = value }
        environment["NO_COLOR"] = "1"
        environment["LANG"] = "C.UTF-8"
        for (key, value) in extra { environment[key] = value }
        return try Self.launch(Self.binary, arguments, input: input, environment: environment)
    }

    /// Runs any program with pipes: `input` on stdin, both outputs collected.
    static func launch(
        _ executable: URL, _ arguments: [String], input: String = "", environment: [String: String]? = nil, directory: URL? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let errorData = ErrorPipeReader(stderr.fileHandleForReading)
        let outData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errorData.wait(), as: UTF8.self))
    }
}

/// Reads a pipe on a background thread.
final class ErrorPipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

private final class BundleMarker {}
