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
        for name in ["statutes", "banks", "exams"] {
            try FileManager.default.copyItem(
                at: ExamTestPaths.questionBanks.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var root: URL { folder.appendingPathComponent("QuestionBanks") }
    private var cache: URL { folder.appendingPathComponent("cache") }

    /// The snapshots (not the stamp index).
    private func cacheFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: cache, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("catalog-") }
    }

    private var stampIndex: URL { cache.appendingPathComponent(CatalogCache.stampIndexName) }

    /// A clock an hour ahead, so the files copied in setUp count as old and their stamps are recorded.
    private let later: () -> Date = { Date().addingTimeInterval(3600) }

    private func firstBankFile() throws -> URL {
        try XCTUnwrap(
            FileManager.default.contentsOfDirectory(at: root.appendingPathComponent("banks"), includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }.first)
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

    /// `bank snapshot`: a start without its own cache reads the snapshot beside
    /// the banks (and writes none of its own); another build, an edit or a
    /// time zone misses it.
    func testTheShippedSnapshotServesAStartWithoutCacheUntilAnEdit() throws {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let (file, written) = try CatalogCache.writeShipped(root: root, salt: "t", timeZone: zone)
        XCTAssertEqual(file.deletingLastPathComponent().lastPathComponent, CatalogCache.shippedFolderName)
        XCTAssertEqual(written.questions, try BankCatalog.load(root: root).questions)
        // Mark the shipped snapshot so a read of it shows.
        var banks = written.banks
        banks[0].questions[0].stem = "来自题库快照"
        let id = banks[0].questions[0].id
        try CatalogSnapshot.encode(BankCatalog(library: written.library, linted: banks, diagnostics: written.diagnostics)).write(to: file)

        let loaded = try CatalogCache.load(root: root, folder: cache, salt: "t", timeZone: zone)
        XCTAssertEqual(loaded.catalog.question(id)?.stem, "来自题库快照")
        XCTAssertEqual((try? cacheFiles()) ?? [], [], "no user snapshot written")
        XCTAssertNotEqual(try CatalogCache.load(root: root, folder: cache, salt: "other build", timeZone: zone).catalog.question(id)?.stem, "来自题库快照")
        XCTAssertNotEqual(try CatalogCache.load(root: root, folder: cache, salt: "t", timeZone: TimeZone(identifier: "UTC")!).catalog.question(id)?.stem, "来自题库快照")

        let bankFile = try firstBankFile()
        try (try String(contentsOf: bankFile, encoding: .utf8) + "\n# edited\n").write(to: bankFile, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: cache)
        XCTAssertNotEqual(try CatalogCache.load(root: root, folder: cache, salt: "t", timeZone: zone).catalog.question(id)?.stem, "来自题库快照")
        // Writing it again replaces the old one.
        _ = try CatalogCache.writeShipped(root: root, salt: "t", timeZone: zone)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path).count, 1)
    }

    /// Installed banks are group-only: the snapshot (all answer keys) must be too.
    func testTheShippedSnapshotTakesTheBanksFolderModeAndGroup() throws {
        let banks = root.appendingPathComponent("banks").path
        XCTAssertEqual(chmod(banks, 0o750), 0)
        let (file, _) = try CatalogCache.writeShipped(root: root, salt: "t", timeZone: TimeZone(identifier: "UTC")!)
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: file.deletingLastPathComponent().path)
        let fileAttributes = try FileManager.default.attributesOfItem(atPath: file.path)
        let banksAttributes = try FileManager.default.attributesOfItem(atPath: banks)
        XCTAssertEqual((folderAttributes[.posixPermissions] as? NSNumber)?.intValue, 0o750)
        XCTAssertEqual((fileAttributes[.posixPermissions] as? NSNumber)?.intValue, 0o640)
        XCTAssertEqual(fileAttributes[.groupOwnerAccountID] as? NSNumber, banksAttributes[.groupOwnerAccountID] as? NSNumber)
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

    func testStampsOfJustWrittenFilesAreNotRecorded() throws {
        _ = try CatalogCache.load(root: root, folder: cache, salt: "t")
        XCTAssertEqual(try cacheFiles().count, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: stampIndex.path), "files written seconds ago may change within one clock tick")
    }

    func testRecordedStampsSkipHashingButAnEditKeepingSizeAndModificationTimeIsNoticed() throws {
        let first = try CatalogCache.load(root: root, folder: cache, salt: "t", now: later).catalog
        let recorded = try String(contentsOf: stampIndex, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(recorded.count, 2)
        // A recorded key is trusted without reading content: point it at another snapshot name.
        try Data("\(recorded[0])\n00000000000000aa\n".utf8).write(to: stampIndex)
        _ = try CatalogCache.load(root: root, folder: cache, salt: "t", now: later).catalog
        XCTAssertEqual(try cacheFiles().map(\.lastPathComponent), ["catalog-00000000000000aa.bin"])
        try Data("\(recorded[0])\n../../etc/x\n".utf8).write(to: stampIndex)
        XCTAssertEqual(try CatalogCache.load(root: root, folder: cache, salt: "t", now: later).catalog.questions, first.questions)
        XCTAssertEqual(try cacheFiles().map(\.lastPathComponent), ["catalog-\(recorded[1]).bin"], "a malformed index is ignored")

        // Edit a stem in place, same byte count, and set the modification time back.
        let bank = try firstBankFile()
        let modified = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: bank.path)[.modificationDate] as? Date)
        let text = try String(contentsOf: bank, encoding: .utf8)
        let question = try XCTUnwrap(first.questions.first {
            $0.source.file.hasSuffix(bank.lastPathComponent) && text.contains($0.stem) && $0.stem.first.map { String($0).utf8.count == 3 && $0 != "甲" } == true
        })
        let replacement: Character = "甲"  // three UTF-8 bytes, like the character it replaces
        let range = try XCTUnwrap(text.range(of: question.stem))
        let edited = text.replacingCharacters(in: range.lowerBound..<text.index(after: range.lowerBound), with: String(replacement))
        XCTAssertEqual(edited.utf8.count, text.utf8.count)
        usleep(50_000)  // let the coarse file clock tick past the copy made in setUp
        let handle = try FileHandle(forWritingTo: bank)
        try handle.write(contentsOf: Data(edited.utf8))
        try handle.close()
        try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: bank.path)

        let reloaded = try CatalogCache.load(root: root, folder: cache, salt: "t", now: later).catalog
        XCTAssertEqual(reloaded.question(question.id)?.stem.first, replacement)
        XCTAssertEqual(reloaded.questions, try BankCatalog.load(root: root).questions)
    }

    func testExamDefinitionsAreCachedWithTheBanksAndAnEditIsNoticed() throws {
        let exams = root.appendingPathComponent("exams")
        try """
            id: full-2025
            title: 全字段考试
            time_limit_minutes: 30
            sections:
              - { law: work-safety, tags: [应急救援, 培训], type: single, count: 2, points: 2.5 }
              - { type: judge, count: 1, points: 5 }
            pass_mark: 6
            excellent_mark: 9.5
            attempts_allowed: 3
            counting: first
            multiple_scoring: partial
            shuffle_questions: false
            opens_at: 2025-03-01 09:00
            closes_at: 2025-03-15 18:30
            makeup_of: demo
            review: never
            required_departments: [综合办公室, 生产技术部/安全科]
            exemptions:
              - { staff: "10023", reason: 长期病假 }
            """.write(to: exams.appendingPathComponent("full.yaml"), atomically: true, encoding: .utf8)
        try "id: broken\ntitle: [\n".write(to: exams.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let zone = try XCTUnwrap(TimeZone(identifier: "Asia/Shanghai"))
        let first = try CatalogCache.load(root: root, folder: cache, salt: "t", timeZone: zone)
        let direct = try ExamCatalog.load(folder: exams, library: first.catalog.library, timeZone: zone)
        XCTAssertTrue(direct.definitions.contains { $0.id == "full-2025" && $0.closesAt != nil && !$0.exemptions.isEmpty })
        XCTAssertFalse(direct.problems.isEmpty)
        for loaded in [first, try CatalogCache.load(root: root, folder: cache, salt: "t", timeZone: zone)] {
            let cached = try XCTUnwrap(loaded.exams)
            XCTAssertEqual(cached.definitions, direct.definitions)
            XCTAssertEqual(cached.definitions.map(\.definitionHash), direct.definitions.map(\.definitionHash))
            XCTAssertEqual(cached.problems, direct.problems)
        }

        // Served from the snapshot: a tampered title comes back.
        let file = try XCTUnwrap(try cacheFiles().first)
        let stored = try CatalogSnapshot.decodeWithExams(Data(contentsOf: file))
        var definitions = try XCTUnwrap(stored.exams).definitions
        definitions[0].title = "来自缓存"
        try CatalogSnapshot.encode(stored.catalog, exams: ExamCatalog(definitions: definitions, problems: direct.problems)).write(to: file)
        XCTAssertEqual(try CatalogCache.load(root: root, folder: cache, salt: "t", timeZone: zone).exams?.definitions.first?.title, "来自缓存")
        // Another zone reads the times differently: another snapshot.
        let utc = try CatalogCache.load(root: root, folder: cache, salt: "t", timeZone: try XCTUnwrap(TimeZone(identifier: "UTC")))
        XCTAssertNotEqual(utc.exams?.definitions.first?.title, "来自缓存")
        XCTAssertNotEqual(
            utc.exams?.definitions.first { $0.id == "full-2025" }?.closesAt, direct.definitions.first { $0.id == "full-2025" }?.closesAt)

        // Editing an exam file misses the snapshot.
        let demo = exams.appendingPathComponent("demo.yaml")
        let text = try String(contentsOf: demo, encoding: .utf8)
        try text.replacingOccurrences(of: "time_limit_minutes: 5", with: "time_limit_minutes: 7").write(to: demo, atomically: false, encoding: .utf8)
        let edited = try CatalogCache.load(root: root, folder: cache, salt: "t", timeZone: zone)
        XCTAssertEqual(edited.exams?.definitions.first { $0.id == "demo" }?.timeLimitMinutes, 7)
        XCTAssertFalse(edited.exams?.definitions.contains { $0.title == "来自缓存" } ?? true)
    }

    /// The administration reports' read: the statutes and exams of a fresh
    /// snapshot (the user's or the banks' own), the questions skipped; nil
    /// when there is none or it is stale, never parsing nor writing one.
    func testReportsReadTheExamsOfAFreshSnapshotAndNothingOnceAFileChanged() throws {
        let zone = ExamZone(try XCTUnwrap(TimeZone(identifier: "Asia/Shanghai")))
        func exams(laws: Bool, salt: String = "t", folder: URL? = nil) -> (library: LawLibrary?, exams: ExamCatalog)? {
            CatalogCache.exams(root: root, folder: folder ?? cache, salt: salt, zone: zone, laws: laws)
        }
        XCTAssertNil(exams(laws: true), "no snapshot yet")
        XCTAssertEqual((try? cacheFiles()) ?? [], [], "a report writes no snapshot")

        let loaded = try CatalogCache.load(root: root, folder: cache, salt: "t", zone: zone)
        let direct = try ExamCatalog.load(folder: root.appendingPathComponent("exams"), library: loaded.catalog.library, timeZone: zone.timeZone)
        XCTAssertFalse(direct.definitions.isEmpty)
        let withLaws = try XCTUnwrap(exams(laws: true))
        XCTAssertEqual(withLaws.exams.definitions, direct.definitions)
        XCTAssertEqual(withLaws.exams.definitions.map(\.definitionHash), direct.definitions.map(\.definitionHash))
        XCTAssertEqual(withLaws.exams.problems, direct.problems)
        XCTAssertEqual(withLaws.library?.laws, loaded.catalog.library.laws)
        let without = try XCTUnwrap(exams(laws: false))
        XCTAssertNil(without.library)
        XCTAssertEqual(without.exams.definitions, direct.definitions)
        XCTAssertNil(CatalogCache.exams(root: root, folder: nil, salt: "t", zone: zone, laws: true), "cache off")
        XCTAssertNil(exams(laws: true, salt: "another build"))
        XCTAssertNil(CatalogCache.exams(root: root, folder: cache, salt: "t", zone: ExamZone(try XCTUnwrap(TimeZone(identifier: "UTC"))), laws: true))

        // Served from the snapshot: a definition changed in it comes back.
        let file = try XCTUnwrap(try cacheFiles().first)
        var definitions = direct.definitions
        definitions[0].title = "来自快照"
        try CatalogSnapshot.encode(loaded.catalog, exams: ExamCatalog(definitions: definitions, problems: direct.problems)).write(to: file)
        XCTAssertEqual(exams(laws: false)?.exams.definitions.first?.title, "来自快照")
        // A snapshot without exams, or a damaged one, serves nothing.
        try CatalogSnapshot.encode(loaded.catalog).write(to: file)
        XCTAssertNil(exams(laws: true))
        let whole = CatalogSnapshot.encode(loaded.catalog, exams: direct)
        try whole.prefix(whole.count - 1).write(to: file)
        XCTAssertNil(exams(laws: false))

        // The banks' own snapshot serves a user without one, until an exam file changes.
        try FileManager.default.removeItem(at: cache)
        _ = try CatalogCache.writeShipped(root: root, salt: "t", zone: zone)
        XCTAssertEqual(try XCTUnwrap(exams(laws: true)).exams.definitions, direct.definitions)
        let demo = root.appendingPathComponent("exams/demo.yaml")
        let text = try String(contentsOf: demo, encoding: .utf8)
        try text.replacingOccurrences(of: "time_limit_minutes: 5", with: "time_limit_minutes: 7").write(to: demo, atomically: false, encoding: .utf8)
        XCTAssertNil(exams(laws: true), "stale: the report parses the files")
        XCTAssertNil(exams(laws: false))
        XCTAssertEqual((try? cacheFiles()) ?? [], [])
    }
}
