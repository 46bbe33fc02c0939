import Foundation
import XCTest

/// Runs the built `lawquiz` executable the way a user or script would, through pipes.
struct LawQuizBinary {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `LAWQUIZ_BIN`, else the debug build in `.build/debug`.
    static var executable: URL {
        if let path = ProcessInfo.processInfo.environment["LAWQUIZ_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.appendingPathComponent(".build/debug/lawquiz")
    }

    /// Runs `lawquiz args…` in `directory` with `input` on standard input.
    static func run(
        _ arguments: [String], input: String = "", environment: [String: String] = [:],
        directory: URL = repositoryRoot
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = nil
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let stdin = Pipe()
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try? stdin.fileHandleForWriting.close()
        // Read both pipes fully before waiting so a large output cannot block the child.
        let errorData = ReadBox()
        let errorReader = Thread { errorData.data = stderr.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.done { usleep(1000) }
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outputData, as: UTF8.self),
            stderr: String(decoding: errorData.data ?? Data(), as: UTF8.self))
    }
}

/// Carries data out of the reader thread.
final class ReadBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data?
    private var finished = false

    var data: Data? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue; finished = true } }
    }

    var done: Bool { lock.withLock { finished } }
}
