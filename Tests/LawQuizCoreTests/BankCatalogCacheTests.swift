import Foundation
import LawQuizCore
import XCTest

final class BankCatalogCacheTests: XCTestCase {
    func testCacheIsUsedUntilABankChanges() throws {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("lawquiz-cache-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: root) }
        try manager.createDirectory(at: root.appendingPathComponent("banks"), withIntermediateDirectories: true)
        try manager.copyItem(at: TestPaths.statutes, to: root.appendingPathComponent("statutes"))
        let bank = root.appendingPathComponent("banks/valid.yaml")
        try manager.copyItem(at: TestPaths.fixtures.appendingPathComponent("valid.yaml"), to: bank)
        let cacheFile = root.appendingPathComponent("cache/catalog.json")

        let first = try BankCatalogCache.load(root: root, cacheFile: cacheFile)
        XCTAssertEqual(first.questions.count, 3)
        XCTAssertTrue(manager.fileExists(atPath: cacheFile.path))
        let second = try BankCatalogCache.load(root: root, cacheFile: cacheFile)
        XCTAssertEqual(second.questions.map(\.id), first.questions.map(\.id))
        XCTAssertEqual(second.library.law(named: "安全生产法")?.articles.count, 119)

        // Edit the bank: drop the last question. The cache must not hide the change.
        let text = try String(contentsOf: bank, encoding: .utf8)
        let cut = try XCTUnwrap(text.range(of: "  - id: ok-003"))
        try String(text[..<cut.lowerBound]).write(to: bank, atomically: true, encoding: .utf8)
        let third = try BankCatalogCache.load(root: root, cacheFile: cacheFile)
        XCTAssertEqual(third.questions.map(\.id), ["ok-001", "ok-002"])

        // A corrupt cache file is rebuilt, not an error.
        try Data("not json".utf8).write(to: cacheFile)
        XCTAssertEqual(try BankCatalogCache.load(root: root, cacheFile: cacheFile).questions.count, 2)
    }
}
