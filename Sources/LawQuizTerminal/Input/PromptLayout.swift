import LawQuizCore

/// A prompt wider than the terminal would be folded by the terminal itself,
/// mid-word, with readline redrawing it badly on every key. Such a prompt is
/// split: its leading part is printed as wrapped lines, and only the last
/// line stays the editing prompt, keeping its colour.
enum PromptLayout {
    /// Room kept after the prompt for what the person types.
    static let typingRoom = 10

    /// (`lead` to print before reading, `prompt` for readline) for `width` cells.
    static func split(_ prompt: String, width: Int) -> (lead: String, prompt: String) {
        // Readline prompts mark colour codes with \u{01}…\u{02}; they take no cells.
        var plain = ""
        var prefix = ""
        var suffix = ""
        var inMarker = false
        var marker = ""
        for character in prompt {
            switch character {
            case "\u{01}":
                inMarker = true
                marker = String(character)
            case "\u{02}" where inMarker:
                marker.append(character)
                if plain.isEmpty { prefix += marker } else { suffix += marker }
                inMarker = false
            default:
                if inMarker { marker.append(character) } else { plain.append(character) }
            }
        }
        guard DisplayWidth.of(plain) > width - typingRoom, width > typingRoom * 2 else { return ("", prompt) }
        let lines = DisplayWidth.wrap(plain, width: width - typingRoom)
        let raw = { (codes: String) in codes.filter { $0 != "\u{01}" && $0 != "\u{02}" } }
        let lead = lines.dropLast().map { raw(prefix) + $0 + raw(suffix) + "\n" }.joined()
        return (lead, prefix + (lines.last ?? "") + suffix)
    }
}
