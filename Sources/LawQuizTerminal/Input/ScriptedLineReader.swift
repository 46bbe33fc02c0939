import Foundation
import LawQuizCore

/// A line reader that plays a script, for driving sessions in tests: each
/// step is what the person does next, and idle steps move a fake clock so
/// deadlines can pass without waiting.
public final class ScriptedLineReader: LineReader {
    public enum Step: Sendable, Equatable {
        /// Types a line and presses Enter.
        case type(String)
        /// Presses Ctrl-D (or the pipe ends).
        case endOfInput
        /// Presses Ctrl-C.
        case interrupt
        /// The terminal closes.
        case hangUp
        /// Sits idle for some seconds; if a deadline passes meanwhile the read
        /// ends with `.deadlineReached` at the deadline.
        case idle(TimeInterval)
    }

    private var steps: [Step]
    private let clock: ManualWallClock
    /// Seconds the clock moves for each typed line (time spent thinking).
    private let secondsPerLine: TimeInterval
    /// Every prompt shown, as seen at the moment it was shown.
    public private(set) var prompts: [String] = []

    public var isInteractive: Bool { false }

    public init(_ steps: [Step], clock: ManualWallClock, secondsPerLine: TimeInterval = 1) {
        self.steps = steps
        self.clock = clock
        self.secondsPerLine = secondsPerLine
    }

    /// Steps not yet played.
    public var remaining: [Step] { steps }

    public func readLine(_ request: LineRequest) -> LineReadResult {
        prompts.append(PromptText.visible(request.prompt(clock.now)))
        while true {
            if let deadline = request.deadline, clock.now >= deadline { return .deadlineReached }
            guard !steps.isEmpty else { return .endOfInput }
            switch steps.removeFirst() {
            case .type(let text):
                clock.advance(by: secondsPerLine)
                if let deadline = request.deadline, clock.now >= deadline {
                    clock.set(deadline)
                    steps.insert(.type(text), at: 0)
                    return .deadlineReached
                }
                return .line(text)
            case .endOfInput: return .endOfInput
            case .interrupt: return .interrupted
            case .hangUp: return .hangUp
            case .idle(let seconds):
                let target = clock.now + seconds
                if let deadline = request.deadline, target >= deadline {
                    clock.set(deadline)
                    return .deadlineReached
                }
                clock.set(target)
            }
        }
    }
}
