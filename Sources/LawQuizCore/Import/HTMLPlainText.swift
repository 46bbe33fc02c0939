import Foundation

/// Moodle question text is HTML; banks hold plain text. Tags are dropped
/// (paragraphs and line breaks become new lines) and entities decoded.
extension HTMLText {
    static func plain(_ html: String) -> String {
        var text = html
        for breaker in ["<br>", "<br/>", "<br />", "</p>", "</div>", "</li>"] {
            text = text.replacingOccurrences(of: breaker, with: "\n", options: .caseInsensitive)
        }
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        let entities = ["&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&amp;": "&"]
        for (entity, character) in entities { text = text.replacingOccurrences(of: entity, with: character) }
        while let range = text.range(of: "&#[0-9]+;", options: .regularExpression) {
            let digits = text[range].dropFirst(2).dropLast()
            let scalar = UInt32(digits).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
            text.replaceSubrange(range, with: scalar)
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
