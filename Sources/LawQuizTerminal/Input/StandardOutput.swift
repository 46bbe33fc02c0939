import CReadline
import Foundation
import LawQuizCore

/// Standard output through C stdio, the same stream readline draws on, so
/// screens and prompts never overtake each other.
public final class StandardOutput: TextOutput {
    public init() {}

    public func write(_ text: String) {
        lq_write_stdout(text)
    }

    /// Columns of the terminal, re-read each time so a resize takes effect on
    /// the next screen; 80 when output is not a terminal and COLUMNS is unset.
    public var width: Int { TerminalFacts.columns }
}
