import Foundation
@testable import LawQuizCore
import XCTest

/// The parsed-catalog cache: same catalog as a full load, read when the
/// files are unchanged, missed after any edit, another salt or damage.
final class CatalogCacheTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("lawquiz-cache-\(UUID().uuidString)")
        let root = folder.appendingPathComponent("QuestionBanks")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for name in ["statutes", "banks"] {
            try FileManager.default.copyItem(
                at: ExamTestPaths.questionBanks.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var root: URL { folder.appendingPathComponent("QuestionBanks") }
    private var cache: URL { folder.appendingPathComponent("cache") }

    private func cacheFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)
    }

    func testCachedCatalogEqualsAFullLoad() throws {
        let direct = try BankCatalog.load(root: root)
        _ = try CatalogCache.load(root: root, folder: cache, salt: "t")
        XCTAssertEqual(try cacheFiles().count, 1)
        let cached = try CatalogCache.load(root: root, folder: cache, salt: "t")
        XCTAssertEqual(cached.questions, direct.questions)
        XCTAssertEqual(cached.library.laws, direct.library.laws)
        XCTAssertEqual(cached.diagnostics, direct.diagnostics)
        XCTAssertEqual(cached.banks.map(\.id), direct.banks.map(\.id))
        let some = try XCTUnwrap(direct.questions.first)
        XCTAssertEqual(cached.question(some.id), some)
    }

    func testTheSnapshotIsReadAndAnyEditOrSaltMissesIt() throws {
        _ = try CatalogCache.load(root: root, folder: cache, salt: "t")
        let file = try XCTUnwrap(try cacheFiles().first)
        // Tamper with the snapshot: an unchanged folder must be served from it.
        let stored = try CatalogSnapshot.decode(Data(contentsOf: file))
        var banks = stored.banks
        banks[0].questions[0].stem = "来自缓存"
        let tampered = BankCatalog(library: stored.library, linted: banks, diagnostics: stored.diagnostics)
        try CatalogSnapshot.encode(tampered).write(to: file)
        let id = banks[0].questions[0].id
        XCTAssertEqual(try CatalogCache.load(root: root, folder: cache, salt: "t").question(id)?.stem, "来自缓存")
        XCTAssertNotEqual(try CatalogCache.load(root: root, folder: cache, salt: "other build").question(id)?.stem, "来自缓存")
        // Editing a bank (here: a comment) changes the fingerprint.
        let bankFile = try XCTUnwrap(
            FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("banks"), includingPropertiesForKeys: nil)
                .first { $0.pathExtension == "yaml" })
        let handle = try FileHandle(forWritingTo: bankFile)
        handle.seekToEndOfFile()
        handle.write(Data("\n# edited\n".utf8))
        try handle.close()
        XCTAssertNotEqual(try CatalogCache.load(root: root, folder: cache, salt: "t").question(id)?.stem, "来自缓存")
        XCTAssertEqual(try cacheFiles().count, 1, "snapshots of older bank versions are removed")
    }

    func testADamagedSnapshotIsIgnored() throws {
        _ = try CatalogCache.load(root: root, folder: cache, salt: "t")
        let file = try XCTUnwrap(try cacheFiles().first)
        let data = try Data(contentsOf: file)
        try data.prefix(data.count / 2).write(to: file)
        XCTAssertThrowsError(try CatalogSnapshot.decode(data.prefix(data.count / 2)))
        XCTAssertEqual(try CatalogCache.load(root: root, folder: cache, salt: "t").questions, try BankCatalog.load(root: root).questions)
    }

    func testNoCacheFolderMeansAPlainLoad() throws {
        let catalog = try CatalogCache.load(root: root, folder: nil, salt: "t")
        XCTAssertFalse(catalog.questions.isEmpty)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.path))
    }
}
