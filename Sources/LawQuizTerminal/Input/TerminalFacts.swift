import Foundation
import LawQuizCore

/// Facts about the process's terminal.
public enum TerminalFacts {
    public static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    public static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Columns of the terminal on standard output, COLUMNS, or 80.
    public static var columns: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = variable("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// Lines of the terminal on standard output, LINES, or 24.
    public static var rows: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        if let rows = variable("LINES").flatMap(Int.init), rows > 0 { return rows }
        return 24
    }

    /// One environment variable with `getenv`: `columns` is asked for every
    /// wrapped line off a terminal, and `ProcessInfo.environment` copies the
    /// whole environment into a dictionary each time.
    private static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// Uses the user's locale for characters (and system messages), falling
    /// back to C.UTF-8 when its codeset is not UTF-8: under the C locale
    /// readline would treat each byte of 中 as a key. Only those two
    /// categories: the rest (collation, time, numbers, …) are unused, and
    /// without a locale archive glibc opens and maps a file for each of the
    /// twelve categories of LC_ALL at every start (0.9% of a warm one).
    public static func prepareUTF8Locale() {
        setlocale(LC_CTYPE, "")
        setlocale(LC_MESSAGES, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        // Standard library only: Foundation's replacingOccurrences went through NSString (0.4 ms at every start).
        if String(codeset.lowercased().filter { $0 != "-" }) != "utf8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    /// The reader to use: readline when both ends are a terminal, else plain lines.
    public static func makeLineReader(clock: WallClock) -> LineReader {
        if standardInputIsTerminal && standardOutputIsTerminal {
            return ReadlineLineReader(clock: clock)
        }
        return PlainLineReader(clock: clock)
    }
}
