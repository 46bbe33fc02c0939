import Foundation
import LawQuizTerminal

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a PIN: on a terminal with echo switched off (never into readline's
/// history or onto the screen); from a pipe, as the next line of input.
enum SecretInput {
    static func readLine(prompt: String, fallback reader: LineReader) -> String? {
        guard isatty(STDIN_FILENO) == 1 else {
            var request = LineRequest.fixed(prompt)
            request.secret = true
            guard case .line(let text) = reader.readLine(request) else { return nil }
            return text
        }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ICANON)
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardOutput.write(Data("\n".utf8))
        }
        // Readline's invisible-text markers mean nothing outside readline.
        FileHandle.standardOutput.write(Data(prompt.filter { $0 != "\u{1}" && $0 != "\u{2}" }.utf8))
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while read(STDIN_FILENO, &byte, 1) == 1 {
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return String(decoding: bytes, as: UTF8.self) }
            if bytes.count < 64 { bytes.append(byte) }
        }
        return nil
    }
}
