/// Reads a law and article written the ways 题库 write them: 第二十一条, 21,
/// 《安全生产法》第二十一条, 安全生产法第21条, or our own export's category
/// `安全生产法/第二十一条`.
enum CitationText {
    /// The law named anywhere in the text (id, short name or title), if exactly one.
    static func law(in text: String, library: LawLibrary) -> Law? {
        let named = library.laws.filter { text.contains($0.shortName) || text.contains($0.title) || text.contains($0.id) }
        return named.count == 1 ? named[0] : nil
    }

    /// The first text naming one law and one of its articles, as (law id, article).
    static func lawAndArticle(in texts: [String], library: LawLibrary) -> (String, Int)? {
        for text in texts {
            if let law = law(in: text, library: library), let number = article(in: text), law.article(number) != nil {
                return (law.id, number)
            }
        }
        return nil
    }

    /// The article number in 第X条 form anywhere in the text, or the whole text as a number.
    static func article(in text: String) -> Int? {
        let folded = text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        if let number = Int(folded), number > 0 { return number }
        guard let start = folded.range(of: "第") else { return nil }
        var rest = folded[start.upperBound...]
        while true {
            guard let end = rest.firstIndex(of: "条") else { return nil }
            if let number = ChineseNumeral.value(of: String(rest[..<end])), number > 0 { return number }
            guard let next = rest.range(of: "第") else { return nil }
            rest = rest[next.upperBound...]
        }
    }
}

import Foundation
