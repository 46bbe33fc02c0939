import Foundation
import XCTest

@testable import LawQuizCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `XMLEventReader` replaced FoundationXML's parser (libxml2) for Moodle
/// files and .xlsx parts: on well-formed documents without a DTD it must
/// report what libxml2 reports, and refuse what is not well-formed.
final class XMLEventReaderTests: XCTestCase {
    /// Events as text lines; adjacent text joined (libxml2 splits text at entities).
    final class Recorder: XMLEventHandler {
        var events: [String] = []
        var lines: [Int] = []
        func startElement(_ name: String, attributes: [String: String], line: Int) {
            events.append("start \(name) " + attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.debugDescription)" }.joined(separator: " "))
            lines.append(line)
        }
        func endElement(_ name: String) { events.append("end \(name)") }
        func characters(_ text: String) {
            if let last = events.last, last.hasPrefix("text ") { events[events.count - 1] += text } else { events.append("text " + text) }
        }
    }

    /// The same events from FoundationXML, CDATA as text.
    final class FoundationRecorder: NSObject, XMLParserDelegate {
        let recorder = Recorder()
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            recorder.startElement(name, attributes: attributes, line: parser.lineNumber)
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            recorder.endElement(name)
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { recorder.characters(string) }
        func parser(_ parser: XMLParser, foundCDATA data: Data) { recorder.characters(String(decoding: data, as: UTF8.self)) }
    }

    private func events(_ text: String) throws -> [String] {
        let recorder = Recorder()
        try XMLEventReader.read(Data(text.utf8), into: recorder)
        return recorder.events
    }

    private func foundationEvents(_ text: String) -> [String]? {
        let recorder = FoundationRecorder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = recorder
        return parser.parse() ? recorder.recorder.events : nil
    }

    func testEventsOfAMoodleLikeDocument() throws {
        let document = """
            \u{FEFF}<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- export -->\r\n<quiz>\r\n  <question type="multichoice">\r\n\
            <name><text>甲 &amp; 乙 &#x4E19; &#19969;</text></name>\r\n<questiontext format="html"><text><![CDATA[<p>A & B</p>]]></text></questiontext>\r\n\
            <answer fraction='100' note="a&quot;b&#9;c\td"/></question>\r\n</quiz>\r\n
            """
        let recorder = Recorder()
        try XMLEventReader.read(Data(document.utf8), into: recorder)
        XCTAssertEqual(recorder.events, [
            "start quiz ", "text \n  ", "start question type=\"multichoice\"", "text \n", "start name ", "start text ",
            "text 甲 & 乙 丙 丁", "end text", "end name", "text \n", "start questiontext format=\"html\"", "start text ",
            "text <p>A & B</p>", "end text", "end questiontext", "text \n", "start answer fraction=\"100\" note=\"a\\\"b\\tc d\"",
            "end answer", "end question", "text \n", "end quiz",
        ])
        XCTAssertEqual(recorder.lines, [3, 4, 5, 5, 6, 6, 7], "CRLF counts as one line break")
        #if canImport(FoundationXML)
            XCTAssertEqual(foundationEvents(document), recorder.events)
        #endif
    }

    func testRandomDocumentsReadAsLibxml2ReadsThem() throws {
        #if canImport(FoundationXML)
            var generator = SystemRandomNumberGenerator()
            let texts = ["题目", "a &lt; b", "&amp;&gt;&quot;&apos;", "&#x1F600;", " ", "\n", "\r\n", "x y", "&#12288;", "]>", "'\""]
            for _ in 0..<300 {
                var document = Int.random(in: 0..<2, using: &generator) == 0 ? "<?xml version=\"1.0\"?>\n" : ""
                func element(_ depth: Int) {
                    let name = ["quiz", "row", "c", "t", "is", "answer"].randomElement(using: &generator) ?? "a"
                    var attributes = ""
                    for (index, attribute) in ["r", "t", "s"].enumerated() where Int.random(in: 0..<3, using: &generator) == 0 {
                        let value = (texts.randomElement(using: &generator) ?? "").replacingOccurrences(of: "\"", with: "&quot;")
                        attributes += index % 2 == 0 ? " \(attribute)=\"\(value)\"" : " \(attribute) = '\(value.replacingOccurrences(of: "'", with: "&apos;"))'"
                    }
                    if depth > 4 || Int.random(in: 0..<4, using: &generator) == 0 {
                        document += "<\(name)\(attributes)/>"
                        return
                    }
                    document += "<\(name)\(attributes)>"
                    for _ in 0..<Int.random(in: 0...3, using: &generator) {
                        switch Int.random(in: 0..<5, using: &generator) {
                        // CR LF inside CDATA: libxml2 hands it on unchanged, XML 1.0 (and this reader) reads a line feed.
                        case 0: document += "<![CDATA[" + (texts.randomElement(using: &generator) ?? "").replacingOccurrences(of: "\r", with: "") + "<&>]]>"
                        case 1: document += "<!-- c -->"
                        case 2: element(depth + 1)
                        default: document += (texts.randomElement(using: &generator) ?? "").replacingOccurrences(of: "]>", with: "]&gt;")
                        }
                    }
                    document += "</\(name)>"
                }
                element(0)
                document += "\n"
                XCTAssertEqual(try events(document), foundationEvents(document), document)
            }
        #else
            throw XCTSkip("FoundationXML is not available to compare with")
        #endif
    }

    func testMalformedDocumentsAreRefusedWithTheirLine() {
        let refused: [(String, Int, String)] = [
            ("<quiz><question>", 1, "未结束"),
            ("<quiz>\n<question></quiz>", 2, "不匹配"),
            ("<a/><b/>", 1, "根元素之后"),
            ("text<a/>", 1, "根元素之外"),
            ("", 1, "没有根元素"),
            ("<?xml version=\"1.0\"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><quiz>&x;</quiz>", 2, "DTD"),
            ("<quiz>&nbsp;</quiz>", 1, "未定义的实体"),
            ("<quiz>&#0;</quiz>", 1, "无效的字符引用"),
            ("<quiz>&#xD800;</quiz>", 1, "无效的字符引用"),
            ("<quiz>\u{1}</quiz>", 1, "控制字符"),
            ("<quiz a=\"1\" a=\"2\"/>", 1, "重复"),
            ("<quiz a=1/>", 1, "引号"),
            ("<quiz a=\"<\"/>", 1, "含有 <"),
            ("<quiz a=\"1\"b=\"2\"/>", 1, "空白"),
            ("<?xml version=\"1.0\" encoding=\"GBK\"?><quiz/>", 1, "编码"),
            ("<quiz><!-- open", 1, "注释"),
            ("<quiz>\n\n<![CDATA[ open", 3, "CDATA"),
            ("<1a/>", 1, "名称"),
            (String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300), 1, "嵌套"),
        ]
        for (document, line, reason) in refused {
            XCTAssertThrowsError(try events(document), document) { error in
                guard let error = error as? XMLSyntaxError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.line, line, document)
                XCTAssertTrue(error.reason.contains(reason), "\(document): \(error.reason)")
            }
        }
        XCTAssertThrowsError(try XMLEventReader.read(Data([0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E]), into: Recorder()))
        XCTAssertNoThrow(try events(String(repeating: "<a>", count: 256) + String(repeating: "</a>", count: 256)))
    }

    func testAHandlerStopsTheReading() throws {
        final class FirstOnly: XMLEventHandler {
            var names: [String] = []
            func startElement(_ name: String, attributes: [String: String], line: Int) { names.append(name) }
            var stopsReading: Bool { !names.isEmpty }
        }
        let handler = FirstOnly()
        try XMLEventReader.read(Data("<a><b/><c>unclosed".utf8), into: handler)
        XCTAssertEqual(handler.names, ["a"])
    }
}
