import Foundation
import XCTest

/// The administration reports read the exam definitions from the banks'
/// snapshot while it holds the files as they are, and parse the files once
/// one changed: a report always describes the exam its file now defines,
/// and checks law names only where it did before (with the statutes).
final class ReportSnapshotTests: AdminSampleTestCase {
    private var cache: URL { runner.folder.appendingPathComponent("cache") }

    private func run(_ arguments: [String]) throws -> DataCommandRunner.Output {
        try runner.run(arguments, environment: ["LAWQUIZ_CACHE": cache.path, "TZ": "Asia/Shanghai", "COLUMNS": "100"])
    }

    private func snapshot() throws {
        let made = try run(["bank", "snapshot"])
        XCTAssertEqual(made.status, 0, made.stderr)
    }

    private func write(_ text: String, exam name: String) throws {
        try text.write(to: sample.banksRoot.appendingPathComponent("exams/\(name).yaml"), atomically: true, encoding: .utf8)
    }

    func testReportsSeeAnExamFileEditedAfterTheSnapshot() throws {
        try snapshot()
        let reports = [["stats", "annual"], ["stats", "annual", "--by", "law"], ["absent", "annual"], ["items", "annual"]]
        for arguments in reports {
            let fresh = try run(arguments)
            XCTAssertEqual(fresh.status, 0, "\(arguments): " + fresh.stderr)
            XCTAssertTrue(fresh.stdout.contains("年度学法考试（annual）"), "\(arguments): " + fresh.stdout)
        }
        // The pass mark too: 1001's 80 and 1004's 60 no longer pass at 85.
        try write(AdminSampleStore.annual.replacingOccurrences(of: "title: 年度学法考试\n", with: "title: 改过的年度考试\npass_mark: 85\n"), exam: "annual")
        for arguments in reports {
            let edited = try run(arguments)
            XCTAssertEqual(edited.status, 0, "\(arguments): " + edited.stderr)
            XCTAssertTrue(edited.stdout.contains("改过的年度考试（annual）"), "\(arguments): " + edited.stdout)
            XCTAssertTrue(edited.stdout.contains("85"), "\(arguments): " + edited.stdout)
        }
        let json = try run(["stats", "annual", "--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"passMark\" : 85"), json.stdout)
    }

    /// An exam naming a law the statutes lack: reports that read no statutes
    /// take it as before, those that do refuse it, snapshot or not.
    func testLawNamesAreCheckedOnlyWhereTheStatutesAreRead() throws {
        try write(
            AdminSampleStore.annual.replacingOccurrences(of: "id: annual\n", with: "id: odd\n")
                .replacingOccurrences(of: "law: archives", with: "law: 没有这部法"), exam: "odd")
        for made in [false, true] {
            if made { try snapshot() }
            let absent = try run(["absent", "odd"])
            XCTAssertEqual(absent.status, 0, "snapshot \(made): " + absent.stderr)
            XCTAssertTrue(absent.stdout.contains("王五"), absent.stdout)
            let byLaw = try run(["stats", "odd", "--by", "law"])
            XCTAssertEqual(byLaw.status, 2, "snapshot \(made): " + byLaw.stdout)
            XCTAssertTrue(byLaw.stderr.contains("没有这部法"), byLaw.stderr)
        }
    }
}
