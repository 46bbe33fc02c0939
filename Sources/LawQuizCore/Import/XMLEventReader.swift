import Foundation

/// Receives what `XMLEventReader` finds, in document order.
protocol XMLEventHandler: AnyObject {
    /// A start tag (also of an empty element, whose end follows at once);
    /// `name` as written (`x:row`), `line` the line of its `<`.
    func startElement(_ name: String, attributes: [String: String], line: Int)
    func endElement(_ name: String)
    /// Text between tags, entities replaced; CDATA sections count as text.
    func characters(_ text: String)
    /// Checked after every event: true ends the reading early (no error).
    var stopsReading: Bool { get }
}

extension XMLEventHandler {
    func endElement(_ name: String) {}
    func characters(_ text: String) {}
    var stopsReading: Bool { false }
}

/// Why a document is not read, and where.
struct XMLSyntaxError: Error, CustomStringConvertible {
    let line: Int
    let reason: String
    var description: String { "第 \(line) 行：\(reason)" }
}

/// The XML this program reads (Moodle question files, the parts of an
/// .xlsx workbook), read in Swift: FoundationXML linked libxml2 and with it
/// ICU and liblzma, four of the program's shared libraries, loaded and
/// relocated at every start for an import now and then (README, "Launch").
/// Well-formed UTF-8 XML 1.0 without a DTD: no `<!DOCTYPE`, so no entity
/// but the five predefined ones and character references — nothing can
/// expand or reach a file. Elements nest at most 256 deep (libxml2's limit).
enum XMLEventReader {
    static let maxDepth = 256

    static func read(_ data: Data, into handler: some XMLEventHandler) throws(XMLSyntaxError) {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw XMLSyntaxError(line: BankLoader.firstInvalidUTF8Line(data), reason: "不是有效的 UTF-8 文本")
        }
        var cursor = XMLCursor(text: text)
        try cursor.read(into: handler)
    }
}

/// The position in a document being read, line breaks already normalised to LF.
private struct XMLCursor {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1

    init(text: String) {
        var source = text.utf8[...]
        // A byte-order mark is not content.
        if source.starts(with: [0xEF, 0xBB, 0xBF]) { source = source.dropFirst(3) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(source.count)
        var iterator = source.makeIterator()
        var pending = iterator.next()
        while let byte = pending {
            pending = iterator.next()
            if byte == 0x0D {
                bytes.append(0x0A)
                if pending == 0x0A { pending = iterator.next() }
            } else {
                bytes.append(byte)
            }
        }
        self.bytes = bytes
    }

    private func fail(_ reason: String) -> XMLSyntaxError { XMLSyntaxError(line: line, reason: reason) }

    private func starts(with literal: String) -> Bool {
        let count = literal.utf8.count
        return position + count <= bytes.count && bytes[position..<position + count].elementsEqual(literal.utf8)
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where position < bytes.count {
            if bytes[position] == 0x0A { line += 1 }
            position += 1
        }
    }

    /// Moves past `terminator`; the bytes before it are returned.
    private mutating func skip(past terminator: String, what: String) throws(XMLSyntaxError) -> ArraySlice<UInt8> {
        let start = position
        while position < bytes.count {
            if starts(with: terminator) {
                let skipped = bytes[start..<position]
                advance(terminator.utf8.count)
                return skipped
            }
            advance()
        }
        throw fail("\(what)未结束")
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }

    private mutating func skipSpace() {
        while position < bytes.count, Self.isSpace(bytes[position]) { advance() }
    }

    private mutating func readName() throws(XMLSyntaxError) -> String {
        let start = position
        scanning: while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "<"),
                UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "&"):
                break scanning
            default:
                position += 1
            }
        }
        guard position > start, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[start]),
            bytes[start] != UInt8(ascii: "-"), bytes[start] != UInt8(ascii: ".")
        else { throw fail("缺少或无效的名称") }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#N;` `&#xN;`, the cursor on the `&`.
    private mutating func reference(into text: inout [UInt8]) throws(XMLSyntaxError) {
        advance()
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: ";"), position - start < 12 { position += 1 }
        guard position < bytes.count, bytes[position] == UInt8(ascii: ";") else { throw fail("实体引用未以 ; 结束") }
        let body = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        let replacement: Unicode.Scalar?
        switch body {
        case "lt": replacement = "<"
        case "gt": replacement = ">"
        case "amp": replacement = "&"
        case "quot": replacement = "\""
        case "apos": replacement = "'"
        default:
            if body.hasPrefix("#x") {
                replacement = UInt32(body.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if body.hasPrefix("#") {
                replacement = UInt32(body.dropFirst(1), radix: 10).flatMap(Unicode.Scalar.init)
            } else {
                throw fail("未定义的实体 &\(body);")
            }
        }
        guard let replacement, Self.isCharacter(replacement.value) else { throw fail("无效的字符引用 &\(body);") }
        text.append(contentsOf: String(replacement).utf8)
    }

    /// XML 1.0's Char: no control characters but tab, LF and CR.
    private static func isCharacter(_ value: UInt32) -> Bool {
        value == 0x09 || value == 0x0A || value == 0x0D || (value >= 0x20 && value != 0xFFFE && value != 0xFFFF)
    }

    mutating func read(into handler: some XMLEventHandler) throws(XMLSyntaxError) {
        var open: [String] = []
        var rootClosed = false
        var text: [UInt8] = []

        func flush() throws(XMLSyntaxError) {
            defer { text.removeAll(keepingCapacity: true) }
            guard !text.isEmpty else { return }
            if open.isEmpty {
                guard text.allSatisfy(Self.isSpace) else { throw fail("根元素之外有文本") }
            } else {
                handler.characters(String(decoding: text, as: UTF8.self))
            }
        }

        while position < bytes.count {
            if handler.stopsReading { return }
            let byte = bytes[position]
            if byte == UInt8(ascii: "&") {
                try reference(into: &text)
                continue
            }
            if byte != UInt8(ascii: "<") {
                guard byte >= 0x20 || Self.isSpace(byte) else { throw fail("含有控制字符") }
                text.append(byte)
                advance()
                continue
            }
            if starts(with: "<![CDATA[") {
                guard !open.isEmpty else { throw fail("根元素之外有 CDATA") }
                advance(9)
                text.append(contentsOf: try skip(past: "]]>", what: "CDATA"))
                continue
            }
            try flush()
            if starts(with: "<!--") {
                advance(4)
                _ = try skip(past: "-->", what: "注释")
            } else if starts(with: "<!") {
                throw fail("含有 DTD 或实体定义（<!DOCTYPE、<!ENTITY），未读取")
            } else if starts(with: "<?") {
                advance(2)
                let instruction = String(decoding: try skip(past: "?>", what: "处理指令"), as: UTF8.self)
                if instruction.hasPrefix("xml "), let range = instruction.range(of: "encoding") {
                    let declared = instruction[range.upperBound...].drop { $0 == "=" || $0 == " " || $0 == "\"" || $0 == "'" }
                        .prefix { $0 != "\"" && $0 != "'" }.lowercased()
                    guard declared == "utf-8" || declared == "utf8" else { throw fail("编码 \(declared) 不受支持（应为 UTF-8）") }
                }
            } else if starts(with: "</") {
                advance(2)
                let name = try readName()
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: ">") else { throw fail("结束标签 </\(name) 未以 > 结束") }
                advance()
                guard let expected = open.popLast(), expected == name else { throw fail("结束标签 </\(name)> 与开始标签不匹配") }
                handler.endElement(name)
                rootClosed = open.isEmpty
            } else {
                let tagLine = line
                advance()
                let name = try readName()
                guard !rootClosed else { throw fail("根元素之后还有元素 <\(name)>") }
                guard open.count < XMLEventReader.maxDepth else { throw fail("元素嵌套超过 \(XMLEventReader.maxDepth) 层") }
                var attributes: [String: String] = [:]
                var empty = false
                while true {
                    let hadSpace = position < bytes.count && Self.isSpace(bytes[position])
                    skipSpace()
                    guard position < bytes.count else { throw fail("开始标签 <\(name) 未结束") }
                    if bytes[position] == UInt8(ascii: ">") {
                        advance()
                        break
                    }
                    if starts(with: "/>") {
                        advance(2)
                        empty = true
                        break
                    }
                    guard hadSpace else { throw fail("<\(name) 的属性前缺少空白") }
                    let attribute = try readName()
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { throw fail("属性 \(attribute) 缺少 =") }
                    advance()
                    skipSpace()
                    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'") else {
                        throw fail("属性 \(attribute) 的值缺少引号")
                    }
                    let quote = bytes[position]
                    advance()
                    var value: [UInt8] = []
                    while true {
                        guard position < bytes.count else { throw fail("属性 \(attribute) 的值未结束") }
                        let byte = bytes[position]
                        if byte == quote { break }
                        if byte == UInt8(ascii: "<") { throw fail("属性 \(attribute) 的值含有 <") }
                        if byte == UInt8(ascii: "&") {
                            try reference(into: &value)
                            continue
                        }
                        guard byte >= 0x20 || Self.isSpace(byte) else { throw fail("含有控制字符") }
                        // Attribute-value normalisation: a literal tab or line break reads as a space.
                        value.append(Self.isSpace(byte) ? 0x20 : byte)
                        advance()
                    }
                    advance()
                    guard attributes.updateValue(String(decoding: value, as: UTF8.self), forKey: attribute) == nil else {
                        throw fail("属性 \(attribute) 重复")
                    }
                }
                handler.startElement(name, attributes: attributes, line: tagLine)
                if empty {
                    if handler.stopsReading { return }
                    handler.endElement(name)
                    rootClosed = open.isEmpty
                } else {
                    open.append(name)
                }
            }
        }
        try flush()
        if let unclosed = open.last { throw fail("元素 <\(unclosed)> 未结束") }
        guard rootClosed else { throw fail("没有根元素") }
    }
}
