import Foundation
import XCTest

@testable import LawQuizCore

/// Export → import gives the same questions, for every format.
final class BankExportTests: XCTestCase {
    private static let library = Result { try TestPaths.library() }
    private var library: LawLibrary { get throws { try Self.library.get() } }
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    private func shipped() -> [Question] {
        var questions = BankLoader.load(paths: [TestPaths.questionBanks.appendingPathComponent("banks").path]).questions
        // Characters each format gives a meaning to, in stem, option and 解析.
        questions[1].stem = "含 GIFT 记号 ~ = # { } : \\ 与 XML 记号 <b>&amp; 的题干（ ）。"
        if let index = questions.firstIndex(where: { $0.type == .single }) {
            questions[index].options[0].text = "选项 = ~甲 #1"
            questions[index].explanation = "第一行\n第二行 & <解析>"
        }
        return questions
    }

    /// What must survive every format: the question as an examinee and a grader see it, and its article.
    private func assertSameQuestions(_ read: [Question], _ written: [Question], format: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(read.count, written.count, format, file: file, line: line)
        for (back, original) in zip(read, written) {
            XCTAssertEqual(back.id, original.id, format, file: file, line: line)
            XCTAssertEqual(back.type, original.type, "\(format) \(original.id)", file: file, line: line)
            XCTAssertEqual(back.stem, original.stem, "\(format) \(original.id)", file: file, line: line)
            XCTAssertEqual(back.options, original.options, "\(format) \(original.id)", file: file, line: line)
            XCTAssertEqual(back.answer, original.answer, "\(format) \(original.id)", file: file, line: line)
            XCTAssertEqual(back.explanation, original.explanation, "\(format) \(original.id)", file: file, line: line)
            XCTAssertEqual(back.lawID, original.lawID, "\(format) \(original.id)", file: file, line: line)
            XCTAssertEqual(back.article, original.article, "\(format) \(original.id)", file: file, line: line)
        }
    }

    private func roundTrip(_ path: URL, format: ImportFormat) throws -> [Question] {
        let importer = BankImporter(library: try library)
        let bank = try importer.read(path: path.path, format: format)
        XCTAssertEqual(bank.issues, [], format.rawValue)
        let completed = importer.complete(bank, bankID: "back")
        XCTAssertEqual(completed.issues, [], format.rawValue)
        XCTAssertEqual(completed.grounded + completed.cited, format == .aiken ? completed.questions.count : 0, "law and article travel with the questions")
        return completed.questions
    }

    func testGIFTRoundTrip() throws {
        let questions = shipped()
        let url = folder.appendingPathComponent("bank.gift")
        try Data(GIFTWriter.text(questions, library: try library).utf8).write(to: url)
        assertSameQuestions(try roundTrip(url, format: .gift), questions, format: "gift")
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains("$CATEGORY: 安全生产法/第二十一条"))
        XCTAssertTrue(text.contains("::ws1-001 《安全生产法》第一条::"))
    }

    func testMoodleXMLRoundTripAndFractions() throws {
        let questions = shipped()
        let url = folder.appendingPathComponent("bank.xml")
        try Data(MoodleXMLWriter.text(questions, library: try library).utf8).write(to: url)
        assertSameQuestions(try roundTrip(url, format: .moodleXML), questions, format: "moodle-xml")
        let multiple = try XCTUnwrap(questions.first { $0.type == .multiple && $0.options.count == 4 && $0.answer.code.count == 3 })
        XCTAssertEqual(ExportedCitation.fractions(multiple).sorted(), ["-100", "33.33333", "33.33333", "33.33333"])
        for question in questions where question.type == .multiple {
            let fractions = ExportedCitation.fractions(question).compactMap(Double.init)
            XCTAssertEqual(fractions.filter { $0 > 0 }.reduce(0, +), 100, accuracy: 0.001, question.id)
            let wrong = fractions.filter { $0 < 0 }
            XCTAssertEqual(wrong.reduce(0, +), wrong.isEmpty ? 0 : -100, accuracy: 0.001, question.id)
        }
    }

    func testExcelRoundTripKeepsEvidenceDifficultyAndTags() throws {
        let questions = shipped()
        let url = folder.appendingPathComponent("bank.xlsx")
        try BankWorkbookWriter.write(questions, library: try library, to: url, title: "题库")
        let read = try roundTrip(url, format: .excel)
        assertSameQuestions(read, questions, format: "excel")
        XCTAssertEqual(read.map(\.citations), questions.map(\.citations), "every cited article and its evidence")
        XCTAssertGreaterThan(questions.filter { !$0.furtherCitations.isEmpty }.count, 10)
        XCTAssertEqual(read.map(\.difficulty), questions.map(\.difficulty))
        XCTAssertEqual(read.map(\.tags), questions.map(\.tags))
        XCTAssertTrue(read.allSatisfy { $0.grounding == nil }, "a row with law, article and evidence is taken as written")
    }

    func testAikenTakesSingleAnswerQuestionsOnly() throws {
        let questions = shipped()
        let (text, written, leftOut) = AikenWriter.text(questions)
        let singles = questions.filter { $0.type == .single }
        XCTAssertEqual(written, singles.count)
        XCTAssertEqual(leftOut, questions.count - singles.count)
        let url = folder.appendingPathComponent("bank.txt")
        try Data(text.utf8).write(to: url)
        let read = try roundTrip(url, format: .aiken)
        XCTAssertEqual(read.map(\.stem), singles.map(\.stem))
        XCTAssertEqual(read.map(\.options), singles.map(\.options))
        XCTAssertEqual(read.map(\.answer), singles.map(\.answer))
        let top1 = zip(read, singles).filter { $0.lawID == $1.lawID && $0.article == $1.article }.count
        XCTAssertGreaterThan(Double(top1) / Double(singles.count), 0.9, "Aiken carries no article: grounding finds it again")
    }
}
