import Foundation
import XCTest

@testable import LawQuizCore

final class StatuteParserTests: XCTestCase {
    func testArticleCountsAndMetadata() throws {
        let library = try TestPaths.library()
        let expected = ["work-safety": (119, "安全生产法", "2021", "2021-06-10"),
                        "archives": (53, "档案法", "2020", "2020-06-20"),
                        "national-security": (84, "国家安全法", "2015", "2015-07-01")]
        XCTAssertEqual(library.laws.count, 3)
        for (id, (count, name, version, date)) in expected {
            let law = try XCTUnwrap(library.law(named: id))
            XCTAssertEqual(law.articles.count, count, id)
            XCTAssertEqual(law.articles.map(\.number), Array(1...count), "\(id): nothing dropped or merged")
            XCTAssertEqual(law.shortName, name)
            XCTAssertEqual(law.version, version)
            XCTAssertEqual(law.date, date)
            XCTAssertEqual(library.law(named: name)?.id, id)
            XCTAssertEqual(library.law(named: "《\(name)》")?.id, id)
        }
    }

    func testEveryArticleLineOfTheSourceBecomesOneArticle() throws {
        for file in ["work-safety-law-2021.md", "archives-law-2020.md", "national-security-law-2015.md"] {
            let text = try String(contentsOf: TestPaths.statutes.appendingPathComponent(file), encoding: .utf8)
            let starts = text.split(separator: "\n").filter { $0.hasPrefix("第") && $0.contains("条 ") }.count
            let law = try StatuteParser.parse(text, fileName: file)
            XCTAssertEqual(law.articles.count, starts, file)
            let paragraphs = text.split(separator: "\n").filter {
                !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("<!--")
            }.count
            XCTAssertEqual(law.articles.map(\.paragraphs.count).reduce(0, +), paragraphs - law.history.count, file)
        }
    }

    func testWorkSafetyArticleFive() throws {
        let law = try XCTUnwrap(try TestPaths.library().law(named: "安全生产法"))
        let article = try XCTUnwrap(law.article(5))
        XCTAssertEqual(article.heading, "第五条")
        XCTAssertEqual(
            article.text,
            "生产经营单位的主要负责人是本单位安全生产第一责任人，对本单位的安全生产工作全面负责。其他负责人对职责范围内的安全生产工作负责。")
        XCTAssertEqual(law.chapter(of: article)?.heading, "第一章 总则")
    }

    func testArchivesArticleFiftyThree() throws {
        let law = try XCTUnwrap(try TestPaths.library().law(named: "archives"))
        let article = try XCTUnwrap(law.article(53))
        XCTAssertEqual(article.text, "本法自2021年1月1日起施行。")
        XCTAssertEqual(law.chapter(of: article)?.heading, "第八章 附 则")
    }

    func testItemsOfWorkSafetyArticleTwentyOne() throws {
        let law = try XCTUnwrap(try TestPaths.library().law(named: "work-safety"))
        let article = try XCTUnwrap(law.article(21))
        XCTAssertEqual(article.items.map(\.number), Array(1...7))
        XCTAssertEqual(article.items[6].text, "及时、如实报告生产安全事故。")
        XCTAssertEqual(article.items[2].text, "组织制定并实施本单位安全生产教育和培训计划；")
        XCTAssertTrue(article.paragraphs[0].hasPrefix("生产经营单位的主要负责人对本单位安全生产工作负有下列职责"))
    }

    func testSectionsOfNationalSecurityLaw() throws {
        let law = try XCTUnwrap(try TestPaths.library().law(named: "国家安全法"))
        let chapterFour = try XCTUnwrap(law.chapters.first { $0.number == 4 })
        XCTAssertEqual(chapterFour.sections.map(\.number), [1, 2, 3, 4, 5])
        XCTAssertEqual(chapterFour.sections[1].heading, "第二节 情报信息")
        let firstInChapterFour = try XCTUnwrap(law.articles.first { $0.chapterNumber == 4 })
        XCTAssertEqual(firstInChapterFour.sectionNumber, 1)
    }

    func testArticleReferences() throws {
        let library = try TestPaths.library()
        let law = try library.requireLaw(named: "安全生产法")
        XCTAssertEqual(try library.requireArticle("21", in: law).number, 21)
        XCTAssertEqual(try library.requireArticle("第二十一条", in: law).number, 21)
        XCTAssertEqual(try library.requireArticle("第２１条", in: law).number, 21, "full-width digits from a Chinese input method")
        XCTAssertEqual(try library.requireArticle("　２１　", in: law).number, 21)
        XCTAssertThrowsError(try library.requireArticle("120", in: law)) { error in
            XCTAssertEqual(error as? StatuteError, .unknownArticle(law: "安全生产法", number: 120, count: 119))
            XCTAssertTrue(error.localizedDescription.contains("第1条至第119条"))
        }
        XCTAssertThrowsError(try library.requireLaw(named: "刑法")) { error in
            XCTAssertTrue(error.localizedDescription.contains("work-safety"))
        }
    }

    /// The parser splits lines without Foundation: the same lines as `components(separatedBy:)`.
    func testLinesAreFoundationsComponents() throws {
        var texts = ["", "\n", "a\r\nb\nc\r", "x\u{301}\ny\n\u{301}z", "第一条 文\r\n\r\n第二条", "\u{FEFF}# 标题\n\n"]
        for file in ["work-safety-law-2021.md", "archives-law-2020.md", "national-security-law-2015.md"] {
            texts.append(try String(contentsOf: TestPaths.statutes.appendingPathComponent(file), encoding: .utf8))
        }
        for text in texts {
            let expected = text.components(separatedBy: "\n").map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
            XCTAssertEqual(StatuteParser.lines(of: text), expected, text.prefix(20).debugDescription)
        }
    }

    func testMalformedStatutes() {
        XCTAssertThrowsError(try StatuteParser.parse("第一条 x", fileName: "x.md")) {
            XCTAssertEqual($0 as? StatuteError, .missingTitle(file: "x.md"))
        }
        let skipped = "# 某法\n<!-- INFO END -->\n第一条 a\n\n第三条 b\n"
        XCTAssertThrowsError(try StatuteParser.parse(skipped, fileName: "s.md")) {
            XCTAssertEqual($0 as? StatuteError, .articleOutOfOrder(file: "s.md", line: 5, expected: 2, found: 3))
        }
    }
}
