import Foundation
import LawQuizCore

/// What came back from asking for one line of input. Sessions treat each case
/// differently (save and leave, ask to confirm, submit at the deadline), so the
/// reader reports what happened instead of throwing.
public enum LineReadResult: Sendable, Equatable {
    /// A complete line, without its newline.
    case line(String)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Ctrl-C: the session asks whether to leave.
    case interrupted
    /// SIGHUP (the terminal closed) or SIGTERM: leave with everything saved.
    case hangUp
    /// The deadline passed while waiting, even with the user idle.
    case deadlineReached
}

/// One request for a line: a prompt that may change as time passes (the
/// countdown), and an optional deadline after which the reader gives up.
public struct LineRequest: Sendable {
    /// Builds the prompt for a moment in time; called again on every tick so a
    /// countdown stays current. Escape codes must be wrapped in `\u{01}…\u{02}`.
    public var prompt: @Sendable (Date) -> String
    /// When to stop waiting and report `.deadlineReached`.
    public var deadline: Date?
    /// Whether the line may go into the in-memory history (commands only, never
    /// answers, and never to a file).
    public var remember: @Sendable (String) -> Bool
    /// The `:` commands Tab may complete here; none at plain questions such
    /// as the 工号 or a confirmation.
    public var completions: [String]
    /// A PIN: a pipe reader must not copy it into the transcript.
    public var secret = false
    /// Called while waiting, about every tick (the exam session renews its
    /// lease here while the person sits idle).
    public var tick: (@Sendable (Date) -> Void)?

    public init(
        prompt: @escaping @Sendable (Date) -> String, deadline: Date? = nil,
        remember: @escaping @Sendable (String) -> Bool = { _ in false }, completions: [String] = [],
        tick: (@Sendable (Date) -> Void)? = nil
    ) {
        self.prompt = prompt
        self.deadline = deadline
        self.remember = remember
        self.completions = completions
        self.tick = tick
    }

    /// A request with a fixed prompt and no deadline.
    public static func fixed(_ prompt: String) -> LineRequest {
        LineRequest(prompt: { _ in prompt })
    }
}

/// Reads lines for the session loops. Behind this protocol so tests can drive
/// a session with a script and a fake clock instead of a terminal.
public protocol LineReader: AnyObject {
    func readLine(_ request: LineRequest) -> LineReadResult
    /// True when a person is typing at a terminal (readline); false for pipes.
    var isInteractive: Bool { get }
}

/// Where screens are written. Separate from the reader so tests can capture
/// everything a session shows.
public protocol TextOutput: AnyObject {
    func write(_ text: String)
    /// Terminal columns available for wrapping.
    var width: Int { get }
}

extension TextOutput {
    /// Writes text followed by a newline.
    public func line(_ text: String = "") { write(text + "\n") }

    /// Writes text wrapped to the output's width, each line styled on its own
    /// (so colour never spans a line break).
    public func wrappedLine(_ text: String, style: (String) -> String = { $0 }) {
        write(DisplayWidth.wrap(text, width: width).map(style).joined(separator: "\n") + "\n")
    }
}

/// Prompt text with readline's ignore markers removed, for readers that print
/// the prompt themselves. Byte by byte (0x01 and 0x02 never occur inside a
/// longer UTF-8 sequence): Foundation's `replacingOccurrences` bridged
/// through `NSString` and made the runtime scan the program's conformances
/// before the first prompt (README, "Launch").
enum PromptText {
    static func visible(_ prompt: String) -> String {
        let isMarker = { (byte: UInt8) in byte == 0x01 || byte == 0x02 }
        guard prompt.utf8.contains(where: isMarker) else { return prompt }
        return String(decoding: prompt.utf8.filter { !isMarker($0) }, as: UTF8.self)
    }
}
