/// Lays out an article for reading: the law and chapter line, then each
/// paragraph wrapped to the width with continuation lines indented.
public enum ArticleFormatter {
    /// `emphasis` styles the heading (the caller decides about colour).
    public static func render(_ article: Article, of law: Law, width: Int, emphasis: (String) -> String = { $0 }) -> String {
        var lines: [String] = []
        var place = [law.title]
        if let chapter = law.chapter(of: article) {
            place.append(chapter.heading)
            if let number = article.sectionNumber, let section = chapter.sections.first(where: { $0.number == number }) {
                place.append(section.heading)
            }
        }
        lines.append(place.joined(separator: " · "))
        lines.append("")
        for (index, paragraph) in article.paragraphs.enumerated() {
            let plain = index == 0 ? article.heading + "　" + paragraph : "　　" + paragraph
            var wrapped = DisplayWidth.wrap(plain, width: width - 2)
            if index == 0, let first = wrapped.first, first.hasPrefix(article.heading) {
                wrapped[0] = emphasis(article.heading) + first.dropFirst(article.heading.count)
            }
            lines += wrapped
        }
        return lines.joined(separator: "\n")
    }
}
