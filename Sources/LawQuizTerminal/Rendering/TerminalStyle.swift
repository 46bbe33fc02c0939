import Foundation

/// Colour for screens and prompts. Off unless output is a terminal and
/// NO_COLOR is unset, so transcripts and tests see plain text.
public struct TerminalStyle: Sendable {
    public var color: Bool

    public init(color: Bool) {
        self.color = color
    }

    /// Colour when standard output is a terminal, NO_COLOR is unset and TERM is not dumb.
    public static func forStandardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> TerminalStyle {
        TerminalStyle(
            color: TerminalFacts.standardOutputIsTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb")
    }

    public static let plain = TerminalStyle(color: false)

    func apply(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func bold(_ text: String) -> String { apply(text, "1") }
    public func dim(_ text: String) -> String { apply(text, "2") }
    public func good(_ text: String) -> String { apply(text, "1;32") }
    public func bad(_ text: String) -> String { apply(text, "1;31") }
    public func warning(_ text: String) -> String { apply(text, "1;33") }
    public func accent(_ text: String) -> String { apply(text, "1;36") }

    /// Colour for a readline prompt: escape codes wrapped in `\001…\002` so
    /// readline does not count them as cells and the cursor stays put.
    public func prompt(_ text: String, _ code: String = "1;36") -> String {
        color ? "\u{01}\u{1B}[\(code)m\u{02}\(text)\u{01}\u{1B}[0m\u{02}" : text
    }
}
