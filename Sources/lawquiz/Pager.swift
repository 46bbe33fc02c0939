import Foundation
import LawQuizCore
import LawQuizTerminal

/// Long output on a terminal goes through a pager, as git and psql do:
/// `$LAWQUIZ_PAGER`, else `$PAGER`, else `less -FRX` (quits when the text
/// fits, keeps colour, leaves it on the screen). Off a terminal, with
/// `--no-pager`, when the text fits the screen, or when no pager can be run,
/// the text is printed as it is.
///
/// Security: the pager is a program of the user's choosing. In an installed
/// setgid deployment it must not run with the program's group (it could then
/// open the results store), so the effective group is set back to the real
/// group while the pager is started; the pager inherits only the user's own
/// ids, and the program takes its group back afterwards. A setuid binary
/// never starts a pager.
enum Pager {
    static func show(_ text: String, allowed: Bool) {
        guard allowed, Console.standardOutputIsTerminal, height(of: text) >= TerminalFacts.rows, let command = command() else {
            print(text, terminator: "")
            return
        }
        fflush(nil)  // what was printed before goes first
        if !page(text, through: command) { print(text, terminator: "") }
    }

    /// The pager to run as an argument vector, or nil for none (`cat` or
    /// empty means none). As git does, a command without shell
    /// metacharacters is run directly, anything else through `sh -c`.
    static func command(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String]? {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        guard let chosen = environment["LAWQUIZ_PAGER"] ?? environment["PAGER"] else {
            return executable("less", path: path).map { [$0, "-FRX"] }
        }
        let trimmed = chosen.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "cat" { return nil }
        guard trimmed.allSatisfy({ $0.isLetter || $0.isNumber || " -_./,:+@".contains($0) }) else { return ["/bin/sh", "-c", trimmed] }
        let words = trimmed.split(separator: " ").map(String.init)
        return executable(words[0], path: path).map { [$0] + words.dropFirst() }
    }

    /// `name` found on `path` (or as given when it has a slash), when executable.
    private static func executable(_ name: String, path: String) -> String? {
        let candidates = name.contains("/") ? [name] : path.split(separator: ":").map { "\($0)/\(name)" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Screen lines the text takes, counting lines wider than the terminal as several.
    private static func height(of text: String) -> Int {
        let columns = max(1, Console.terminalWidth)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
            $0 + max(1, (DisplayWidth.of(String($1)) + columns - 1) / columns)
        }
    }

    /// Runs the pager with the text on its standard input; false when it
    /// could not be started (then the caller prints the text itself).
    private static func page(_ text: String, through command: [String]) -> Bool {
        guard getuid() == geteuid() else { return false }
        let programGroup = getegid()
        if programGroup != getgid() {
            guard setegid(getgid()) == 0 else { return false }
        }
        defer { if programGroup != getegid() { _ = setegid(programGroup) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        var environment = ProcessInfo.processInfo.environment
        if environment["LESS"] == nil { environment["LESS"] = "FRX" }
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        do { try process.run() } catch { return false }
        signal(SIGPIPE, SIG_IGN)  // the person may quit the pager before reading everything
        let bytes = Array(text.utf8)
        var written = 0
        let descriptor = input.fileHandleForWriting.fileDescriptor
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0 && errno == EINTR { continue }
            if result <= 0 { break }
            written += result
        }
        try? input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus != 127
    }
}
