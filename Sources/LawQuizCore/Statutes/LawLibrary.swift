import Foundation

/// All statutes the program knows, looked up by id, short name or full title.
public struct LawLibrary: Sendable {
    public private(set) var laws: [Law]

    public init(laws: [Law]) {
        self.laws = laws
    }

    /// Loads every `*.md` statute in a folder (other Markdown such as SOURCES.md
    /// without a `第一条` is skipped), in file-name order.
    public static func load(from directory: URL) throws -> LawLibrary {
        let files: [URL]
        do {
            files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "md" && $0.lastPathComponent.contains("-law-") }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw StatuteError.unreadable(file: directory.path, detail: "找不到法律文本目录")
        }
        var laws: [Law] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw StatuteError.unreadable(file: file.path, detail: "无法打开文件")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw StatuteError.unreadable(file: file.path, detail: "不是 UTF-8 编码")
            }
            laws.append(try StatuteParser.parse(text, fileName: file.lastPathComponent))
        }
        guard !laws.isEmpty else { throw StatuteError.unreadable(file: directory.path, detail: "目录中没有法律文本") }
        return LawLibrary(laws: laws)
    }

    /// Finds a law by id (work-safety), short name (安全生产法), full title, or
    /// short name in book-title marks (《安全生产法》).
    public func law(named name: String) -> Law? {
        // Banks name a law exactly many times over while loading: try that before trimming.
        if let law = laws.first(where: { $0.id == name || $0.shortName == name || $0.title == name }) { return law }
        let key = name.trimmingCharacters(in: .whitespaces)
            .trimmingCharacters(in: CharacterSet(charactersIn: "《》"))
        return laws.first { $0.id == key || $0.shortName == key || $0.title == key }
    }

    /// Like `law(named:)` but throws an error listing the valid names.
    public func requireLaw(named name: String) throws -> Law {
        guard let law = law(named: name) else {
            throw StatuteError.unknownLaw(name: name, known: laws.map { "\($0.id)（\($0.shortName)）" })
        }
        return law
    }

    /// Resolves `21`, `第二十一条`, `二十一` to an article of `law`, or throws
    /// an error that gives the valid range.
    public func requireArticle(_ reference: String, in law: Law) throws -> Article {
        // NFKC folds full-width digits and spaces typed with a Chinese input method (第５３条).
        var text = reference.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("第") { text.removeFirst() }
        if text.hasSuffix("条") { text.removeLast() }
        guard let number = ChineseNumeral.value(of: text) else {
            throw StatuteError.badArticleReference(text: reference)
        }
        guard let article = law.article(number) else {
            throw StatuteError.unknownArticle(law: law.shortName, number: number, count: law.articles.count)
        }
        return article
    }
}
