import Foundation
import XCTest

@testable import LawQuizCore

/// The hand-written replacements on the start path of `exam take` (README,
/// "Launch") give what the Foundation calls they replace gave.
final class LaunchPathTests: XCTestCase {
    func testHexMatchesFormatOfEveryWidth() {
        var values: [UInt64] = [0, 1, 0xF, 0x10, 0xABC, UInt64.max, 0x8000_0000_0000_0000, 0x0123_4567_89AB_CDEF]
        var generator = SystemRandomNumberGenerator()
        values += (0..<200).map { _ in UInt64.random(in: 0...UInt64.max, using: &generator) >> UInt64.random(in: 0...63) }
        for value in values {
            XCTAssertEqual(FNV1a.hex(value), String(format: "%016llx", value))
        }
        XCTAssertEqual(FNV1a.hex("法"), String(format: "%016llx", FNV1a.hash("法")))
    }

    func testAccumulatorOfTextEqualsAccumulatorOfItsBytes() {
        var text = FNV1a.Accumulator(), bytes = FNV1a.Accumulator()
        for piece in ["statutes/档案法.md", "\u{1F}", "", "1:2:3"] {
            text.add(piece)
            bytes.add(Data(piece.utf8))
        }
        XCTAssertEqual(text.value, bytes.value)
        XCTAssertEqual(text.value, FNV1a.hash("statutes/档案法.md\u{1F}1:2:3"))
    }

    func testAnswerKeyCodes() {
        XCTAssertEqual(AnswerKey(code: "A", type: .single), .options(["A"]))
        XCTAssertEqual(AnswerKey(code: "BDA", type: .multiple), .options(["A", "B", "D"]))
        XCTAssertEqual(AnswerKey(code: "AA", type: .multiple), .options(["A"]))
        XCTAssertEqual(AnswerKey(code: "F", type: .single), .options(["F"]))
        XCTAssertEqual(AnswerKey(code: "T", type: .judge), .judgement(true))
        XCTAssertEqual(AnswerKey(code: "F", type: .judge), .judgement(false))
        for bad in ["", "G", "a", "A B", "AÁ", "A\u{301}", "Ａ", "甲", "TF"] {
            XCTAssertNil(AnswerKey(code: bad, type: .multiple), bad)
        }
        XCTAssertNil(AnswerKey(code: "A", type: .judge))
        XCTAssertNil(AnswerKey(code: "", type: .judge))
    }

    func testSnapshotBytesMapOnlyANonEmptyRegularFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mapped-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let content = Data((0..<20_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let file = folder.appendingPathComponent("snapshot.bin")
        try content.write(to: file)
        let mapped = try XCTUnwrap(SnapshotBytes(mappingFileAt: file.path))
        withExtendedLifetime(mapped) { XCTAssertEqual(Data(mapped.bytes), content) }
        let copied = content.withUnsafeBytes { SnapshotBytes(copying: $0) }
        withExtendedLifetime(copied) { XCTAssertEqual(Data(copied.bytes), content) }
        let empty = folder.appendingPathComponent("empty.bin")
        try Data().write(to: empty)
        XCTAssertNil(SnapshotBytes(mappingFileAt: empty.path))
        XCTAssertNil(SnapshotBytes(mappingFileAt: folder.appendingPathComponent("missing.bin").path))
        XCTAssertNil(SnapshotBytes(mappingFileAt: folder.path), "a folder is not read")
    }

    func testDeferredTextEqualsAndHashesAsItsText() throws {
        let text = "依据《档案法》第十四条，应当归档。"
        let snapshot = Data(("前" + text + "后").utf8).withUnsafeBytes { SnapshotBytes(copying: $0) }
        let start = "前".utf8.count
        let deferred = DeferredText(start..<start + text.utf8.count, of: snapshot)
        XCTAssertEqual(deferred.string, text)
        XCTAssertEqual(deferred, DeferredText(text))
        XCTAssertEqual(Set([deferred, DeferredText(text)]).count, 1)
        XCTAssertNotEqual(deferred, DeferredText(text + "。"))
    }

    func testSnapshotDecodesTheSameFromMappedBytesAsFromData() throws {
        let catalog = try BankCatalog.load(root: TestPaths.questionBanks)
        let encoded = CatalogSnapshot.encode(catalog)
        let fromData = try CatalogSnapshot.decode(encoded)
        let snapshot = encoded.withUnsafeBytes { SnapshotBytes(copying: $0) }
        let fromBytes = try CatalogSnapshot.decodeWithExams(snapshot).catalog
        XCTAssertEqual(fromBytes.questions, fromData.questions)
        XCTAssertEqual(fromBytes.questions, catalog.questions)
        XCTAssertEqual(fromBytes.questions.map(\.explanation), catalog.questions.map(\.explanation))
        XCTAssertEqual(fromBytes.questions.map(\.evidence), catalog.questions.map(\.evidence))
        XCTAssertEqual(fromBytes.library.laws.map(\.articles), catalog.library.laws.map(\.articles))
        // A deferred text set anew is the new text.
        var question = try XCTUnwrap(fromBytes.banks.first?.questions.first)
        question.explanation = "新的解析"
        XCTAssertEqual(question.explanation, "新的解析")
        let truncated = encoded.prefix(encoded.count - 1).withUnsafeBytes { SnapshotBytes(copying: $0) }
        XCTAssertThrowsError(try CatalogSnapshot.decodeWithExams(truncated))
    }
}
