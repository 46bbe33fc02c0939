import Foundation
import LawQuizCore
import XCTest

/// Replays, through the same `FuzzTarget.run` the libFuzzer harnesses call,
/// every input that once crashed a harness (Fixtures/fuzz/<target>/) and the
/// small seeds of Fuzz/seeds/. A regression traps the test process.
final class FuzzRegressionTests: XCTestCase {
    func inputs(_ target: FuzzTarget) throws -> [URL] {
        let folders = [
            TestPaths.fixtures.appendingPathComponent("fuzz/\(target.rawValue)"),
            TestPaths.repositoryRoot.appendingPathComponent("Fuzz/seeds/\(target.rawValue)"),
        ]
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
                .filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
        }
    }

    func testEveryFixedCrashAndSeedRunsThrough() throws {
        let library = try TestPaths.library()
        var replayed: [FuzzTarget: Int] = [:]
        for target in FuzzTarget.allCases {
            for url in try inputs(target) {
                target.run(try Data(contentsOf: url), library: library)
                replayed[target, default: 0] += 1
            }
        }
        XCTAssertGreaterThan(replayed[.rosterXLSX] ?? 0, 0)
        XCTAssertGreaterThan(replayed[.answerInput] ?? 0, 0)
        XCTAssertGreaterThan(replayed[.moodleXML] ?? 0, 0)
        print("fuzz regression inputs replayed: \(replayed.map { "\($0.key.rawValue)=\($0.value)" }.sorted().joined(separator: " "))")
    }

    func testEveryTargetHasAHarness() {
        for target in FuzzTarget.allCases {
            let harness = TestPaths.repositoryRoot.appendingPathComponent("Fuzz/\(target.rawValue).swift")
            XCTAssertTrue(FileManager.default.fileExists(atPath: harness.path), harness.path)
        }
    }
}
