import Foundation
import LawQuizCore
import LawQuizTerminal

/// Terminal facts and styled output for the executable: colour only on a
/// terminal and never when NO_COLOR is set.
enum Console {
    static var standardInputIsTerminal: Bool { isatty(STDIN_FILENO) == 1 }
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    static var useColor: Bool {
        standardOutputIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    static func style(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    static func bold(_ text: String) -> String { style(text, "1") }
    static func highlight(_ text: String) -> String { style(text, "1;33") }

    /// Writes a line to standard error. Messages quote arguments and file
    /// contents, so control characters are made visible first; on a
    /// terminal the message is wrapped to its width.
    static func error(_ text: String) {
        var message = TerminalText.visible(text)
        if isatty(STDERR_FILENO) == 1 {
            message = DisplayWidth.wrap(message, width: TerminalFacts.columns).joined(separator: "\n")
        }
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

extension Console {
    /// Columns of the terminal on standard output, or 80 off a terminal.
    static var terminalWidth: Int { TerminalFacts.columns }
}

extension Console {
    /// Uses the user's locale, falling back to C.UTF-8 so wide characters work
    /// even when LANG is unset (readline and wcwidth depend on it).
    static func prepareLocale() {
        TerminalFacts.prepareUTF8Locale()
    }
}
