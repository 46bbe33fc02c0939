import Foundation


/// One worksheet row as text cells, with its row number for messages.
public struct XLSXRow: Sendable, Hashable {
    /// 1-based row number in the sheet.
    public var number: Int
    public var cells: [String]
}

/// Reads the cell text of .xlsx worksheets (shared strings, inline strings,
/// numbers, booleans, cached formula results). Enough to import a roster
/// saved from Excel or WPS, and to read our own exports back in tests.
public struct XLSXReader {
    public let url: URL
    /// Sheet names in workbook order, with the part each lives in.
    public let sheets: [(name: String, part: String)]
    private let archive: ZipPartReader
    private let sharedStrings: [String]
    private let limits: XLSXLimits

    public init(url: URL, limits: XLSXLimits = .standard) throws {
        self.url = url
        self.limits = limits
        archive = try Self.open(url, limits: limits)
        try Self.checkDeclaredSizes(archive, limits: limits, url: url)
        let workbookPart = "xl/workbook.xml"
        let relations = try Self.relationships(try Self.part(archive, "xl/_rels/workbook.xml.rels", limits: limits, url: url))
        let workbook = try XLSXElements.parse(try Self.part(archive, workbookPart, limits: limits, url: url), url: url)
        sheets = workbook.filter { $0.name == "sheet" }.compactMap { element in
            guard let name = element.attributes["name"], let id = element.attributes["r:id"], let target = relations[id] else { return nil }
            return (name, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
        if let strings = archive.part("xl/sharedStrings.xml") {
            sharedStrings = try XLSXSharedStrings.parse(try Self.data(archive, strings, limits: limits, url: url), url: url)
        } else {
            sharedStrings = []
        }
    }

    /// Rows of the sheet at `index` (0 = first sheet), blank rows left out.
    public func rows(sheet index: Int) throws -> [XLSXRow] {
        guard sheets.indices.contains(index) else {
            throw ExportError.workbook(path: url.path, reason: "工作簿中没有第 \(index + 1) 个工作表")
        }
        let sheet = sheets[index]
        return try XLSXSheetParser.parse(try Self.part(archive, sheet.part, limits: limits, url: url), sharedStrings: sharedStrings, sheet: sheet.name, url: url)
    }

    /// Rows of the sheet with this name.
    public func rows(sheetNamed name: String) throws -> [XLSXRow] {
        guard let index = sheets.firstIndex(where: { $0.name == name }) else {
            throw ExportError.workbook(path: url.path, reason: "工作簿中没有名为“\(name)”的工作表")
        }
        return try rows(sheet: index)
    }

    /// Reads the file (no larger than all its parts may inflate to) and its zip directory.
    static func open(_ url: URL, limits: XLSXLimits) throws -> ZipPartReader {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        guard size <= limits.totalSize else { throw tooLarge(nil, limits: limits, url: url) }
        guard let bytes = try? Data(contentsOf: url) else { throw ExportError.workbook(path: url.path, reason: "无法读取文件") }
        do {
            return try ZipPartReader(bytes: bytes)
        } catch .tooLarge(let part) {
            throw tooLarge(part, limits: limits, url: url)
        } catch .malformed(let text) {
            throw ExportError.workbook(path: url.path, reason: "不是有效的 .xlsx 文件（无法作为压缩包打开：\(text)）")
        }
    }

    static func part(_ archive: ZipPartReader, _ path: String, limits: XLSXLimits, url: URL) throws -> Data {
        guard let entry = archive.part(path) else { throw ExportError.workbook(path: url.path, reason: "缺少 \(path)") }
        return try data(archive, entry, limits: limits, url: url)
    }

    /// The central directory states each part's inflated size: refuse a
    /// workbook whose parts claim too much before inflating anything.
    static func checkDeclaredSizes(_ archive: ZipPartReader, limits: XLSXLimits, url: URL) throws {
        var total = 0
        for entry in archive.parts {
            guard entry.uncompressedSize <= limits.partSize else { throw tooLarge(entry.path, limits: limits, url: url) }
            total += entry.uncompressedSize
            guard total <= limits.totalSize else { throw tooLarge(nil, limits: limits, url: url) }
        }
    }

    static func tooLarge(_ part: String?, limits: XLSXLimits, url: URL) -> ExportError {
        let limit = part.map { "\($0) 解压后超过 \(megabytes(limits.partSize))" } ?? "各部分解压后合计超过 \(megabytes(limits.totalSize))"
        return ExportError.workbook(path: url.path, reason: "工作簿过大或已损坏（\(limit)），未读取")
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : "\(bytes) 字节"
    }

    /// Inflates one part, counting bytes as they come: the stated size may
    /// lie, so inflation stops as soon as the part passes its cap. The part
    /// must be UTF-8 (as Excel and WPS write it), which `XMLEventReader`
    /// checks too; here the message names the part.

    static func data(_ archive: ZipPartReader, _ entry: ZipPartReader.Part, limits: XLSXLimits, url: URL) throws -> Data {
        let data: Data
        do {
            data = try archive.contents(of: entry, limit: limits.partSize)
        } catch .tooLarge(let part) {
            throw tooLarge(part, limits: limits, url: url)
        } catch .malformed(let text) {
            throw ExportError.workbook(path: url.path, reason: "无法解压 \(entry.path)：\(text)")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw ExportError.workbook(path: url.path, reason: "\(entry.path) 不是有效的 UTF-8 文本（第 \(BankLoader.firstInvalidUTF8Line(data)) 行），文件可能已损坏")
        }
        // Excel and WPS never write a DTD; one can only define entities that
        // expand (the "billion laughs"), so it is refused before parsing.
        guard data.range(of: Data("<!DOCTYPE".utf8)) == nil, data.range(of: Data("<!ENTITY".utf8)) == nil else {
            throw ExportError.workbook(path: url.path, reason: "\(entry.path) 含有 DTD 或实体定义（Excel 不会写出这些内容），未读取")
        }
        return data
    }

    static func relationships(_ data: Data) throws -> [String: String] {
        var result: [String: String] = [:]
        for element in try XLSXElements.parse(data, url: URL(fileURLWithPath: "workbook.xml.rels")) where element.name == "Relationship" {
            if let id = element.attributes["Id"], let target = element.attributes["Target"] { result[id] = target }
        }
        return result
    }
}

/// Collects start tags with their attributes (workbook and relationship parts).
final class XLSXElements: XMLEventHandler {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    private var elements: [Element] = []

    static func parse(_ data: Data, url: URL) throws -> [Element] {
        let collector = XLSXElements()
        do {
            try XMLEventReader.read(data, into: collector)
        } catch {
            throw ExportError.workbook(path: url.path, reason: "XML 无法解析：\(error)")
        }
        return collector.elements
    }

    func startElement(_ name: String, attributes: [String: String], line: Int) {
        elements.append(Element(name: Self.local(name), attributes: attributes))
    }

    static func local(_ name: String) -> String {
        name.split(separator: ":").last.map(String.init) ?? name
    }
}

/// The shared-string table: each `<si>`'s text runs joined, phonetic runs skipped.
final class XLSXSharedStrings: XMLEventHandler {
    private var strings: [String] = []
    private var current = ""
    private var inText = false
    private var phoneticDepth = 0

    static func parse(_ data: Data, url: URL) throws -> [String] {
        let collector = XLSXSharedStrings()
        do {
            try XMLEventReader.read(data, into: collector)
        } catch {
            throw ExportError.workbook(path: url.path, reason: "共享字符串表无法解析：\(error)")
        }
        return collector.strings
    }

    func startElement(_ name: String, attributes: [String: String], line: Int) {
        switch XLSXElements.local(name) {
        case "si": current = ""
        case "t": inText = phoneticDepth == 0
        case "rPh": phoneticDepth += 1
        default: break
        }
    }

    func endElement(_ name: String) {
        switch XLSXElements.local(name) {
        case "si": strings.append(current)
        case "t": inText = false
        case "rPh": phoneticDepth -= 1
        default: break
        }
    }

    func characters(_ text: String) {
        if inText { current += text }
    }
}
