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
        return articles(in: folded).first
    }

    /// Every 第X条 number in the text, in order.
    static func articles(in text: String) -> [Int] {
        var numbers: [Int] = []
        var rest = text.precomposedStringWithCompatibilityMapping[...]
        while let start = rest.range(of: "第") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "条") else { break }
            let numeral = String(rest[..<end])
            if numeral.count <= 8, let number = ChineseNumeral.value(of: numeral), number > 0 {
                numbers.append(number)
                rest = rest[rest.index(after: end)...]
            }
        }
        return numbers
    }

    /// A citation a question states itself — 根据《安全生产法》第二十一条 in the
    /// stem, 依据《安全生产法》第二十一条 in the 解析 — when the text names one law
    /// and one article of it: the author's own word beats any ranking.
    static func stated(in texts: [String], library: LawLibrary, lawIDs: Set<String>?) -> (String, Int)? {
        for text in texts {
            guard let law = law(in: text, library: library), lawIDs?.contains(law.id) ?? true else { continue }
            let numbers = Set(articles(in: text))
            if numbers.count == 1, let number = numbers.first, law.article(number) != nil { return (law.id, number) }
        }
        return nil
    }
}

import Foundation
