/// Full-text search over articles; words must all occur (AND).
public enum StatuteSearch {
    public struct Hit: Sendable {
        public var law: Law
        public var article: Article
    }

    /// Articles of `laws` whose text contains every word, in law then article order.
    public static func search(_ words: [String], in laws: [Law]) -> [Hit] {
        let terms = words.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !terms.isEmpty else { return [] }
        var hits: [Hit] = []
        for law in laws {
            for article in law.articles {
                let text = article.text
                if terms.allSatisfy({ text.localizedCaseInsensitiveContains($0) }) {
                    hits.append(Hit(law: law, article: article))
                }
            }
        }
        return hits
    }

    /// A paragraph wrapped to `width` cells with every occurrence of the words
    /// styled. Styling is applied after wrapping, line by line, so escape codes
    /// never count toward the width and a match cut by a line break is styled
    /// on both lines.
    public static func markedLines(
        _ words: [String], in text: String, firstPrefix: String, width: Int, style: (String) -> String
    ) -> [String] {
        let begin: Character = "\u{0E}", end: Character = "\u{0F}"  // zero-width markers, never in statute text
        let marked = mark(words, in: text) { String(begin) + $0 + String(end) }
        var open = false
        return DisplayWidth.wrap(firstPrefix + marked, width: width).map { line in
            var output = ""
            var run = ""
            for character in line {
                guard character == begin || character == end else {
                    run.append(character)
                    continue
                }
                if !run.isEmpty { output += open ? style(run) : run }
                run = ""
                open = character == begin
            }
            if !run.isEmpty { output += open ? style(run) : run }
            return output
        }
    }

    /// Wraps each occurrence of any word in `style` (for terminal highlighting).
    public static func mark(_ words: [String], in text: String, with style: (String) -> String) -> String {
        let terms = words.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        var result = ""
        var index = text.startIndex
        outer: while index < text.endIndex {
            for term in terms {
                if let range = text.range(of: term, options: [.caseInsensitive, .anchored], range: index..<text.endIndex) {
                    result += style(String(text[range]))
                    index = range.upperBound
                    continue outer
                }
            }
            result.append(text[index])
            index = text.index(after: index)
        }
        return result
    }
}

import Foundation
