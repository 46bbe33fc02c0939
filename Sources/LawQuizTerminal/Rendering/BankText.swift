import LawQuizCore

/// Bank and statute text on its way to the screen: control characters and
/// escape sequences are made visible first (`TerminalText`), so a bad bank
/// file cannot move the cursor or change the terminal.
enum BankText {
    static func clean(_ text: String) -> String {
        TerminalText.visible(text)
    }

    /// Cleaned and wrapped to `width` cells, continuation lines indented.
    static func wrapped(_ text: String, width: Int, firstPrefix: String = "", indent: String = "") -> [String] {
        let lines = DisplayWidth.wrap(firstPrefix + clean(text), width: width, indent: indent)
        return lines
    }
}
