import Foundation

/// Errors found while reading a statute file; each names the file and line.
public enum StatuteError: Error, LocalizedError, Equatable {
    case unreadable(file: String, detail: String)
    case missingTitle(file: String)
    case articleOutOfOrder(file: String, line: Int, expected: Int, found: Int)
    case textOutsideArticle(file: String, line: Int)
    case noArticles(file: String)
    case unknownLaw(name: String, known: [String])
    case unknownArticle(law: String, number: Int, count: Int)
    case badArticleReference(text: String)

    public var errorDescription: String? {
        switch self {
        case .unreadable(let file, let detail):
            return "\(file): 无法读取法律文本（\(detail)）"
        case .missingTitle(let file):
            return "\(file):1: 缺少标题行“# 中华人民共和国…法”"
        case .articleOutOfOrder(let file, let line, let expected, let found):
            return "\(file):\(line): 条文编号不连续：应为第\(expected)条，实为第\(found)条"
        case .textOutsideArticle(let file, let line):
            return "\(file):\(line): 这段文字不属于任何条文，请放在某一条之后"
        case .noArticles(let file):
            return "\(file): 没有找到任何条文（每条应以“第X条 ”开头）"
        case .unknownLaw(let name, let known):
            return "没有名为“\(name)”的法律。可用：\(known.joined(separator: "、"))"
        case .unknownArticle(let law, let number, let count):
            return "《\(law)》没有第\(number)条，有效范围为第1条至第\(count)条"
        case .badArticleReference(let text):
            return "无法识别条文编号“\(text)”，请写成 21 或 第二十一条"
        }
    }
}

/// Parses the Markdown statute layout described in `QuestionBanks/statutes/SOURCES.md`:
/// `# title`, history lines, `<!-- INFO END -->`, `## 第X章`, `### 第X节`,
/// and paragraphs starting `第X条 `.
public enum StatuteParser {
    /// Metadata that the text itself does not carry: the machine id per title.
    static let knownIDs: [String: String] = [
        "中华人民共和国安全生产法": "work-safety",
        "中华人民共和国档案法": "archives",
        "中华人民共和国国家安全法": "national-security",
    ]

    /// Parses one statute; `fileName` (e.g. work-safety-law-2021.md) supplies
    /// the id and version when the title is not one of the known laws.
    public static func parse(_ text: String, fileName: String) throws -> Law {
        var lines = Self.lines(of: text)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }
        guard let titleIndex = lines.firstIndex(where: { $0.hasPrefix("# ") }) else {
            throw StatuteError.missingTitle(file: fileName)
        }
        let title = lines[titleIndex].dropFirst(2).trimmingBlanks()
        let infoEnd = lines.firstIndex(of: "<!-- INFO END -->") ?? titleIndex
        let history = lines[(titleIndex + 1)..<max(infoEnd, titleIndex + 1)]
            .map { $0.trimmingBlanks() }.filter { !$0.isEmpty }

        var chapters: [Chapter] = []
        var articles: [Article] = []
        for (offset, raw) in lines.enumerated().dropFirst(infoEnd + 1) {
            let line = raw.trimmingBlanks()
            let lineNumber = offset + 1
            if line.isEmpty { continue }
            if line.hasPrefix("### ") {
                let heading = String(line.dropFirst(4))
                let number = ordinal(in: heading, unit: "节") ?? ((chapters.last?.sections.count ?? 0) + 1)
                if chapters.isEmpty { chapters.append(Chapter(number: 0, heading: "")) }
                chapters[chapters.count - 1].sections.append(Section(number: number, heading: heading))
                continue
            }
            if line.hasPrefix("## ") {
                let heading = String(line.dropFirst(3))
                chapters.append(Chapter(number: ordinal(in: heading, unit: "章") ?? chapters.count + 1, heading: heading))
                continue
            }
            if line.hasPrefix("#") || line.hasPrefix("<!--") { continue }
            if let (number, body) = articleStart(line) {
                let expected = articles.count + 1
                guard number == expected else {
                    throw StatuteError.articleOutOfOrder(file: fileName, line: lineNumber, expected: expected, found: number)
                }
                articles.append(
                    Article(
                        number: number, chapterNumber: chapters.last?.number ?? 0,
                        sectionNumber: chapters.last?.sections.last?.number, paragraphs: [body]))
            } else {
                guard !articles.isEmpty else { throw StatuteError.textOutsideArticle(file: fileName, line: lineNumber) }
                articles[articles.count - 1].append(paragraph: line)
            }
        }
        guard !articles.isEmpty else { throw StatuteError.noArticles(file: fileName) }

        let stem = fileName.replacingOccurrences(of: ".md", with: "")
        let yearMatch = stem.split(separator: "-").last.flatMap { Int($0) }
        let id = knownIDs[title] ?? stem.replacingOccurrences(of: "-law-\(yearMatch.map(String.init) ?? "")", with: "")
        let shortName = title.hasPrefix("中华人民共和国") ? String(title.dropFirst(7)) : title
        let date = history.last.flatMap(isoDate(in:)) ?? ""
        return Law(
            id: id, shortName: shortName, title: title,
            version: yearMatch.map(String.init) ?? String(date.prefix(4)), date: date,
            history: history, chapters: chapters, articles: articles)
    }

    /// The text's lines without a trailing CR, exactly as Foundation's
    /// `components(separatedBy: "\n")` splits them, which goes by Characters:
    /// a CR LF pair is one Character, so only an LF without a CR before it
    /// breaks a line (an LF is a Character of its own otherwise), and a
    /// trailing CR is the line's last Character. Found in the UTF-8 bytes.
    static func lines(of text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            func addLine(upTo end: Int) {
                let last = end > start && bytes[end - 1] == 0x0D ? end - 1 : end
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self))
            }
            for index in 0..<bytes.count where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
                addLine(upTo: index)
                start = index + 1
            }
            addLine(upTo: bytes.count)
            return lines
        }
    }

    /// `第二十一条 text` → (21, text).
    static func articleStart(_ line: String) -> (Int, String)? {
        guard line.hasPrefix("第"), let space = line.firstIndex(of: " ") else { return nil }
        let head = line[line.startIndex..<space]
        guard head.hasSuffix("条"), head.count >= 3 else { return nil }
        let numeral = head.dropFirst().dropLast()
        guard let number = ChineseNumeral.value(of: String(numeral)) else { return nil }
        return (number, line[line.index(after: space)...].trimmingBlanks())
    }

    /// `第三章 …` → 3 for unit 章.
    static func ordinal(in heading: String, unit: Character) -> Int? {
        guard heading.hasPrefix("第"), let end = heading.firstIndex(of: unit) else { return nil }
        return ChineseNumeral.value(of: String(heading[heading.index(after: heading.startIndex)..<end]))
    }

    /// `2021年6月10日 …` → 2021-06-10.
    static func isoDate(in line: String) -> String? {
        guard let year = line.firstIndex(of: "年"), let month = line.firstIndex(of: "月"),
            let day = line.firstIndex(of: "日"), year < month, month < day,
            let y = Int(line[line.startIndex..<year].trimmingBlanks()),
            let m = Int(line[line.index(after: year)..<month]),
            let d = Int(line[line.index(after: month)..<day])
        else { return nil }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
