import CReadline
import Foundation
import LawQuizCore

/// Reads lines when standard input or output is not a terminal (scripts,
/// pipes, tests): prints the prompt once, reads one line per answer or
/// command with `read(2)` and `poll`, so the deadline still holds while no
/// input arrives, and reports end of input so the session can save and leave.
public final class PlainLineReader: LineReader {
    private let clock: WallClock
    private let input: Int32
    private var buffer: [UInt8] = []
    private var reachedEnd = false
    /// Typed input is already on screen; piped input is echoed so a
    /// transcript reads like a session.
    private let echo: Bool

    public var isInteractive: Bool { false }

    public init(clock: WallClock, input: Int32 = STDIN_FILENO) {
        self.clock = clock
        self.input = input
        echo = isatty(input) != 1
        lq_install_signal_handlers()
    }

    public func readLine(_ request: LineRequest) -> LineReadResult {
        lq_write_stdout(PromptText.visible(request.prompt(clock.now)))
        while true {
            if let line = takeBufferedLine() {
                if echo {
                    lq_write_stdout((request.secret ? "" : line) + "\n")
                }
                return .line(line)
            }
            if reachedEnd {
                lq_write_stdout("\n")
                return .endOfInput
            }
            if lq_take_hangup() != 0 { return interruptedLine(.hangUp) }
            if lq_take_interrupt() != 0 { return interruptedLine(.interrupted) }
            let now = clock.now
            if let deadline = request.deadline, now >= deadline { return interruptedLine(.deadlineReached) }
            request.tick?(now)
            fillBuffer(timeoutMilliseconds: timeout(until: request.deadline, now: now))
        }
    }

    private func interruptedLine(_ result: LineReadResult) -> LineReadResult {
        lq_write_stdout("\n")
        return result
    }

    /// The next complete line from the buffer; at end of input a last line
    /// without a newline counts too.
    private func takeBufferedLine() -> String? {
        if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            var bytes = Array(buffer[..<newline])
            buffer.removeSubrange(...newline)
            if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        if reachedEnd, !buffer.isEmpty {
            let bytes = buffer
            buffer.removeAll()
            return String(decoding: bytes, as: UTF8.self)
        }
        return nil
    }

    private func timeout(until deadline: Date?, now: Date) -> Int32 {
        guard let deadline else { return 500 }
        return Int32(max(1, min(500, (deadline.timeIntervalSince(now) * 1000).rounded(.up))))
    }

    /// Waits for input (up to the timeout) and appends what arrived.
    private func fillBuffer(timeoutMilliseconds: Int32) {
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeoutMilliseconds) > 0 else { return }
        var chunk = [UInt8](repeating: 0, count: 4096)
        let count = read(input, &chunk, chunk.count)
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            reachedEnd = true
        }
    }
}
