import CReadline
import Foundation
import LawQuizCore

/// Reads lines with GNU readline's callback interface, so the prompt's
/// countdown keeps moving and the deadline holds while the person sits idle:
/// a `poll` loop with a short timeout feeds readline one character at a time
/// and redraws the prompt on every tick. Runs on the main thread.
public final class ReadlineLineReader: LineReader {
    private let clock: WallClock
    /// How long one `poll` waits before the prompt is refreshed.
    private let tickMilliseconds: Int32

    public var isInteractive: Bool { true }

    public init(clock: WallClock, tickMilliseconds: Int32 = 200) {
        self.clock = clock
        self.tickMilliseconds = tickMilliseconds
        TerminalFacts.prepareUTF8Locale()
        Self.configureReadline()
    }

    /// Readline must leave signals to us (flag-setting C handlers) and must
    /// complete only `:` commands, never file names.
    private static func configureReadline() {
        lq_rl_set_readline_name("lawquiz")
        lq_rl_set_catch_signals(0)
        lq_rl_set_catch_sigwinch(0)
        // The one @convention(c) adapter: a capture-free closure.
        lq_rl_set_completion_function { text, start, _ in ReadlineCompletionAdapter.complete(text, start: start) }
        lq_rl_set_completion_append_character(Int32(UInt8(ascii: " ")))
        lq_rl_set_completion_query_items(50)
        lq_install_signal_handlers()
    }

    public func readLine(_ request: LineRequest) -> LineReadResult {
        let first = PromptLayout.split(request.prompt(clock.now), width: TerminalFacts.columns)
        if !first.lead.isEmpty { lq_write_stdout(first.lead) }
        var prompt = first.prompt
        lq_set_completion_mask(CommandCompletion.mask(of: request.completions))
        lq_install_line_handler(prompt)
        while true {
            if let finished = takeFinishedLine(request) { return finished }
            if lq_take_hangup() != 0 { return abandon(.hangUp) }
            if lq_take_interrupt() != 0 { return abandon(.interrupted) }
            if lq_take_resize() != 0 { rl_resize_terminal() }
            let now = clock.now
            if let deadline = request.deadline, now >= deadline { return abandon(.deadlineReached) }
            request.tick?(now)
            let refreshed = PromptLayout.split(request.prompt(now), width: TerminalFacts.columns).prompt
            if refreshed != prompt {
                prompt = refreshed
                rl_set_prompt(prompt)
                rl_redisplay()
            }
            if waitForInput(until: request.deadline, now: now) { rl_callback_read_char() }
        }
    }

    /// The line readline finished (or end of input), once its handler ran.
    private func takeFinishedLine(_ request: LineRequest) -> LineReadResult? {
        switch lq_line_status_value() {
        case 1:
            guard let raw = lq_take_line() else { return .endOfInput }
            let line = String(cString: raw)
            free(raw)
            if request.remember(line), !line.isEmpty { add_history(line) }
            return .line(line)
        case 2:
            _ = lq_take_line()
            lq_write_stdout("\n")
            return .endOfInput
        default:
            return nil
        }
    }

    /// Drops the half-typed line and restores the terminal before the session
    /// prints anything.
    private func abandon(_ result: LineReadResult) -> LineReadResult {
        lq_abandon_line()
        lq_write_stdout("\n")
        return result
    }

    /// Waits up to one tick (less when the deadline is nearer) for a key;
    /// returns true when standard input has something to read.
    private func waitForInput(until deadline: Date?, now: Date) -> Bool {
        var timeout = tickMilliseconds
        if let deadline {
            let remaining = Int32(max(0, min(Double(tickMilliseconds), deadline.timeIntervalSince(now) * 1000)).rounded(.up))
            timeout = max(1, remaining)
        }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, timeout)
        return ready > 0 && descriptor.revents & Int16(POLLIN | POLLHUP | POLLERR) != 0
    }
}

/// Readline's completion hook: turns the pure `CommandCompletion` candidates
/// into the `strdup`'d, NULL-terminated array readline frees itself.
enum ReadlineCompletionAdapter {
    static func complete(_ text: UnsafePointer<CChar>?, start: Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        lq_rl_set_attempted_completion_over(1)
        let word = text.map { String(cString: $0) } ?? ""
        let offered = CommandCompletion.names(inMask: lq_completion_mask_value())
        let candidates = CommandCompletion.candidates(for: word, atLineStart: start == 0, among: offered)
        guard !candidates.isEmpty else { return nil }
        let list = [CommandCompletion.commonPrefix(candidates)] + (candidates.count > 1 ? candidates : [])
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: list.count + 1)
        for (index, entry) in list.enumerated() { array[index] = strdup(entry) }
        array[list.count] = nil
        return array
    }
}
