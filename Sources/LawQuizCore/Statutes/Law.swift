/// One statute as loaded from `QuestionBanks/statutes/`: the unit every
/// question cites, so it keeps the exact article texts.
public struct Law: Sendable, Hashable {
    /// Article numbers accepted from files: no statute comes near the bound, and
    /// a bound keeps a corrupt number from overflowing arithmetic downstream.
    public static let articleNumbers = 1...9999
    /// Stable machine id used in banks and on the command line, e.g. `work-safety`.
    public var id: String
    /// The name staff use, e.g. 安全生产法.
    public var shortName: String
    /// Full official title, e.g. 中华人民共和国安全生产法.
    public var title: String
    /// Version label, e.g. 2021 (the year of the text in force).
    public var version: String
    /// ISO date of the latest adoption or amendment, e.g. 2021-06-10.
    public var date: String
    /// Promulgation and amendment lines from the head of the text.
    public var history: [String]
    public var chapters: [Chapter]
    /// Articles in order; `articles[n - 1].number == n`.
    public var articles: [Article]

    public init(
        id: String, shortName: String, title: String, version: String, date: String,
        history: [String], chapters: [Chapter], articles: [Article]
    ) {
        self.id = id
        self.shortName = shortName
        self.title = title
        self.version = version
        self.date = date
        self.history = history
        self.chapters = chapters
        self.articles = articles
    }

    /// The article with this number, if the law has it.
    public func article(_ number: Int) -> Article? {
        guard number >= 1, number <= articles.count, articles[number - 1].number == number else {
            return articles.first { $0.number == number }
        }
        return articles[number - 1]
    }

    /// The chapter an article belongs to.
    public func chapter(of article: Article) -> Chapter? {
        chapters.first { $0.number == article.chapterNumber }
    }
}

/// A chapter (章) of a law with its optional sections (节).
public struct Chapter: Sendable, Hashable {
    public var number: Int
    /// Heading as printed, e.g. 第一章 总则.
    public var heading: String
    public var sections: [Section]

    public init(number: Int, heading: String, sections: [Section] = []) {
        self.number = number
        self.heading = heading
        self.sections = sections
    }
}

/// A section (节) inside a chapter.
public struct Section: Sendable, Hashable {
    public var number: Int
    /// Heading as printed, e.g. 第二节 情报信息.
    public var heading: String

    public init(number: Int, heading: String) {
        self.number = number
        self.heading = heading
    }
}

/// One article (条): its paragraphs (款) and numbered items (项).
public struct Article: Sendable, Hashable {
    public var number: Int
    public var chapterNumber: Int
    public var sectionNumber: Int?
    /// Paragraphs in order; an item line such as （一）… is a paragraph of its own.
    public var paragraphs: [String] {
        get { paragraphTexts.map(\.string) }
        set { paragraphTexts = newValue.map(DeferredText.init) }
    }
    /// Read from the catalog snapshot only when asked (see `DeferredText`):
    /// a start shows no statute text, and the paragraphs are most of the
    /// snapshot's statutes.
    private var paragraphTexts: [DeferredText]

    public init(number: Int, chapterNumber: Int, sectionNumber: Int?, paragraphs: [String]) {
        self.init(number: number, chapterNumber: chapterNumber, sectionNumber: sectionNumber, paragraphs: paragraphs.map(DeferredText.init))
    }

    /// With the paragraphs as read from a catalog snapshot.
    init(number: Int, chapterNumber: Int, sectionNumber: Int?, paragraphs: [DeferredText]) {
        self.number = number
        self.chapterNumber = chapterNumber
        self.sectionNumber = sectionNumber
        paragraphTexts = paragraphs
    }

    /// Adds a paragraph while a statute file is parsed.
    mutating func append(paragraph: String) {
        paragraphTexts.append(DeferredText(paragraph))
    }

    /// The heading as cited: 第二十一条.
    public var heading: String { "第\(ChineseNumeral.string(from: number) ?? String(number))条" }

    /// Full text, paragraphs separated by newlines.
    public var text: String { paragraphs.joined(separator: "\n") }

    /// Numbered items （一）（二）… in order.
    public var items: [ArticleItem] {
        paragraphs.compactMap(ArticleItem.init(paragraph:))
    }
}

/// A numbered item （一）… inside an article.
public struct ArticleItem: Sendable, Hashable {
    public var number: Int
    public var text: String

    /// Recognises a paragraph that starts with （一） … （二十）.
    public init?(paragraph: String) {
        guard paragraph.hasPrefix("（"), let close = paragraph.firstIndex(of: "）") else { return nil }
        let numeral = paragraph[paragraph.index(after: paragraph.startIndex)..<close]
        guard numeral.count <= 3, let value = ChineseNumeral.value(of: String(numeral)),
            Int(numeral) == nil
        else { return nil }
        number = value
        text = String(paragraph[paragraph.index(after: close)...])
    }
}
